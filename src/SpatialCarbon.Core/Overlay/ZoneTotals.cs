namespace SpatialCarbon.Core.Overlay;

/// <summary>The running, mergeable sums of one zone on one worker, all in float64. Squares are kept about a shift
/// (the first value the worker met) so that the variance loses no precision on large values.</summary>
public struct ZoneTotals
{
    /// <summary>Σ coverage over valid cells.</summary>
    public double Count;

    /// <summary>Σ coverage over nodata cells.</summary>
    public double NodataCount;

    /// <summary>Σ coverage × cell area (m², as the run measures it) over valid cells; kept only when the area is asked.</summary>
    public double Area_m2;

    public double Sum;

    public double Min;

    public double Max;

    public bool HasShift;

    public double Shift;

    /// <summary>Σ coverage × (value - shift).</summary>
    public double SumDeviation;

    /// <summary>Σ coverage × (value - shift)².</summary>
    public double SumSquaredDeviation;

    /// <summary>Σ coverage × weight.</summary>
    public double SumWeights;

    /// <summary>Σ coverage × value × weight.</summary>
    public double SumWeightedValues;

    /// <summary>A covered valid cell had no weight: weighted statistics are undefined (NaN), as in exactextract.</summary>
    public bool WeightMissing;

    public static ZoneTotals Empty => new() { Min = double.PositiveInfinity, Max = double.NegativeInfinity };

    public void Merge(in ZoneTotals other)
    {
        Count += other.Count;
        NodataCount += other.NodataCount;
        Area_m2 += other.Area_m2;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        SumWeights += other.SumWeights;
        SumWeightedValues += other.SumWeightedValues;
        WeightMissing |= other.WeightMissing;
        if (!other.HasShift) return;
        if (!HasShift)
        {
            HasShift = true;
            Shift = other.Shift;
        }

        // Move the other's sums to this shift: Σc(v-a) = Σc(v-b) + W(b-a), Σc(v-a)² = Σc(v-b)² + 2(b-a)Σc(v-b) + W(b-a)².
        var d = other.Shift - Shift;
        SumSquaredDeviation += other.SumSquaredDeviation + 2 * d * other.SumDeviation + other.Count * d * d;
        SumDeviation += other.SumDeviation + other.Count * d;
    }

    /// <summary>Population variance weighted by coverage.</summary>
    public readonly double Variance
    {
        get
        {
            if (Count <= 0) return double.NaN;
            var mean = SumDeviation / Count;
            return Math.Max(0, SumSquaredDeviation / Count - mean * mean);
        }
    }
}
