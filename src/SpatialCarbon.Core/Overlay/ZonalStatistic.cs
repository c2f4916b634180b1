namespace SpatialCarbon.Core.Overlay;

/// <summary>A statistic the zonal command can compute per zone (names as exactextract spells them).</summary>
public enum ZonalStatistic
{
    Count,
    Area,
    Sum,
    Mean,
    Min,
    Max,
    Stdev,
    Majority,
    Minority,
    Variety,
    Frac,
    WeightedSum,
    WeightedMean,
    WeightedFrac,
    NodataCount,
}

/// <summary>Names of <see cref="ZonalStatistic"/> on the command line and in CSV headers.</summary>
public static class ZonalStatisticNames
{
    private static readonly (string Name, ZonalStatistic Statistic)[] Table =
    [
        ("count", ZonalStatistic.Count), ("area", ZonalStatistic.Area), ("sum", ZonalStatistic.Sum),
        ("mean", ZonalStatistic.Mean), ("min", ZonalStatistic.Min), ("max", ZonalStatistic.Max),
        ("stdev", ZonalStatistic.Stdev), ("majority", ZonalStatistic.Majority), ("minority", ZonalStatistic.Minority),
        ("variety", ZonalStatistic.Variety), ("frac", ZonalStatistic.Frac), ("weighted_sum", ZonalStatistic.WeightedSum),
        ("weighted_mean", ZonalStatistic.WeightedMean), ("weighted_frac", ZonalStatistic.WeightedFrac),
        ("nodata_count", ZonalStatistic.NodataCount),
    ];

    public static IEnumerable<string> Known => Table.Select(t => t.Name);

    /// <summary>What errors about the statistics list name as their source.</summary>
    public const string ListName = "statistics";

    /// <summary>Parses a comma-separated list such as "count,area,sum,frac" (order kept, duplicates dropped).</summary>
    /// <exception cref="InputException">An unknown name, or an empty list.</exception>
    public static IReadOnlyList<ZonalStatistic> Parse(string list)
    {
        var result = new List<ZonalStatistic>();
        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Table.Where(t => t.Name.Equals(raw, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
                throw new InputException(ListName, raw, $"unknown statistic; known: {string.Join(", ", Known)}");
            if (!result.Contains(match[0].Statistic)) result.Add(match[0].Statistic);
        }

        return result.Count > 0 ? result : throw new InputException(ListName, null, "no statistic given");
    }

    public static string NameOf(ZonalStatistic statistic) => Table.First(t => t.Statistic == statistic).Name;

    /// <summary>True for statistics that need a weights raster.</summary>
    public static bool IsWeighted(ZonalStatistic s) => s is ZonalStatistic.WeightedSum or ZonalStatistic.WeightedMean or ZonalStatistic.WeightedFrac;
}
