using System.Diagnostics;
using System.Security.Cryptography;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Carbon;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>SIGKILL at random moments of <c>zonal</c> (a file output): each time the output is the complete old file or
/// the complete new one, never a partial file, and the next run leaves no leftovers. (The folder swap of
/// <c>carbon change</c> through AtomicFolder is not wired into the carbon command yet.)</summary>
public sealed class KillTests
{
    private const int Kills = 20;

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "spatialcarbon.dll");

    /// <summary>Two 2,000² land-use years (classes 1, 2, 5) so that a run with maps lasts about a second.</summary>
    private static (string Dir, string A, string B, string Pools) Inputs()
    {
        var dir = TestEnvironment.TempDir("kill");
        var grid = CarbonFixtures.Projected(2000, 2000);
        string Write(string name, int shift)
        {
            var v = new double[2000 * 2000];
            for (var i = 0; i < v.Length; i++) v[i] = ((i / 2000 + i % 2000 + shift) / 97 % 3) switch { 0 => 1, 1 => 2, _ => 5 };
            var path = Path.Combine(dir, name);
            using var m = new MemoryRaster(grid, v, RasterDataType.Byte, 0);
            GeoTiffWriter.Write(path, m, new GeoTiffWriteOptions(RasterDataType.Byte, 0));
            return path;
        }

        var pools = Path.Combine(dir, "pools.csv");
        File.WriteAllText(pools, CarbonFixtures.Pools);
        return (dir, Write("a.tif", 0), Write("b.tif", 40), pools);
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private static int RunToEnd(params string[] args)
    {
        using var p = Start(args);
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>File name → SHA-256 of every file in the folder, hidden ones included.</summary>
    private static Dictionary<string, string> Snapshot(string folder) => Directory.GetFiles(folder)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public async Task Zonal_output_file_is_old_or_new_whole_after_any_kill()
    {
        var (dir, a, _, _) = Inputs();
        var zones = Path.Combine(dir, "z.geojson");
        File.WriteAllText(zones, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Polygon","coordinates":[[[400100,3450100],[459000,3450100],[459000,3499000],[400100,3499000],[400100,3450100]]]}}]}""");
        var csv = Path.Combine(dir, "z.csv");
        string[] countRun = ["zonal", "--raster", a, "--zones", zones, "--id-field", "id", "--stats", "count", "--out", csv];
        string[] fracRun = ["zonal", "--raster", a, "--zones", zones, "--id-field", "id", "--stats", "count,sum,mean,frac", "--out", csv];
        Assert.Equal(0, RunToEnd(fracRun));
        var fracText = File.ReadAllText(csv);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd(countRun));
        var fullRun = clock.Elapsed;
        var countText = File.ReadAllText(csv);
        var random = new Random(7);
        for (var k = 0; k < Kills; k++)
        {
            using var p = Start(k % 2 == 0 ? fracRun : countRun);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * fullRun.TotalMilliseconds * 1.1));
            p.Kill();
            await p.WaitForExitAsync();
            var text = File.ReadAllText(csv);
            Assert.True(text == fracText || text == countText, $"kill {k}: a partial CSV");
        }

        Assert.Equal(0, RunToEnd(countRun));
        Assert.Empty(Directory.GetFileSystemEntries(dir, ".z.csv*"));
    }
}
