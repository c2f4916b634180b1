using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;
using static SpatialCarbon.Tests.Screening.SyntheticWorkspace;

namespace SpatialCarbon.Tests.Screening;

/// <summary><c>screen suitable</c> on a synthetic workspace whose damaged land, barren cells and constraints are
/// rectangles, checked against GDAL/GEOS (gdal.Polygonize for the barren patches, OGR union, buffer and difference in
/// the GK zone) and against closed-form carbon.</summary>
public class SuitabilitySearchTests
{
    private const string Rules = """
        { "ruleset": "t", "version": "1", "rules": [
          { "id": "RL", "scope": { "kind": "zone", "zone_kind": "red_line" }, "dimension": "空间布局约束", "effect": "prohibit",
            "condition": { "type": "overlap" }, "text": "t", "source": "s" },
          { "id": "WS", "scope": { "kind": "zone", "zone_kind": "eco_space", "types": ["饮用水水源保护区"] }, "dimension": "环境风险防控",
            "effect": "review", "industries": ["C"], "condition": { "type": "distance", "max_m": 300 }, "text": "t", "source": "s" },
          { "id": "DLE", "scope": { "kind": "zone", "zone_kind": "damaged_land", "types": ["采煤沉陷区", "废弃矿山"] }, "dimension": "资源开发效率要求",
            "effect": "encourage", "industries": ["4416"], "project_types": ["pv"], "condition": { "type": "overlap" }, "text": "t", "source": "s" },
          { "id": "DLR", "scope": { "kind": "zone", "zone_kind": "damaged_land", "types": ["污染地块"] }, "dimension": "环境风险防控",
            "effect": "review", "condition": { "type": "overlap" }, "text": "t", "source": "s" }
        ] }
        """;

    /// <summary>Barren rectangles (local metres, on the 30 m grid): next to D3, alone (cut by E2), too small, one cell.</summary>
    private static readonly (double X0, double Y0, double X1, double Y1)[] Barren =
        [(390, 2010, 990, 2310), (1500, 1500, 2100, 2100), (2700, 2700, 2850, 2850), (2910, 1200, 2940, 1230)];

    private static string Workspace(out string rules)
    {
        var dir = TestEnvironment.TempDir("suitable");
        rules = Path.Combine(dir, "rules.json");
        File.WriteAllText(rules, Rules);
        var layers = new[]
        {
            Layer("red_line", ("R1", "红线1", "x", Box(900, 300, 1500, 700))),
            Layer("eco_space", ("W1", "水源地1", "饮用水水源保护区", Box(2000, 700, 2600, 900)), ("E2", "森林公园2", "森林公园", Box(1800, 1800, 2400, 2400))),
            Layer("damaged_land", ("D1", "沉陷区1", "采煤沉陷区", Box(0, 0, 1200, 1000)), ("D2", "矿山2", "废弃矿山", Box(2000, 0, 2600, 500)),
                ("D3", "污染地块3", "污染地块", Box(0, 2000, 400, 2300))),
            Layer("admin", ("320000", "测试区", "测试市", Box(0, 0, 3000, 3000))),
        };
        return SyntheticWorkspace.Write(Path.Combine(dir, "ws"), layers, [2020], (_, c, r) =>
        {
            var (x, y) = (c * Cell + Cell / 2, (Size - r) * Cell - Cell / 2);
            if (Barren.Any(b => x > b.X0 && x < b.X1 && y > b.Y0 && y < b.Y1)) return 7;
            return x < 1200 && y < 600 ? 2 : 1;
        });
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [RequiresToolFact(NativeTools.GdalCli)]
    public void Candidates_match_gdal_areas_avoid_red_lines_and_are_ranked_by_score()
    {
        var ws = Workspace(out var rules);
        var output = Path.Combine(Path.GetDirectoryName(ws)!, "out");
        var (code, stdout, stderr) = Run("screen", "suitable", "--project-type", "pv", "--min-area-ha", "20", "--workspace", ws, "--rules", rules,
            "--area-method", "planar", "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("S001", stdout, StringComparison.Ordinal);
        var rows = ReadCsv(Path.Combine(output, "candidates.csv"));

        // Independent: GDAL polygonizes the barren cells (4-connected), OGR unions, buffers by the rules' 300 m with 32
        // segments a quadrant, subtracts and measures in EPSG:4549.
        var expected = NativeTools.Run(Python, "-c", ExpectedScript, ws, "300", "20", "1").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(D).Order().ToArray();
        Assert.Equal(4, expected.Length);
        var actual = rows.Select(r => D(r["area_ha"])).Order().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 0.01);

        // Ranked by score, ranks 1..n, and each score is the documented formula of its parts.
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["rank"]));
        for (var i = 1; i < rows.Count; i++) Assert.True(D(rows[i - 1]["score"]) >= D(rows[i]["score"]), "scores must not increase down the ranking");
        foreach (var r in rows)
            Assert.Equal(100 * (0.5 * D(r["s_type"]) + 0.3 * D(r["s_distance"]) + 0.2 * D(r["s_carbon"])), D(r["score"]), 0.02);

