using System.Text.Json;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Demo;
using SpatialCarbon.Tests.Screening;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Cli;

[Collection(DemoCollection.Name)]
public class ScreenCommandTests(DemoWorkspaceFixture fixture)
{
    private (int Code, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stderr.ToString());
    }

    [Fact]
    public void Several_footprints_give_one_jsonl_object_and_one_csv_row_each()
    {
        var dir = TestEnvironment.TempDir("screen-batch");
        var input = ScreenFixtures.WriteGeoJson(dir, "fps.geojson",
            ScreenFixtures.Box(119.50, 33.00, 700, 700), ScreenFixtures.Box(120.90, 32.30, 500, 500), ScreenFixtures.Box(118.60, 32.10, 900, 400));
        var output = Path.Combine(dir, "out");
        var (code, stderr) = Run("screen", "--footprint", input, "--id-field", "pid", "--industry", "3110", "--workspace", fixture.Workspace.Folder, "--out", output);
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "results.jsonl"));
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < 3; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal($"P{i + 1}", doc.RootElement.GetProperty("id").GetString());
            Assert.Equal("prohibit", doc.RootElement.GetProperty("verdict").GetString());
        }

        var csv = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal("id,verdict,area_ha,red_line_ha,eco_space_ha,units,rules", csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("P1,prohibit,", csv[1], StringComparison.Ordinal);
        Assert.Contains("JS-PW-001", csv[1], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public void A_footprint_without_area_is_bad_input_on_one_line()
    {
        var dir = TestEnvironment.TempDir("screen-bad");
        var input = Path.Combine(dir, "line.geojson");
        File.WriteAllText(input, """{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[119.5,33.0],[119.6,33.1]]}}""");
        var (code, stderr) = Run("screen", "--footprint", input, "--industry", "3110", "--workspace", fixture.Workspace.Folder, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("without area", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "result.json")));
    }

    [Fact]
    public void A_rules_file_error_names_the_line()
    {
        var dir = TestEnvironment.TempDir("screen-rules");
        var rules = Path.Combine(dir, "rules.json");
        var text = File.ReadAllText(ScreenFixtures.RulesPath).Replace("\"effect\": \"restrict\"", "\"effect\": \"forbidden\"", StringComparison.Ordinal);
        File.WriteAllText(rules, text);
        var line = Array.FindIndex(text.Split('\n'), l => l.Contains("forbidden", StringComparison.Ordinal)) + 1;
        var input = ScreenFixtures.WriteGeoJson(dir, "fp.geojson", ScreenFixtures.Box(119.50, 33.00, 700, 700));
        var (code, stderr) = Run("screen", "--footprint", input, "--industry", "3110", "--workspace", fixture.Workspace.Folder, "--rules", rules, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"rules.json: line {line}: rule JS-ES-002: unknown effect 'forbidden'", stderr, StringComparison.Ordinal);
    }
}
