using System.Globalization;
using System.Text.Json;
using SpatialCarbon.Reports;
using static SpatialCarbon.Tests.Carbon.CarbonCommandTests;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>The annual sink exists only when both years are known; otherwise no annual figure is written anywhere.</summary>
public class AnnualSinkTests
{
    // Zone "west": the first 10 columns (x 400000–400300) over all rows, in EPSG:4549.
    private const string West = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},
         "features":[{"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[400000,3499100],[400300,3499100],[400300,3500000],[400000,3500000],[400000,3499100]]]}}]}
        """;

    private static (double West, double Total) Change(double[] va, double[] vb)
    {
        double west = 0, total = 0;
        for (var r = 0; r < H; r++)
        {
            for (var c = 0; c < W; c++)
            {
                var i = r * W + c;
                if (va[i] == 0 || vb[i] == 0) continue;
                var d = 0.09 * (D(vb[i]) - D(va[i]));
                total += d;
                if (c < 10) west += d;
            }
        }

        return (west, total);
    }

    [Fact]
    public void ChangeWithoutYearsWritesNoAnnualSinkAndTheReportSaysWhy()
    {
        var (dir, a, b, pools, va, vb) = Inputs("sink-none");
        var zones = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(zones, West);
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = CarbonCommandTests.Cli("carbon", "change", "--area-method", "planar", "--baseline", a, "--alternate", b, "--pools", pools, "--zones", zones,
            "--id-field", "name", "--no-maps", "--out", outDir);
        Assert.True(code == 0, err);
        var (west, total) = Change(va, vb);

        var rows = File.ReadAllLines(Path.Combine(outDir, "zones.csv"));
        Assert.Equal("name,baseline_mg_c,alternate_mg_c,change_mg_c,change_mg_co2e,valid_area_ha,nodata_area_ha", rows[0]);
        Assert.Equal(west, double.Parse(rows[1].Split(',')[3], CultureInfo.InvariantCulture), 6);

        var json = File.ReadAllText(Path.Combine(outDir, "summary.json"));
        Assert.DoesNotContain("annual", json, StringComparison.Ordinal);
        Assert.Equal(total, JsonDocument.Parse(json).RootElement.GetProperty("change_total_mg_c").GetDouble(), 6);

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains(CarbonReports.NoPeriodReason, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mg C/yr", html, StringComparison.Ordinal);
        Assert.Contains("Change by zone", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeWithBothYearsSpreadsTheChangeOverThePeriod()
    {
        var (dir, a, b, pools, va, vb) = Inputs("sink-years");
        var zones = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(zones, West);
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = CarbonCommandTests.Cli("carbon", "change", "--area-method", "planar", "--baseline", a, "--alternate", b, "--pools", pools, "--zones", zones,
            "--id-field", "name", "--baseline-year", "2010", "--alternate-year", "2014", "--no-maps", "--out", outDir);
        Assert.True(code == 0, err);
        var (west, total) = Change(va, vb);

        var rows = File.ReadAllLines(Path.Combine(outDir, "zones.csv"));
        var head = rows[0].Split(',');
        var cells = rows[1].Split(',');
        double Cell(string name) => double.Parse(cells[Array.IndexOf(head, name)], CultureInfo.InvariantCulture);
        Assert.Equal(west, Cell("change_mg_c"), 6);
        Assert.Equal(west / 4, Cell("annual_sink_mg_c_per_yr"), 6);
        Assert.Equal(west / 4 * 44 / 12, Cell("annual_sink_mg_co2e_per_yr"), 6);

        var s = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement;
        Assert.Equal(total / 4, s.GetProperty("annual_sink_mg_c_per_yr").GetDouble(), 6);
        Assert.Equal(total / 4 * 44 / 12, s.GetProperty("annual_sink_mg_co2e_per_yr").GetDouble(), 6);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("annual sink 2010–2014, 4 years", html, StringComparison.Ordinal);
        Assert.DoesNotContain(CarbonReports.NoPeriodReason, html, StringComparison.Ordinal);
    }
}
