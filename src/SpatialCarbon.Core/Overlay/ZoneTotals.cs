namespace SpatialCarbon.Core.Overlay;

/// <summary>The sums of one zone, all in float64, as statistics are derived from them (held per worker as
/// <see cref="ZoneSums"/> and, when asked, <see cref="ZoneMoments"/>). Squares are kept about a shift (the first value
/// the worker met) so that the variance loses no precision on large values.</summary>
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

    /// <summary>The zone's sums as one record (area, variance and weight sums zero when not kept).</summary>
    internal static ZoneTotals Of(in ZoneSums sums, in ZoneMoments moments) => new()
    {
        Count = sums.Count,
        NodataCount = sums.NodataCount,
        Area_m2 = moments.Area_m2,
        Sum = sums.Sum,
        Min = sums.Min,
        Max = sums.Max,
        HasShift = moments.HasShift,
        Shift = moments.Shift,
        SumDeviation = moments.SumDeviation,
        SumSquaredDeviation = moments.SumSquaredDeviation,
        SumWeights = moments.SumWeights,
        SumWeightedValues = moments.SumWeightedValues,
        WeightMissing = moments.WeightMissing,
    };

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
