using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Csv;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Writes zonal statistics as CSV: the id column, then one column per statistic named as asked
/// (<c>area</c> becomes <c>area_m2</c>; <c>frac</c> one <c>frac_&lt;code&gt;</c> column per class, sorted by code).
/// Invariant culture, round-trip ("R") numbers; undefined values (NaN) are left empty. A last column,
/// <c>area_method</c>, says how cell areas were measured.</summary>
public static class ZonalCsvWriter
{
    /// <summary>The header names for the statistics, given the classes present.</summary>
    public static List<string> Columns(IReadOnlyList<ZonalStatistic> statistics, double[] classes, double[] weightedClasses)
    {
        var columns = new List<string>();
        foreach (var s in statistics)
        {
            switch (s)
            {
                case ZonalStatistic.Frac:
                    columns.AddRange(classes.Select(c => "frac_" + Format(c)));
                    break;
                case ZonalStatistic.WeightedFrac:
                    columns.AddRange(weightedClasses.Select(c => "weighted_frac_" + Format(c)));
                    break;
                case ZonalStatistic.Area:
                    columns.Add("area_m2");
                    break;
                default:
                    columns.Add(ZonalStatisticNames.NameOf(s));
                    break;
            }
        }

        return columns;
    }

    /// <summary>The values of one zone's row, in the order of <see cref="Columns"/>.</summary>
    public static List<double> Values(ZoneStatistics zone, IReadOnlyList<ZonalStatistic> statistics, double[] classes,
        double[] weightedClasses)
    {
        var values = new List<double>();
        foreach (var s in statistics)
        {
            switch (s)
            {
                case ZonalStatistic.Frac:
                    values.AddRange(classes.Select(c => zone.Frac.GetValueOrDefault(c)));
                    break;
                case ZonalStatistic.WeightedFrac:
                    values.AddRange(weightedClasses.Select(c => zone.WeightedFrac.GetValueOrDefault(c)));
                    break;
                default:
                    values.Add(zone.Get(s));
                    break;
            }
        }

        return values;
    }

    /// <summary>Name of the last column: how cell areas were measured.</summary>
    public const string AreaMethodColumn = "area_method";

    /// <summary>Writes the table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, string idField, IReadOnlyList<string> ids, IReadOnlyList<ZoneStatistics> zones,
        IReadOnlyList<ZonalStatistic> statistics, AreaMethod areaMethod)
    {
        var (header, rows) = Table(idField, ids, zones, statistics, areaMethod);
        CsvOutput.Write(output, header, rows);
    }

    /// <summary>Writes the table to a file, through a temporary file in the same folder so that no partial file is
    /// ever left behind.</summary>
    public static void Write(string path, string idField, IReadOnlyList<string> ids, IReadOnlyList<ZoneStatistics> zones,
        IReadOnlyList<ZonalStatistic> statistics, AreaMethod areaMethod)
    {
        var (header, rows) = Table(idField, ids, zones, statistics, areaMethod);
        CsvOutput.WriteFile(path, header, rows);
    }

    private static (List<string> Header, IEnumerable<string[]> Rows) Table(string idField, IReadOnlyList<string> ids,
        IReadOnlyList<ZoneStatistics> zones, IReadOnlyList<ZonalStatistic> statistics, AreaMethod areaMethod)
    {
        var classes = ZonalStatistics.Classes(zones);
        var weightedClasses = ZonalStatistics.Classes(zones, weighted: true);
        List<string> header = [idField, .. Columns(statistics, classes, weightedClasses), AreaMethodColumn];
        var rows = zones.Select((zone, z) => (string[])[CsvOutput.Text(ids[z]),
            .. Values(zone, statistics, classes, weightedClasses).Select(CsvOutput.Number), areaMethod.Name()]);
        return (header, rows);
    }

    private static string Format(double v) => CsvOutput.Number(v);
}
