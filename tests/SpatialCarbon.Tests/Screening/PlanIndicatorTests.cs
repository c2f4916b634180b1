using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Support;
using static SpatialCarbon.Tests.Screening.SyntheticWorkspace;

namespace SpatialCarbon.Tests.Screening;

/// <summary><c>screen indicators</c> on a synthetic 3 km square whose districts and protected zones are rectangles off
/// the 30 m grid, so boundary cells are partly covered: checked against numpy computing each cell's covered share of
/// each rectangle in closed form (overlap in x × overlap in y), the union of red line and eco-space by
/// inclusion-exclusion.</summary>
public class PlanIndicatorTests
{
    private static readonly int[] Codes = [1, 2, 3, 5, 9, 7, 8, 4];

    private static string Workspace()
    {
        var dir = TestEnvironment.TempDir("indicators");
        var layers = new[]
        {
            Layer("red_line", ("R1", "红线1", "x", Box(300.5, 450.7, 1200.25, 2000.1))),
            Layer("eco_space", ("E1", "公园1", "森林公园", Box(1000.3, 1800.2, 2500.5, 2800))),
            Layer("admin", ("A1", "甲一区", "甲市", Box(0, 0, 1515, 1500.5)), ("A2", "甲二区", "甲市", Box(0, 1500.5, 1515, 3000)),
                ("B1", "乙一区", "乙市", Box(1515, 0, 3000, 3000))),
        };
        return SyntheticWorkspace.Write(Path.Combine(dir, "ws"), layers, [2000, 2020], (year, c, r) =>
            c < 5 && r < 5 ? 0 : year == 2020 ? Codes[(c * 3 + r * 5) % 8] : Codes[(c * 7 + r * 2) % 8]);
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void Indicators_match_numpy_closed_form_coverage()
    {
        var ws = Workspace();
        var output = Path.Combine(Path.GetDirectoryName(ws)!, "out");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), ["screen", "indicators", "--workspace", ws, "--area-method", "planar", "--out", output], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("natural_wetland_protection_pct", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "indicators.json")));

        var lines = File.ReadAllLines(Path.Combine(output, "indicators.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var expected = NativeTools.Run(Python, "-c", Script, ws).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(9, expected.Count);
        Assert.Equal(9, rows.Count);
        // Zones are held in lon/lat, so the rectangles come back to EPSG:4549 with sub-millimetre round-off: 1 m².
        foreach (var e in expected)
        {
            var row = Assert.Single(rows, r => r["unit"] == e[0] && r["indicator"] == e[1]);
            Assert.Equal(D(e[2]), D(row["value"]), 1e-5);
            Assert.Equal(D(e[3]), D(row["part_ha"]), 1e-4);
            Assert.Equal(D(e[4]), D(row["whole_ha"]), 1e-4);
            var target = e[1] switch { "forest_cover_pct" => 24.1, "natural_wetland_protection_pct" => 60.0, _ => 0.0 };
            Assert.Equal(target, D(row["target"]));
            Assert.Equal(D(e[2]) - target, D(row["gap"]), 1e-5);
            Assert.Equal(D(e[2]) >= target ? "yes" : "no", row["met"]);
        }
    }

    [Fact]
    public void Bad_class_codes_exit_2_with_one_line()
    {
        var ws = Workspace();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), ["screen", "indicators", "--workspace", ws, "--forest-classes", "2,300", "--out", Path.Combine(ws, "o")], stdout, stderr);
        CliAssert.FailsWithOneLine(code, stderr.ToString(), "300");
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>numpy over the rasters read by GDAL; rectangles in local metres as the test draws them.</summary>
    private const string Script = """
        import sys
        import numpy as np
        from osgeo import gdal
        ws = sys.argv[1]
        last = gdal.Open(ws + '/landuse_2020.tif').ReadAsArray().astype(int)
        first = gdal.Open(ws + '/landuse_2000.tif').ReadAsArray().astype(int)
        n, cell = last.shape[0], 30.0
        left = np.arange(n) * cell
        top = n * cell - np.arange(n) * cell
        def cover(rect):
            if rect is None: return np.zeros((n, n))
            x0, y0, x1, y1 = rect
            ox = np.clip(np.minimum(left + cell, x1) - np.maximum(left, x0), 0, None)
            oy = np.clip(np.minimum(top, y1) - np.maximum(top - cell, y0), 0, None)
            return np.outer(oy, ox)  # m² of each cell inside the rectangle, rows x columns
        def meet(a, b):
            if a is None or b is None: return None
            r = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
            return r if r[0] < r[2] and r[1] < r[3] else None
        red, eco = (300.5, 450.7, 1200.25, 2000.1), (1000.3, 1800.2, 2500.5, 2800)
        cities = {'甲市': [(0, 0, 1515, 1500.5), (0, 1500.5, 1515, 3000)], '乙市': [(1515, 0, 3000, 3000)]}
        cities['province'] = cities['甲市'] + cities['乙市']
        def area(cov, grid, classes): return (cov * np.isin(grid, classes)).sum() / 1e4
        for name, rects in cities.items():
            whole = sum(cover(r) for r in rects)
            prot = sum(cover(meet(r, red)) + cover(meet(r, eco)) - cover(meet(meet(r, red), eco)) for r in rects)
            valid = [1, 2, 3, 4, 5, 6, 7, 8, 9]
            total, forest = area(whole, last, valid), area(whole, last, [2, 3])
            wet, wet_prot = area(whole, last, [5, 9]), area(prot, last, [5, 9])
            w1, w0 = area(whole, last, [5]), area(whole, first, [5])
            print(name, 'forest_cover_pct', repr(100 * forest / total), repr(forest), repr(total))
            print(name, 'natural_wetland_protection_pct', repr(100 * wet_prot / wet), repr(wet_prot), repr(wet))
            print(name, 'water_area_change_ha', repr(w1 - w0), repr(w1), repr(w0))
        """;
}
