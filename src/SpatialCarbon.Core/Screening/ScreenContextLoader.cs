using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Builds a <see cref="ScreenContext"/> once from zone layers already read (from whichever store holds them):
/// the zone index, the land-use rasters opened for block reads, the rules and the pool table.</summary>
public static class ScreenContextLoader
{
    /// <exception cref="InputException">A land-use raster cannot be read, or a layer lacks a mapped field.</exception>
    public static ScreenContext Build(IReadOnlyDictionary<string, VectorLayer> layers, IReadOnlyDictionary<int, string> landUseByYear,
        RuleSet rules, CarbonPoolTable? pools, FieldMapping? mapping, DataVersion version)
    {
        var index = ZoningIndex.Build(layers, mapping);
        var landUse = new List<LandUseRaster>();
        try
        {
            foreach (var (year, path) in landUseByYear.OrderBy(kv => kv.Key)) landUse.Add(new LandUseRaster(year, CategoricalRaster.Ensure(GeoTiffReader.Open(path), "land use")));
        }
        catch
        {
            foreach (var l in landUse) l.Raster.Dispose();
            throw;
        }

        return new ScreenContext(index, rules, landUse, pools, version);
    }
}
