using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The computation of a stock or change run on aligned rasters: the block-wise pass over the whole grid
/// (feeding the maps), forest growth, the zones, the uncertainty of the change from the table's <c>*_sd</c> columns,
/// and the summary. Writes nothing itself.</summary>
public static class CarbonAnalysis
{
    /// <summary>Monte Carlo draws for the P5–P95 interval of the change (areas are exact; only densities vary).</summary>
    public const int ChangeIntervalDraws = 1000;

    public static CarbonResult Compute(CarbonRequest q, CarbonInputs inputs, CarbonRasters rasters, CarbonZones? zones,
        CarbonMaps maps, CarbonRunOptions options, TextWriter? log = null)
    {
        var pools = inputs.Pools;
        var isChange = rasters.Alternate is not null;
        var t0 = System.Diagnostics.Stopwatch.StartNew();
        var totals = isChange
            ? CarbonBalance.Change(rasters.Baseline, rasters.Alternate!, pools, maps, options)
            : CarbonBalance.Stock(rasters.Baseline, pools, maps.BaselineDensity, options);
        log?.WriteLine($"pass over {rasters.Grid.Width}x{rasters.Grid.Height} cells: {t0.Elapsed.TotalSeconds:F1} s");

        var growth = Growth(q, inputs, rasters, options);
        IReadOnlyList<ZoneCarbon>? zoneResults = null;
        IReadOnlyList<double>? zoneGrowth = null;
        if (zones is not null)
        {
            var zonal = new ZonalRunOptions
            {
                MaxDegreeOfParallelism = options.Threads,
                Warning = w => log?.WriteLine($"{zones.Path}: zone {zones.Ids[w.Zone]}: {w.Problem}"),
            };
            zoneResults = zones.Run(rasters.Baseline, rasters.Alternate, pools, options.AreaMethod, zonal);
            if (growth is not null) zoneGrowth = zones.ForestGrowth(growth.Value.Raster, options.AreaMethod, zonal);
        }

        var interval = isChange && pools.Pools.Any(p => p.HasUncertainty)
            ? MonteCarlo.ChangeInterval(totals.Transitions, pools, ChangeIntervalDraws)
            : ((double P5, double P50, double P95)?)null;
        var summary = CarbonSummary.FromTotals(totals, isChange, inputs.Period, inputs.Valuation) with
        {
            AreaMethod = options.AreaMethod.Name(),
            ChangeP5_mg_c = interval?.P5,
            ChangeP50_mg_c = interval?.P50,
            ChangeP95_mg_c = interval?.P95,
            ForestGrowthSink_mg_c_yr = growth?.Totals.AnnualSink_mg_c_yr,
            ForestGrowthArea_ha = growth?.Totals.ForestArea_ha,
            Zones = zones?.Ids.Count,
            Crs = rasters.Grid.Crs?.Label,
            Inputs = InputPaths(q),
        };
        return new CarbonResult(q, inputs, summary, totals, zones, zoneResults, zoneGrowth);
    }

    private static (ForestGrowthTotals Totals, ForestGrowthRaster Raster)? Growth(CarbonRequest q, CarbonInputs inputs,
        CarbonRasters rasters, CarbonRunOptions options)
    {
        if (inputs.Growth is not { } table) return null;
        var classes = (q.ForestClasses ?? [2]).ToHashSet();
        // Progress reports the main pass only.
        var totals = ForestGrowth.Run(rasters.Baseline, rasters.Alternate, rasters.ForestType!, rasters.StandAge!, table, classes,
            options with { Progress = null });
        return (totals, new ForestGrowthRaster(rasters.Baseline, rasters.Alternate, rasters.ForestType!, rasters.StandAge!, table, classes));
    }

    private static Dictionary<string, string> InputPaths(CarbonRequest q) => new Dictionary<string, string?>
    {
        ["baseline"] = q.Baseline,
        ["alternate"] = q.Alternate,
        ["pools"] = q.Pools,
        ["zones"] = q.Zones,
        ["forest_type"] = q.ForestType,
        ["stand_age"] = q.StandAge,
        ["growth"] = q.GrowthTable,
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
}
