using System.Diagnostics;
using System.Security.Cryptography;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Carbon;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>SIGKILL at random moments of <c>zonal</c> (a file output) and <c>carbon change</c> (a folder output): each
/// time the output is the complete old file or folder or the complete new one, never a partial file or a mix of two
/// runs, and the next run succeeds and leaves no leftovers.</summary>
public sealed class KillTests
{
    private const int Kills = 20;
    private const int CarbonKills = 12;

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

    /// <summary>File name → SHA-256 of every file in the folder, hidden ones included; of a GeoTIFF's decoded cells, since
    /// the parallel pass lays its blocks out in the file in whatever order they finish (a torn map fails to decode).</summary>
    private static Dictionary<string, string> Snapshot(string folder) => Directory.GetFiles(folder)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(f.EndsWith(".tif", StringComparison.Ordinal) ? Cells(f) : File.ReadAllBytes(f))));

    private static byte[] Cells(string tif)
    {
        using var r = GeoTiffReader.Open(tif);
        var cells = new double[r.Grid.Width * r.Grid.Height];
        r.ReadWindow(1, r.Grid.Full, cells);
        return [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(cells.AsSpan())];
    }

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

    [Fact]
    public async Task Carbon_change_folder_is_the_old_or_the_new_set_after_any_kill()
    {
        var (dir, a, b, pools) = Inputs();
        var outDir = Path.Combine(dir, "out");
        string[] common = ["--pools", pools, "--out", outDir, "--area-method", "planar", "--baseline-year", "2010", "--alternate-year", "2020"];
        // Two runs whose sets differ in every file and in their file lists (the dates swapped; no maps: three files fewer).
        string[] mapsRun = ["carbon", "change", "--baseline", a, "--alternate", b, .. common];
        string[] plainRun = ["carbon", "change", "--baseline", b, "--alternate", a, "--no-maps", .. common];
        Assert.Equal(0, RunToEnd(mapsRun));
        var withMaps = Snapshot(outDir);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd(plainRun));
        var plainTime = clock.Elapsed;
        var plain = Snapshot(outDir);
        clock.Restart();
        Assert.Equal(0, RunToEnd(mapsRun));
        var mapsTime = clock.Elapsed;
        Assert.Equal(withMaps, Snapshot(outDir)); // the outputs are reproducible, so a hash names the run that wrote them
        Assert.Equal(["alternate_density.tif", "baseline_density.tif", "change.tif", "report.html", "summary.json", "transitions.csv"], withMaps.Keys.Order());
        Assert.Equal(["report.html", "summary.json", "transitions.csv"], plain.Keys.Order());
        Assert.All(plain, kv => Assert.NotEqual(withMaps[kv.Key], kv.Value));

        var random = new Random(11);
        int old = 0, replaced = 0;
        for (var k = 0; k < CarbonKills; k++)
        {
            var before = Snapshot(outDir);
            var maps = k % 2 == 0;
            using var p = Start(maps ? mapsRun : plainRun);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * (maps ? mapsTime : plainTime).TotalMilliseconds * 1.1));
            p.Kill();
            await p.WaitForExitAsync();
            var after = Snapshot(outDir);
            var isOld = Same(after, before);
            Assert.True(isOld || Same(after, maps ? withMaps : plain), $"kill {k}: the folder mixes two runs: {string.Join(", ", after.Keys.Order())}");
            if (isOld) old++;
            else replaced++;
        }

        Assert.Equal(0, RunToEnd(plainRun));
        Assert.True(Same(plain, Snapshot(outDir)), "the run after the kills leaves exactly its own files");
        Assert.Empty(Directory.GetFileSystemEntries(dir, ".out*"));
        Assert.True(old + replaced == CarbonKills);
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
