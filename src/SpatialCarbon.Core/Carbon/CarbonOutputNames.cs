namespace SpatialCarbon.Core.Carbon;

/// <summary>The file names a carbon run (stock, change or scenario) may leave in its output folder, and the sidecars GIS
/// programs add beside its maps: what an earlier run's folder may hold for a new run to replace it whole.</summary>
public static class CarbonOutputNames
{
    public const string Summary = "summary.json";
    public const string Report = "report.html";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        Summary, Report, "transitions.csv", "zones.csv", "zone_transitions.csv", "scenario.csv",
        "density.tif", "baseline_density.tif", "alternate_density.tif", "change.tif",
    };

    // QGIS and GDAL write statistics, overviews and masks beside a map they open (change.tif.aux.xml, change.tif.ovr).
    private static readonly string[] Sidecars = [".aux.xml", ".ovr", ".msk"];

    /// <summary>Whether <paramref name="name"/> is one of a carbon run's outputs or a sidecar of one of its maps.</summary>
    public static bool IsOutput(string name)
    {
        if (Names.Contains(name)) return true;
        foreach (var s in Sidecars)
            if (name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && Names.Contains(name[..^s.Length])) return true;
        return false;
    }
}
