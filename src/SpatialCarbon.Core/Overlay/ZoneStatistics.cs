namespace SpatialCarbon.Core.Overlay;

/// <summary>The statistics of one zone. Counts are Σ coverage (cells, fractional); undefined values (the mean of a
/// zone with no valid cell, the weighted mean with a missing weight) are NaN.</summary>
public sealed record ZoneStatistics(
    double Count,
    double NodataCount,
    double Area_m2,
    double Sum,
    double Mean,
    double Min,
    double Max,
    double Stdev,
    double Majority,
    double Minority,
    int Variety,
    IReadOnlyDictionary<double, double> Frac,
    double WeightedSum,
    double WeightedMean,
    IReadOnlyDictionary<double, double> WeightedFrac)
{
    /// <summary>The value of a scalar statistic (not <see cref="ZonalStatistic.Frac"/> or
    /// <see cref="ZonalStatistic.WeightedFrac"/>, which have one value per class).</summary>
    public double Get(ZonalStatistic statistic) => statistic switch
    {
        ZonalStatistic.Count => Count,
        ZonalStatistic.NodataCount => NodataCount,
        ZonalStatistic.Area => Area_m2,
        ZonalStatistic.Sum => Sum,
        ZonalStatistic.Mean => Mean,
        ZonalStatistic.Min => Min,
        ZonalStatistic.Max => Max,
        ZonalStatistic.Stdev => Stdev,
        ZonalStatistic.Majority => Majority,
        ZonalStatistic.Minority => Minority,
        ZonalStatistic.Variety => Variety,
        ZonalStatistic.WeightedSum => WeightedSum,
        ZonalStatistic.WeightedMean => WeightedMean,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "has one value per class"),
    };
}
