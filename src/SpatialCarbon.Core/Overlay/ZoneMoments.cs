namespace SpatialCarbon.Core.Overlay;

/// <summary>The running sums only some statistics need (area, variance, weights), kept per zone only when asked.
/// Squares are kept about a shift (the first value the worker met) so that the variance loses no precision on large
/// values.</summary>
internal struct ZoneMoments
{
    /// <summary>Σ coverage × cell area (m², as the run measures it) over valid cells.</summary>
    public double Area_m2;

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

    /// <summary>Population variance weighted by coverage, for a zone whose Σ coverage over valid cells is
    /// <paramref name="count"/>.</summary>
    public readonly double Variance(double count)
    {
        if (count <= 0) return double.NaN;
        var mean = SumDeviation / count;
        return Math.Max(0, SumSquaredDeviation / count - mean * mean);
    }

    /// <param name="other">The other worker's moments of the same zone.</param>
    /// <param name="otherCount">The other worker's Σ coverage over valid cells of that zone.</param>
    public void Merge(in ZoneMoments other, double otherCount)
    {
        Area_m2 += other.Area_m2;
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
        SumSquaredDeviation += other.SumSquaredDeviation + 2 * d * other.SumDeviation + otherCount * d * d;
        SumDeviation += other.SumDeviation + otherCount * d;
    }
}
