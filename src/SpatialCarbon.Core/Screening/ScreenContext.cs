using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>A land-use raster of one year (categorical, e.g. CLCD), opened once; its reads are thread-safe.</summary>
public sealed record LandUseRaster(int Year, IRasterSource Raster);

/// <summary>Everything a screen reads, in memory and built once: the zone index, the rules, the land-use rasters (open
/// handles with block caches), the carbon pool table and the zoning data version. Shared by concurrent screens.</summary>
public sealed record ScreenContext(
    ZoningIndex Zones,
    RuleSet Rules,
    IReadOnlyList<LandUseRaster> LandUse,
    CarbonPoolTable? Pools,
    DataVersion DataVersion) : IDisposable
{
    public void Dispose()
    {
        foreach (var l in LandUse) l.Raster.Dispose();
    }
}