        // D2 below the 300 m setback of W1 (and the 1 cm margin): 600 m × 400 m of cropland (pool total 91.4 Mg C/ha, built 36.8), 300 m
        // from W1, encouraged (s_type 1); the largest loss per ha in the table is forest's 169 − 36.8.
        var d2 = Assert.Single(rows, r => r["damaged_codes"] == "D2");
        Assert.Equal(24.0, D(d2["area_ha"]), 0.001);
        Assert.Equal(D(d2["area_ha"]) * 91.4, D(d2["carbon_stock_mg_c"]), 0.01);
        Assert.Equal(D(d2["area_ha"]) * (91.4 - 36.8), D(d2["carbon_cost_mg_c"]), 0.01);
        Assert.Equal(300, D(d2["nearest_constraint_m"]), 0.5);
        Assert.Equal(1.0, D(d2["s_type"]), 1e-9);
        Assert.Equal(1 - (91.4 - 36.8) / (169.0 - 36.8), D(d2["s_carbon"]), 1e-4);
        // D3 (污染地块, review) joined with the barren patch beside it.
        var mixed = Assert.Single(rows, r => r["damaged_codes"] == "D3");
        Assert.Equal("污染地块;barren", mixed["land"]);
        Assert.Equal(12.0, D(mixed["damaged_ha"]), 0.001);

        // The GeoPackage opens in OGR with every candidate, none overlapping the red line.
        var check = NativeTools.Run(Python, "-c", RedLineScript, Path.Combine(output, "candidates.gpkg"), Path.Combine(ws, "zones.gpkg")).Trim().Split(' ');
        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), check[0]);
        Assert.True(D(check[1]) < 1e-6, $"a candidate overlaps the red line by {check[1]} m²");
        Assert.Contains("\"constraints\"", File.ReadAllText(Path.Combine(output, "suitable.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Setback_override_and_exclusions_change_the_candidates()
    {
        var ws = Workspace(out var rules);
        var output = Path.Combine(Path.GetDirectoryName(ws)!, "wide");
        // A 500 m setback leaves D2 600 m × 200 m = 12 ha, under the 20 ha asked for.
        var (code, _, stderr) = Run("screen", "suitable", "--project-type", "pv", "--workspace", ws, "--rules", rules, "--area-method", "planar",
            "--water-setback-m", "500", "--out", output);
        Assert.True(code == 0, stderr);
        var rows = ReadCsv(Path.Combine(output, "candidates.csv"));
        Assert.DoesNotContain(rows, r => r["damaged_codes"] == "D2");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["candidates"], VectorFile.ListLayers(Path.Combine(output, "candidates.gpkg")));
    }

    [Theory]
    [InlineData("--project-type", "solar", "solar")]
    [InlineData("--min-area-ha", "-5", "min area")]
    [InlineData("--min-area-ha", "abc", "abc")]
    [InlineData("--avoid", "encourage", "avoid")]
    [InlineData("--exclude", "red_lines", "red_lines")]
    public void Bad_arguments_exit_2_with_one_line_and_no_output(string option, string value, string fragment)
    {
        var ws = Workspace(out var rules);
        var output = Path.Combine(Path.GetDirectoryName(ws)!, "bad");
        var args = new List<string> { "screen", "suitable", "--workspace", ws, "--rules", rules, "--out", output };
        if (option != "--project-type") args.AddRange(["--project-type", "pv"]);
        args.AddRange([option, value]);
        var (code, _, stderr) = Run([.. args]);
        CliAssert.FailsWithOneLine(code, stderr, fragment);
        Assert.False(File.Exists(Path.Combine(output, "candidates.gpkg")));
    }

    /// <summary>Debian's python3, which has python3-gdal.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private const string ExpectedScript = """
        import sys
        from osgeo import gdal, ogr
        ws, setback, min_area, min_patch = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
        zones = ogr.Open(ws + '/zones.gpkg')
        def shapes(layer, typ=None):
            out = []
            for f in zones.GetLayerByName(layer):
                if typ is None or f.GetField('type') == typ:
                    out.append(f.GetGeometryRef().Clone())
            return out
        def union(gs):
            acc = None
            for g in gs:
                acc = g if acc is None else acc.Union(g)
            return acc
        src = gdal.Open(ws + '/landuse_2020.tif')
        mask = gdal.GetDriverByName('MEM').Create('', src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Byte)
        mask.SetGeoTransform(src.GetGeoTransform()); mask.SetProjection(src.GetProjection())
        mask.GetRasterBand(1).WriteArray((src.GetRasterBand(1).ReadAsArray() == 7).astype('uint8'))
        vds = ogr.GetDriverByName('Memory').CreateDataSource('m')
        patches = vds.CreateLayer('p', srs=src.GetSpatialRef())
        patches.CreateField(ogr.FieldDefn('v', ogr.OFTInteger))
        gdal.Polygonize(mask.GetRasterBand(1), mask.GetRasterBand(1), patches, 0)
        barren = [f.GetGeometryRef().Clone() for f in patches if f.GetGeometryRef().GetArea() >= min_patch * 1e4]
        land = union(shapes('damaged_land') + barren)
        excluded = union(shapes('red_line') + shapes('eco_space') + [g.Buffer(setback, 32) for g in shapes('eco_space', '饮用水水源保护区')])
        rest = land.Difference(excluded)
        parts = [rest.GetGeometryRef(i) for i in range(rest.GetGeometryCount())] if rest.GetGeometryName() == 'MULTIPOLYGON' else [rest]
        for p in parts:
            if p.GetArea() / 1e4 >= min_area:
                print(repr(p.GetArea() / 1e4))
        """;

    private const string RedLineScript = """
        import sys
        from osgeo import ogr
        cds, zds = ogr.Open(sys.argv[1]), ogr.Open(sys.argv[2])
        cands = cds.GetLayerByName('candidates')
        reds = [f.GetGeometryRef().Clone() for f in zds.GetLayerByName('red_line')]
        n, worst = 0, 0.0
        for f in cands:
            n += 1
            g = f.GetGeometryRef()
            for r in reds:
                worst = max(worst, g.Intersection(r).GetArea())
        print(n, repr(worst))
        """;
}
