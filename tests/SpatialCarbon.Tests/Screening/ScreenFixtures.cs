using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Storage;
using SpatialCarbon.Tests.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Screening;

/// <summary>One screening context over the reduced-scale demo workspace, loaded once, and footprint helpers.</summary>
internal static class ScreenFixtures
{
    private static readonly ConcurrentDictionary<string, ScreenContext> Contexts = new();

    public static string RulesPath => Path.Combine(TestEnvironment.RepoRoot, "data", "rules", "jiangsu-demo-rules.json");

    public static string PoolsPath => Path.Combine(TestEnvironment.RepoRoot, "data", "carbon", "clcd_pools_illustrative.csv");

    public static ScreenContext Context(DemoWorkspaceFixture fixture) => Contexts.GetOrAdd(fixture.Workspace.Folder,
        folder =>
        {
            using var store = WorkspaceStore.OpenForReading(folder);
            return WorkspaceScreenContext.Load(store, RuleSetReader.Read(RulesPath), PoolsPath);
        });

    public static VectorLayer Layer(DemoWorkspaceFixture fixture, string name) => VectorFile.Read(fixture.Workspace.Zones, name);

    /// <summary>A lon/lat rectangle of about <paramref name="width_m"/> × <paramref name="height_m"/> centred on a point.</summary>
    public static Polygon Box(double lon, double lat, double width_m, double height_m)
    {
        var dLon = width_m / 2 / (111_320 * Math.Cos(lat * Math.PI / 180));
        var dLat = height_m / 2 / 110_574;
        var f = new GeometryFactory(new PrecisionModel(), 4490);
        return f.CreatePolygon([new(lon - dLon, lat - dLat), new(lon + dLon, lat - dLat), new(lon + dLon, lat + dLat), new(lon - dLon, lat + dLat), new(lon - dLon, lat - dLat)]);
    }

    /// <summary>Polygons as a GeoJSON FeatureCollection in lon/lat, each with a "pid" property P1, P2, ...</summary>
    public static string WriteGeoJson(string dir, string name, params Polygon[] footprints)
    {
        static string Ring(LineString ring) => "[" + string.Join(",", ring.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]"))) + "]";
        var features = footprints.Select((p, i) =>
            $"{{\"type\":\"Feature\",\"properties\":{{\"pid\":\"P{i + 1}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{string.Join(",", new[] { p.ExteriorRing }.Concat(p.InteriorRings).Select(Ring))}]}}}}");
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(",", features)}]}}");
        return path;
    }
}
