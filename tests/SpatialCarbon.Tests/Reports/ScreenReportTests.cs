using System.Text.Json;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Demo;
using SpatialCarbon.Tests.Screening;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Reports;

[Collection(DemoCollection.Name)]
public class ScreenReportTests(DemoWorkspaceFixture fixture)
{
    /// <summary>One footprint: result.json, report.html and report.pdf whose text (pdftotext) is Chinese and which holds
    /// the map image (pdfimages).</summary>
    [RequiresToolFact("chromium")]
    public void One_footprint_gives_result_json_and_a_chinese_pdf_with_the_map()
    {
        var dir = TestEnvironment.TempDir("screen-report");
        var input = ScreenFixtures.WriteGeoJson(dir, "fp.geojson", ScreenFixtures.Box(119.45, 32.13, 900, 700));
        var output = Path.Combine(dir, "out");
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(),
            ["screen", "--footprint", input, "--industry", "2614", "--workspace", fixture.Workspace.Folder, "--out", output], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        foreach (var key in new[] { "verdict", "footprint", "zones", "nearest", "rules", "landuse", "carbon", "clearance", "data_version", "rules_version", "area_method" })
            Assert.True(result.RootElement.TryGetProperty(key, out _), key);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("审图号", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        var pdf = Path.Combine(output, "report.pdf");
        Assert.True(File.Exists(pdf), stderr.ToString());
        var text = NativeTools.Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains("选址研判报告", text, StringComparison.Ordinal);
        Assert.Contains("研判结论", text, StringComparison.Ordinal);
        var images = NativeTools.Run("pdfimages", "-list", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(images.Length >= 3, string.Join("\n", images));
    }
}
