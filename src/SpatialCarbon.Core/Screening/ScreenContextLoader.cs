using System.Globalization;
using System.Text.RegularExpressions;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Loads a <see cref="ScreenContext"/> from a workspace folder once: every layer of its zones.gpkg into the
/// zone index, landuse_YYYY.tif opened for block reads, the rules file and the pool table.</summary>
public static partial class ScreenContextLoader
{
    /// <exception cref="InputException">The folder lacks zones.gpkg, or a file cannot be read.</exception>
    public static ScreenContext FromFolder(string folder, string rulesPath, string? poolsPath, FieldMapping? mapping = null, string? zonesFile = null)
    {
        var zonesPath = zonesFile ?? Path.Combine(folder, "zones.gpkg");
        if (!File.Exists(zonesPath)) throw new InputException(folder, null, "no zones.gpkg in the workspace folder");
        var rules = RuleSetReader.Read(rulesPath);
        var layers = VectorFile.ListLayers(zonesPath).ToDictionary(l => l, l => VectorFile.Read(zonesPath, l), StringComparer.Ordinal);
        var index = ZoningIndex.Build(layers, mapping);
        var pools = poolsPath is null ? null : CarbonPoolTable.Read(poolsPath);
        var landUse = new List<LandUseRaster>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(folder, "landuse_*.tif").Order(StringComparer.Ordinal))
            {
                var m = YearPattern().Match(Path.GetFileName(path));
                if (m.Success) landUse.Add(new LandUseRaster(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), CategoricalRaster.Ensure(GeoTiffReader.Open(path), "land use")));
            }
        }
        catch
        {
            foreach (var l in landUse) l.Raster.Dispose();
            throw;
        }

        return new ScreenContext(index, rules, landUse, pools, DataVersion.OfFile(zonesPath, $"{Path.GetFileName(Path.GetFullPath(folder))}/{Path.GetFileName(zonesPath)}"));
    }

    [GeneratedRegex(@"^landuse_(\d{4})\.tif$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();
}
