using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Demo;

/// <summary>Carbon stock of one city in the first and last demo years (plain stock sum: density of the class × exact
/// covered area), in Mg C.</summary>
public sealed record CityCarbon(string City, double Area_ha, double Stock2000_mg_c, double Stock2020_mg_c)
{
    public double Change_mg_c => Stock2020_mg_c - Stock2000_mg_c;
}

/// <summary>Per-city carbon stock and change 2000→2020 of the demo workspace: the 96 admin districts are overlaid
/// exactly on both land-use rasters by the zonal engine, and districts are summed per city.</summary>
public static class DemoCarbonReport
{
    public static IReadOnlyList<CityCarbon> PerCity(DemoWorkspace workspace)
    {
        var pools = CarbonPoolTable.Read(workspace.PoolTable);
        using var baseline = GeoTiffReader.Open(workspace.LandUse(LandUseSynthesizer.Years[0]));
        using var alternate = GeoTiffReader.Open(workspace.LandUse(LandUseSynthesizer.Years[^1]));
        var admin = ZonePreparation.Prepare(VectorFile.ReadSource(workspace.Zones, "admin"), baseline.Grid.Crs ?? CrsRegistry.FromEpsg(4549));
        var zones = admin.Geometries;
        var workers = ZonalEngine.Run<ZoneCarbonAccumulator>([baseline, alternate], zones,
            CellAreaModel.For(baseline.Grid, AreaMethod.Ellipsoidal, baseline.Path), () => new ZoneCarbonAccumulator(pools, zones.Count, baseline.NoData, alternate.NoData));
        var results = ZoneCarbonAccumulator.MergeAll(workers).Results($"{baseline.Path}, {alternate.Path}");
        return admin.Zones.Select((f, i) => (City: f.Attributes["city"] as string ?? "?", Result: results[i]))
            .GroupBy(x => x.City)
            .Select(g => new CityCarbon(g.Key, g.Sum(x => x.Result.ValidArea_ha), g.Sum(x => x.Result.Baseline_mg_c), g.Sum(x => x.Result.Alternate_mg_c)))
            .OrderBy(c => DemoInputs.CityCodes.TryGetValue(c.City, out var code) ? code : c.City, StringComparer.Ordinal)
            .ToArray();
    }
}
