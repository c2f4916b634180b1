using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A stock run (no <see cref="Alternate"/>) or a change run, as the CLI's <c>carbon stock|change</c> take it.
/// Cell areas are measured with <see cref="AreaMethod"/>; <see cref="AssumedCrs"/> is the CRS of rasters that carry
/// none (without it such rasters are refused: their areas would be in unknown units).</summary>
public sealed record CarbonRequest(
    string Baseline,
    string? Alternate,
    string Pools,
    string OutDir,
    int? BaselineYear = null,
    int? AlternateYear = null,
    double? Price = null,
    double DiscountRatePercent = 0,
    double PriceChangePercent = 0,
    string? Zones = null,
    string? ZoneLayer = null,
    string? IdField = null,
    bool Align = false,
    string? ForestType = null,
    string? StandAge = null,
    string? GrowthTable = null,
    IReadOnlyList<int>? ForestClasses = null,
    IReadOnlyDictionary<string, int>? ForestTypeCodes = null,
    bool WriteMaps = true,
    int Threads = 0,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal,
    SpatialReference? AssumedCrs = null);

/// <summary>A scenario run: baseline land use, pools, the scenario file, Monte Carlo draws and seed, how cell areas are
/// measured and the CRS assumed for a raster that carries none. <see cref="ZoneSource"/> is where an intervention
/// naming a layer but no zones file takes the layer from (the CLI's --workspace; handed to the zone reader as the
/// path).</summary>
public sealed record ScenarioRequest(string Lulc, string Pools, string ScenarioPath, string OutDir, int Iterations = 1000, int Seed = 1,
    int Threads = 0, AreaMethod AreaMethod = AreaMethod.Ellipsoidal, SpatialReference? AssumedCrs = null, string? ZoneSource = null);
