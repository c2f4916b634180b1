using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Storage;

namespace SpatialCarbon.Bench;

/// <summary>Workspace-store timings for bench/storage/run.sh, one backend per call so that both run side by side:
/// zonal statistics per control unit with the zones read from the store, and many footprint queries (intersects and
/// within 1 km) against the control units.</summary>
public static class StorageBenchmark
{
    /// <summary>Reads control_unit from the workspace and computes count,sum,frac of the raster per unit.</summary>
    public static void Zonal(string locator, string raster)
    {
        var clock = Stopwatch.StartNew();
        using var store = WorkspaceStore.OpenForReading(locator);
        var source = store.ReadSource("control_unit");
        var read = clock.Elapsed.TotalSeconds;
        using var values = GeoTiffReader.Open(raster);
        var zones = SpatialCarbon.Core.Zoning.Preparation.ZonePreparation.Prepare(source, values.Grid.Crs).Geometries;
        var stats = ZonalStatistics.Compute(values, null, zones, new ZonalOptions(ZonalStatisticNames.Parse("count,sum,frac")));
        var total = clock.Elapsed.TotalSeconds;
        var count = stats.Sum(s => s.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"zonal per control unit: {source.Features.Count} units, open+read {read:F2} s, total {total:F2} s, covered cells {count:F1}"));
    }

    /// <summary>Runs <paramref name="n"/> footprint queries (300 m × 300 m squares spread over the province) against
    /// control_unit: intersecting units and units within 1 km.</summary>
    public static void Queries(string locator, int n)
    {
        using var store = WorkspaceStore.OpenForReading(locator);
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var random = new Random(20261202);
        var probes = Enumerable.Range(0, n).Select(_ =>
        {
            var x = 117.0 + random.NextDouble() * 4.5;
            var y = 31.0 + random.NextDouble() * 3.8;
            const double d = 0.003;
            return (Geometry)factory.CreatePolygon([new(x, y), new(x + d, y), new(x + d, y + d), new(x, y + d), new(x, y)]);
        }).ToArray();
        long hits = 0, near = 0;
        var clock = Stopwatch.StartNew();
        foreach (var p in probes) hits += store.Intersecting("control_unit", p).Count;
        var intersects = clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var p in probes) near += store.WithinDistance("control_unit", p, 1000).Count;
        var within = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} footprints: intersects {intersects:F2} s ({intersects / n * 1000:F2} ms each, {hits} hits), within 1 km {within:F2} s ({within / n * 1000:F2} ms each, {near} hits)"));
    }
}
