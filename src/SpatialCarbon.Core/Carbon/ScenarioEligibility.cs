using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Measures each intervention's eligible land on the base-year land use with the exact zonal engine;
/// overlapping zones of one intervention are merged first so no land counts twice.</summary>
public static class ScenarioEligibility
{
    public static IReadOnlyList<EligibleLand> Measure(Scenario scenario, string scenarioPath, IRasterSource lulc, CarbonPoolTable pools,
        CarbonRunOptions options, Func<string, string?, SourceLayer>? readZones = null, string? zoneSource = null)
    {
        var land = new List<EligibleLand>();
        TransitionMatrix? whole = null;
        foreach (var named in scenario.Interventions)
        {
            // A layer without a zones file is a layer of the zone source (the workspace); without one it would be
            // ignored and the whole raster taken, so that is refused.
            var iv = named is { Zones: null, Layer: { } layer }
                ? named with { Zones = zoneSource ?? throw new InputException(scenarioPath, named.Name, $"names layer '{layer}' but no zones file; give \"zones\", or --workspace to take the layer from a workspace") }
                : named;
            var region = Region(iv, scenarioPath, lulc, readZones);
            // The whole raster is one block-wise pass, faster than overlaying its outline.
            var m = iv.Zones is null
                ? whole ??= CarbonBalance.Stock(lulc, pools, null, options).Transitions
                : Land(region, lulc, pools, options);
            var k = pools.Codes.Count;
            var areas = new Dictionary<int, double>();
            foreach (var from in iv.FromClasses)
            {
                var f = pools.Codes.IndexOf(from);
                if (f < 0) throw new InputException(pools.Path, null, $"class {from} used by intervention '{iv.Name}' is not in the table");
                areas[from] = m.Area_m2[f * k + f] * CarbonUnits.HaPerM2;
            }

            land.Add(new EligibleLand(iv, region, areas));
        }

        return land;
    }

    /// <summary>The base-year land of each class inside a region (the diagonal of a stock run's matrix), through the
    /// exact zonal engine.</summary>
    public static TransitionMatrix Land(Geometry region, IRasterSource lulc, CarbonPoolTable pools, CarbonRunOptions options)
    {
        var zone = new CarbonZones("region", "id", ["region"], [region], PreparationReport.None);
        return zone.Run(lulc, null, pools, options.AreaMethod, new ZonalRunOptions { MaxDegreeOfParallelism = options.Threads })[0].Transitions;
    }

    private static Geometry Region(Intervention iv, string scenarioPath, IRasterSource lulc, Func<string, string?, SourceLayer>? readZones)
    {
        if (iv.Zones is null)
        {
            return new GeometryFactory().ToGeometry(lulc.Grid.Bounds);
        }

        var z = CarbonZones.Load(iv.Zones, iv.Layer, null, lulc.Grid.Crs, iv.Filter, readZones);
        if (z.Geometries.Count == 0)
            throw new InputException(scenarioPath, iv.Name, $"no zone of {iv.Zones} passes the filter");
        return UnaryUnionOp.Union(z.Geometries);
    }
}
