using System.Text.RegularExpressions;

namespace SpatialCarbon.Storage;

/// <summary>Recognises a workspace folder's rasters by the demo's file names: landuse_YEAR.tif, forest_type[_YEAR].tif,
/// forest_age / stand_age[_YEAR].tif; any other .tif is entered as derived.</summary>
public static partial class RasterCatalogue
{
    public static IReadOnlyList<RasterEntry> Discover(string folder) =>
        Directory.EnumerateFiles(folder, "*.tif")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(file => Classify(file!))
            .ToArray();

    /// <summary>The catalogue entry for a file name (relative path = the name).</summary>
    public static RasterEntry Classify(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var match = YearSuffix().Match(stem);
        int? year = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var kind = stem switch
        {
            _ when stem.StartsWith("landuse", StringComparison.OrdinalIgnoreCase) => RasterKind.LandUse,
            _ when stem.StartsWith("forest_type", StringComparison.OrdinalIgnoreCase) => RasterKind.ForestType,
            _ when stem.StartsWith("forest_age", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("stand_age", StringComparison.OrdinalIgnoreCase) => RasterKind.StandAge,
            _ => RasterKind.Derived,
        };
        return new RasterEntry(stem, kind, year, fileName.Replace('\\', '/'));
    }

    [GeneratedRegex(@"_(\d{4})$")]
    private static partial Regex YearSuffix();
}
