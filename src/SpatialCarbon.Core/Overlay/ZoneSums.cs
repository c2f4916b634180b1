namespace SpatialCarbon.Core.Overlay;

/// <summary>The running sums every zone needs on every worker (count, nodata, sum, extremes), in float64: kept for all
/// zones whatever is asked; <see cref="ZoneMoments"/> holds the rest.</summary>
internal struct ZoneSums
{
    public double Count;

    public double NodataCount;

    public double Sum;

    public double Min;

    public double Max;

    public static ZoneSums Empty => new() { Min = double.PositiveInfinity, Max = double.NegativeInfinity };

    public void Merge(in ZoneSums other)
    {
        Count += other.Count;
        NodataCount += other.NodataCount;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }
}
