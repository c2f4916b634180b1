using System.Diagnostics;
using System.Text.Json;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>The output folder of <c>carbon change</c> is replaced whole: a later run with fewer outputs leaves none of the
/// earlier run's files, and leftovers of a killed run (a staging folder, temporary files) are swept by the next run.</summary>
public sealed class CarbonOutputFolderTests
{
    [Fact]
    public void A_run_with_fewer_outputs_leaves_no_stale_files()
    {
        var (dir, a, b, pools, _, _) = CarbonCommandTests.Inputs("carbon-fewer");
        var outDir = Path.Combine(dir, "out");
        string[] run = ["carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--out", outDir, "--area-method", "planar"];
        Assert.Equal(0, CarbonCommandTests.Cli(run).Code);
        Assert.Equal(6, Directory.GetFiles(outDir).Length);
        var (code, _, err) = CarbonCommandTests.Cli([.. run, "--no-maps"]);
        Assert.True(code == 0, err);
        Assert.Equal(["report.html", "summary.json", "transitions.csv"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFileSystemEntries(dir, ".out*"));
    }

    [Fact]
    public void The_next_run_sweeps_a_killed_runs_leftovers()
    {
        var (dir, a, _, pools, va, _) = CarbonCommandTests.Inputs("carbon-sweep");
        var outDir = Path.Combine(dir, "out");
        // A pid that has certainly ended: that of a process we ran and waited for.
        int dead;
        using (var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }

        var staging = Path.Combine(dir, $".out.staging-{dead}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "summary.json"), "{}");
        var temp = Path.Combine(dir, $".out.{dead}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, "half an old folder");

        var (code, _, err) = CarbonCommandTests.Cli("carbon", "stock", "--lulc", a, "--pools", pools, "--out", outDir, "--area-method", "planar", "--no-maps");
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(staging), "the killed run's staging folder is gone");
        Assert.False(File.Exists(temp), "the killed run's temporary file is gone");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var expected = va.Where(v => v != 0).Sum(v => 0.09 * CarbonCommandTests.D(v));
        Assert.Equal(expected, json.RootElement.GetProperty("baseline_total_mg_c").GetDouble(), 6);
    }
}
