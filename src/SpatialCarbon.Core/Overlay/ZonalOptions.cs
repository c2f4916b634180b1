using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Overlay;

/// <summary>What to compute per zone, how cell areas are measured, and how nodata and thin slivers are treated.</summary>
/// <param name="Statistics">The statistics asked for (they decide which sums the accumulator keeps).</param>
/// <param name="DefaultValue">Value given to nodata cells of the value raster; null leaves them out (and counts them
/// in nodata_count).</param>
/// <param name="MinCoverage">Cells covered by less than this fraction are ignored altogether.</param>
/// <param name="AreaMethod">Cell areas on the ellipsoid (the default) or planar in the raster's CRS.</param>
public sealed record ZonalOptions(IReadOnlyList<ZonalStatistic> Statistics, double? DefaultValue = null, double MinCoverage = 0,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal)
{
    public bool Wants(ZonalStatistic s) => Statistics.Contains(s);

    public bool WantsAny(params ZonalStatistic[] any) => any.Any(Statistics.Contains);
}
