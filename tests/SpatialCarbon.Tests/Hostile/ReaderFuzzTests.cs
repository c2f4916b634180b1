using System.Diagnostics;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;
using Xunit.Abstractions;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>Mutation fuzzing of the managed readers from the committed seed corpus (Fixtures/fuzz): every mutated input
/// must either read or be refused with <see cref="InputException"/> / <see cref="UnsupportedFormatException"/>, within
/// seconds. Deterministic: a fixed number of mutations per seed (SPATIALCARBON_FUZZ_ITERATIONS, default 300), within a
/// time cap per seed (SPATIALCARBON_FUZZ_SECONDS, default 60).
/// A failing input is kept under the test output as fuzz-crash-*.bin and belongs in the corpus as regress_*.</summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz");

    private static readonly byte[][] Interesting =
    [
        [0], [0xFF], [0x7F], [0x80], [0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0x7F], [0, 0, 0, 0x80], [0xFF, 0xFF, 0xFF, 0xFF],
        [1, 0, 0, 0], [0, 0, 0xF0, 0x7F, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0xF8, 0x7F],
    ];

    private static readonly string[] TextTokens = ["1e300", "-1e308", "NaN", "[", "]", "{", "}", ",", "\"", "null", "@", "\r\n", "99999999999999999999", "0"];

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Corpus).Order())
            if (!f.EndsWith(".md", StringComparison.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutations_are_read_or_refused_cleanly(string seedName)
    {
        var seed = await File.ReadAllBytesAsync(Path.Combine(Corpus, seedName));
        var extension = Path.GetExtension(seedName.Replace("regress_", "", StringComparison.Ordinal));
        var dir = TestEnvironment.TempDir("fuzz");
        var budget = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("SPATIALCARBON_FUZZ_SECONDS"), out var s) ? s : 60);
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("SPATIALCARBON_FUZZ_ITERATIONS"), out var n) ? n : 300;
        var random = new Random(seedName.Aggregate(17, (h, c) => h * 31 + c));
        var clock = Stopwatch.StartNew();
        int executions = 0, refused = 0;
        var isText = extension is ".geojson" or ".txt";
        while (executions < iterations && clock.Elapsed < budget)
        {
            var input = executions == 0 ? seed : Mutate(seed, random, isText);
            var path = Path.Combine(dir, $"case{extension}");
            await File.WriteAllBytesAsync(path, input);
            var run = Task.Run(() => Exercise(path, extension));
            var done = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
            if (done != run) Fail(input, extension, "did not return within 20 s");
            try
            {
                await run;
            }
            catch (Exception e) when (e is InputException or UnsupportedFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Fail(input, extension, $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            executions++;
        }

        output.WriteLine($"fuzz {seedName}: {executions} executions in {clock.Elapsed.TotalSeconds:F1} s, {refused} refused, 0 crashes");
        Assert.True(executions > 1);
    }

    private void Fail(byte[] input, string extension, string why)
    {
        var keep = Path.Combine(AppContext.BaseDirectory, $"fuzz-crash-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(keep, input);
        output.WriteLine($"kept the failing input as {keep}");
        Assert.Fail($"{why} (input kept as {keep})");
    }

    /// <summary>What a command does with the file: open and read every block of a raster; read a vector layer.</summary>
    private static void Exercise(string path, string extension)
    {
        if (extension == ".tif")
        {
            using var r = GeoTiffReader.Open(path, cacheBytes: 4 << 20);
            var g = r.Grid;
            var rows = Math.Min(g.Height, 512);
            var cols = Math.Min(g.Width, 512);
            var buffer = new double[rows * cols];
            for (var b = 1; b <= r.BandCount; b++) r.ReadWindow(b, new RasterWindow(0, 0, cols, rows), buffer);
            return;
        }

        var layer = VectorFile.Read(path);
        foreach (var f in layer.Features) _ = f.Geometry.Area;
    }

    private static byte[] Mutate(byte[] seed, Random random, bool isText)
    {
        var data = new List<byte>(seed);
        var rounds = 1 + random.Next(4);
        for (var k = 0; k < rounds && data.Count > 0; k++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(isText ? 7 : 6))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    var value = Interesting[random.Next(Interesting.Length)];
                    for (var i = 0; i < value.Length && at + i < data.Count; i++) data[at + i] = value[i];
                    break;
                case 2:
                    var bytes = new byte[1 + random.Next(16)];
                    random.NextBytes(bytes);
                    data.InsertRange(at, bytes);
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    // Copy a chunk of the file over another place: structures pointing at structures.
                    var from = random.Next(data.Count);
                    var len = Math.Min(1 + random.Next(32), Math.Min(data.Count - from, data.Count - at));
                    var chunk = data.GetRange(from, len);
                    for (var i = 0; i < len; i++) data[at + i] = chunk[i];
                    break;
                default:
                    data.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(TextTokens[random.Next(TextTokens.Length)]));
                    break;
            }
        }

        return [.. data];
    }
}
