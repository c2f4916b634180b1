using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Storage;
using SpatialCarbon.Storage.PostGis;

namespace SpatialCarbon.Tests.Storage;

/// <summary>The workspace contract, run on both backends: layers, catalogue, rules, schemes, pools and runs round-trip
/// unchanged, hostile names and values included.</summary>
[Collection(StorageCollection.Name)]
public sealed class WorkspaceStoreTests(StorageFixture fixture)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static readonly string[] HostileNames =
    [
        "'; DROP TABLE zones; --",
        "zones\"; DELETE FROM sc_layers; --",
        "生态保护红线",
        "🌲 forest; 'quoted' \"double\"",
        "a;b'c\"d\\e",
    ];

    internal static VectorLayer SampleLayer(string name, params string[] values)
    {
        Polygon Square(double x, double y, double size) => Factory.CreatePolygon([
            new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        FieldDefinition[] fields =
        [
            new("code", FieldType.String), new("type", FieldType.Integer), new("area_ha", FieldType.Real),
            new("protected", FieldType.Boolean), new("updated", FieldType.DateTime), new("'; DROP TABLE zones; --", FieldType.String),
            new("名称 \"x\"", FieldType.String),
        ];
        var features = new List<VectorFeature>();
        var texts = values.Length > 0 ? values : ["plain"];
        for (var i = 0; i < 12; i++)
        {
            Geometry g = i % 3 == 0
                ? Factory.CreateMultiPolygon([Square(118 + i * 0.1, 32, 0.05), Square(118.06 + i * 0.1, 32, 0.02)])
                : Factory.CreateMultiPolygon([Square(118 + i * 0.1, 32, 0.05)]);
            var text = texts[i % texts.Length];
            features.Add(new VectorFeature(i + 1, g, new Dictionary<string, object?>
            {
                ["code"] = $"ZH320{i:D4}",
                ["type"] = i % 4 == 3 ? null : (long)(i % 3 + 1),
                ["area_ha"] = i * 1234.5678 + 0.1,
                ["protected"] = i % 2 == 0,
                ["updated"] = i % 5 == 4 ? null : new DateTime(2024, 1 + i % 12, 1 + i, 8, 30, 15, 250, DateTimeKind.Utc),
                ["'; DROP TABLE zones; --"] = text,
                ["名称 \"x\""] = i % 4 == 0 ? null : $"{text} #{i}",
            }));
        }

        return new VectorLayer("test", name, CrsRegistry.FromEpsg(4490), fields, features, GeometryIssues.None);
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Layer_round_trips_with_every_attribute_type(string backend)
    {
        using var store = fixture.Create(backend, "roundtrip");
        var layer = SampleLayer("control_unit");
        store.WriteLayer(layer);
        Assert.Equal(["control_unit"], store.LayerNames);
        LayerComparison.AssertSameFeatures(layer, store.ReadLayer("control_unit"));
        var summary = store.DescribeLayer("control_unit");
        Assert.Equal(12, summary.FeatureCount);
        Assert.Equal("EPSG:4490", summary.Crs);
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Hostile_layer_names_and_values_round_trip_unharmed(string backend)
    {
        using var store = fixture.Create(backend, "hostile");
        var sentinel = SampleLayer("zones");
        store.WriteLayer(sentinel);
        var hostileValues = new[] { "'; DROP TABLE zones; --", "x\"); DROP TABLE sc_runs; --", "a;b;c", "生态岛 🌿 ✓", "back\\slash 'q' \"dq\"", "" };
        foreach (var name in HostileNames) store.WriteLayer(SampleLayer(name, hostileValues));

        Assert.Equal(HostileNames.Append("zones").Order(StringComparer.Ordinal), store.LayerNames);
        foreach (var name in HostileNames) LayerComparison.AssertSameFeatures(SampleLayer(name, hostileValues), store.ReadLayer(name));
        LayerComparison.AssertSameFeatures(sentinel, store.ReadLayer("zones"));

        store.AppendRun(new RunRecord("screen --industry '; DROP TABLE zones; --", new Dictionary<string, string> { ["🌲'\""] = "sha256:00" }, ["out; rm -rf /"], DateTime.UtcNow));
        Assert.Equal("screen --industry '; DROP TABLE zones; --", store.Runs.Single().Command);
        Assert.Equal("sha256:00", store.Runs.Single().InputHashes["🌲'\""]);
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Writing_a_layer_again_replaces_it(string backend)
    {
        using var store = fixture.Create(backend, "replace");
        store.WriteLayer(SampleLayer("buffer"));
        var smaller = SampleLayer("buffer") is var l ? l with { Features = l.Features.Take(3).ToArray() } : null!;
        store.WriteLayer(smaller);
        Assert.Equal(3, store.DescribeLayer("buffer").FeatureCount);
        LayerComparison.AssertSameFeatures(smaller, store.ReadLayer("buffer"));
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Catalogue_rules_schemes_pools_and_runs_round_trip(string backend)
    {
        using var store = fixture.Create(backend, "metadata");
        store.PutRaster(new RasterEntry("landuse_2020", RasterKind.LandUse, 2020, "landuse_2020.tif"));
        store.PutRaster(new RasterEntry("forest_type_2020", RasterKind.ForestType, 2020, "rasters/forest type.tif"));
        store.PutRaster(new RasterEntry("density", RasterKind.Derived, null, "derived/density.tif"));
        store.PutRaster(new RasterEntry("landuse_2020", RasterKind.LandUse, 2020, "moved/landuse_2020.tif"));
        Assert.Equal(
            [
                new RasterEntry("density", RasterKind.Derived, null, "derived/density.tif"),
                new RasterEntry("forest_type_2020", RasterKind.ForestType, 2020, "rasters/forest type.tif"),
                new RasterEntry("landuse_2020", RasterKind.LandUse, 2020, "moved/landuse_2020.tif"),
            ],
            store.Rasters);

        Assert.Null(store.ReadRules());
        store.WriteRules(new RulesDocument("2026.1", """{"version":"2026.1","rules":[{"text":"禁止 '; DROP"}]}"""));
        store.WriteRules(new RulesDocument("2026.2", """{"version":"2026.2"}"""));
        Assert.Equal(new RulesDocument("2026.2", """{"version":"2026.2"}"""), store.ReadRules());
        Assert.Equal(["2026.1", "2026.2"], store.RulesHistory.Select(r => r.Version));

        store.WriteClassScheme(new ClassScheme("clcd", """{"1":"耕地 cropland"}"""));
        store.WriteClassScheme(new ClassScheme("clcd", """{"1":"cropland"}"""));
        Assert.Equal(["clcd"], store.ClassSchemeNames);
        Assert.Equal("""{"1":"cropland"}""", store.ReadClassScheme("clcd")!.Json);
        Assert.Null(store.ReadClassScheme("missing"));

        const string csv = "lucode,c_above,c_below,c_soil,c_dead\n1,5,1,80,0.5\n";
        store.WritePoolTable(new PoolTable("clcd_pools", csv));
        Assert.Equal(csv, store.ReadPoolTable("clcd_pools")!.Csv);

        var t0 = new DateTime(2026, 12, 2, 7, 0, 0, 123, DateTimeKind.Utc);
        store.AppendRun(new RunRecord("zonal --raster a.tif", new Dictionary<string, string> { ["a.tif"] = "sha256:ab" }, ["out.csv"], t0));
        store.AppendRun(new RunRecord("carbon stock", new Dictionary<string, string>(), [], t0.AddMinutes(1)));
        var runs = store.Runs;
        Assert.Equal(["zonal --raster a.tif", "carbon stock"], runs.Select(r => r.Command));
        Assert.Equal(t0, runs[0].Time_utc);
        Assert.Equal(["out.csv"], runs[0].Outputs);
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Reserved_and_overlong_layer_names_are_refused(string backend)
    {
        using var store = fixture.Create(backend, "reserved");
        Assert.Throws<InputException>(() => store.WriteLayer(SampleLayer("sc_rasters")));
        Assert.Throws<InputException>(() => store.WriteLayer(SampleLayer("gpkg_contents")));
        Assert.Throws<InputException>(() => store.WriteLayer(SampleLayer(new string('林', 22))));
        Assert.Throws<InputException>(() => store.ReadLayer("absent"));
        Assert.Empty(store.LayerNames);
    }

    /// <summary>Squares of 100 m every 200 m along x in EPSG:4549 (metres): which of them a probe intersects, and which
    /// lie within a distance of it, follow from the coordinates alone.</summary>
    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Spatial_predicates_select_the_features_the_geometry_says(string backend)
    {
        using var store = fixture.Create(backend, "predicates");
        var gk = new GeometryFactory(new PrecisionModel(), 4549);
        const double x0 = 500_000, y0 = 3_500_000;
        var features = Enumerable.Range(0, 10).Select(i => new VectorFeature(i + 1,
            gk.CreatePolygon([new(x0 + 200 * i, y0), new(x0 + 200 * i + 100, y0), new(x0 + 200 * i + 100, y0 + 100), new(x0 + 200 * i, y0 + 100), new(x0 + 200 * i, y0)]),
            new Dictionary<string, object?>())).ToArray();
        store.WriteLayer(new VectorLayer("t", "squares", CrsRegistry.FromEpsg(4549), [], features, GeometryIssues.None));

        // A probe from x0+150 to x0+450 touches squares 2 (x0+200..300) and 3 (x0+400..500) only.
        var probe = gk.CreatePolygon([new(x0 + 150, y0 + 40), new(x0 + 450, y0 + 40), new(x0 + 450, y0 + 60), new(x0 + 150, y0 + 60), new(x0 + 150, y0 + 40)]);
        Assert.Equal([2L, 3L], store.Intersecting("squares", probe));

        // A point at x0+1050 (inside the gap between square 5 [x0+800..900] and 6 [x0+1000..1100]... inside 6): 6 at 0 m,
        // 5 at 150 m, 7 at 150 m, 4 and 8 at 350 m.
        var point = gk.CreatePoint(new Coordinate(x0 + 1050, y0 + 50));
        Assert.Equal([6L], store.WithinDistance("squares", point, 100));
        Assert.Equal([5L, 6L, 7L], store.WithinDistance("squares", point, 151));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], store.WithinDistance("squares", point, 351));

        var areas = store.GaussKrugerAreas_m2("squares");
        Assert.Equal(10, areas.Count);
        Assert.All(areas.Values, a => Assert.Equal(10_000.0, a, 1e-6));
    }

    [Fact]
    public void A_uri_with_a_password_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<InputException>(() => WorkspaceStore.Open("postgresql://alice:s3cret@db.example:5432/zoning"));
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        Assert.Contains("PGPASSWORD", e.Message, StringComparison.Ordinal);
        var q = Assert.Throws<InputException>(() => WorkspaceStore.Open("postgresql://alice@db.example:5432/zoning?password=s3cret"));
        Assert.DoesNotContain("s3cret", q.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uri_is_parsed_into_its_parts()
    {
        var l = PostGisLocation.Parse("postgresql://gis@10.0.0.5:6543/zoning?schema=js%202026");
        Assert.Equal(new PostGisLocation("gis", "10.0.0.5", 6543, "zoning", "js 2026"), l);
        Assert.Equal(5432, PostGisLocation.Parse("postgresql://gis@localhost/zoning").Port);
        Assert.Equal("spatialcarbon", PostGisLocation.Parse("postgresql://gis@localhost/zoning").Schema);
    }
}
