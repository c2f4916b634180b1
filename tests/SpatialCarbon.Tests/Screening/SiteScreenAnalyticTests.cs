using System.Text;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Tests.Screening;

/// <summary>Screens against hand-made zones drawn as rectangles in EPSG:4549 (Gauss-Kruger, central meridian 120° E),
/// whose planar overlaps and distances are known by hand.</summary>
public class SiteScreenAnalyticTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4549);

    private const string Rules = """
        { "ruleset": "t", "version": "1", "rules": [
          { "id": "RL", "scope": { "kind": "zone", "zone_kind": "red_line" }, "dimension": "空间布局约束", "effect": "prohibit",
            "condition": { "type": "overlap", "min_share": 0.3 }, "text": "t", "source": "s" },
          { "id": "ES", "scope": { "kind": "zone", "zone_kind": "eco_space", "types": ["饮用水水源保护区"] }, "dimension": "环境风险防控",
            "effect": "review", "industries": ["C"], "condition": { "type": "distance", "max_m": 1000 }, "text": "t", "source": "s" },
          { "id": "DL", "scope": { "kind": "zone", "zone_kind": "damaged_land" }, "dimension": "资源开发效率要求", "effect": "encourage",
            "industries": ["4416"], "project_types": ["pv"], "condition": { "type": "inside" }, "text": "t", "source": "s" },
          { "id": "BF", "scope": { "kind": "zone", "zone_kind": "buffer" }, "dimension": "空间布局约束", "effect": "allow",
            "industries": ["C"], "condition": { "type": "outside" }, "text": "t", "source": "s" }
        ] }
        """;

    private static ScreenContext Context()
    {
        VectorLayer Layer(string name, params (string Code, string Type, Polygon Box)[] zones) => new(name, name, CrsRegistry.FromEpsg(4549),
            [new("code", FieldType.String), new("name", FieldType.String), new("type", FieldType.String)],
            [.. zones.Select((z, i) => new VectorFeature(i + 1, z.Box, new Dictionary<string, object?> { ["code"] = z.Code, ["name"] = z.Code + " name", ["type"] = z.Type }))],
            GeometryIssues.None);
        var layers = new Dictionary<string, VectorLayer>
        {
            ["red_line"] = Layer("red_line", ("R1", "x", Box(500_000, 3_550_000, 501_000, 3_551_000))),
            ["eco_space"] = Layer("eco_space", ("W1", "饮用水水源保护区", Box(502_000, 3_550_000, 502_500, 3_550_500))),
            ["damaged_land"] = Layer("damaged_land", ("D1", "采煤沉陷区", Box(505_000, 3_550_000, 506_000, 3_551_000))),
            ["buffer"] = Layer("buffer", ("B1", "生态涵养型", Box(510_000, 3_560_000, 510_500, 3_560_500))),
        };
        var rules = RuleSetReader.Parse(Encoding.UTF8.GetBytes(Rules), "t.json");
        return new ScreenContext(ZoningIndex.Build(layers), rules, [], null, new DataVersion("t", "2026-01-01", "0"));
    }

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    [Fact]
    public void Planar_overlap_share_and_distance_match_the_rectangles()
    {
        using var context = Context();
        // 800 m x 500 m; 400 m x 500 m of it inside R1 (20 ha, half); its east edge 600 m from W1.
        var footprint = Box(500_600, 3_550_200, 501_400, 3_550_700);
        var r = SiteScreen.Screen(context, footprint, CrsRegistry.FromEpsg(4549), new ScreenRequest("2614", AreaMethod: AreaMethod.Planar));
        Assert.Equal(4549, r.Footprint.GkEpsg);
        Assert.Equal(40.0, r.Footprint.Area_ha, 0.001);
        var red = Assert.Single(r.Zones, z => z.Layer == "red_line");
        Assert.Equal(20.0, red.Overlap_ha, 0.001);
        Assert.Equal(0.5, red.Share, 1e-5);
        var water = Assert.Single(r.Nearest, n => n.Layer == "eco_space");
        Assert.Equal(600, water.Distance_m, 0.5);
        Assert.Equal("prohibit", r.Verdict);
        Assert.Equal(["RL", "ES", "BF"], r.Rules.Select(x => x.Id));
        Assert.Contains("20.00 ha (50.0 %", r.Rules[0].Reason, StringComparison.Ordinal);
        Assert.Contains("at 600 m", r.Rules[1].Reason, StringComparison.Ordinal);
        // Shifting a little over 400 m east clears R1 (steps of 80 m refined to 1 m; touching still counts).
        Assert.NotNull(r.Clearance);
        Assert.InRange(r.Clearance!.Shift_m!.Value, 400, 402);
        Assert.Equal(0.5, r.Clearance.CutOffShare, 1e-5);
    }

    [Fact]
    public void Ellipsoidal_area_is_the_planar_area_over_the_scale_factor_squared()
    {
        using var context = Context();
        var footprint = Box(500_600, 3_550_200, 501_400, 3_550_700);
        var r = SiteScreen.Screen(context, footprint, CrsRegistry.FromEpsg(4549), new ScreenRequest("2614"));
        // At 1,000 m from the central meridian the GK scale factor is 1 + x²/(2R²) ≈ 1 + 1.2e-8: the same to 1e-6 ha.
        Assert.Equal(40.0, r.Footprint.Area_ha, 0.001);
        Assert.Equal(20.0, Assert.Single(r.Zones, z => z.Layer == "red_line").Overlap_ha, 0.001);
    }

    [Fact]
    public void Pv_wholly_on_damaged_land_is_encouraged_and_steel_is_not()
    {
        using var context = Context();
        var footprint = Box(505_100, 3_550_100, 505_900, 3_550_900);
        var pv = SiteScreen.Screen(context, footprint, CrsRegistry.FromEpsg(4549), new ScreenRequest("4416", ProjectType: "pv"));
        Assert.Equal("encourage", pv.Verdict);
        Assert.Contains(pv.Rules, x => x.Id == "DL");
        var noType = SiteScreen.Screen(context, footprint, CrsRegistry.FromEpsg(4549), new ScreenRequest("4416"));
        Assert.Equal("allow", noType.Verdict);
        Assert.Null(noType.Clearance);
    }
}
