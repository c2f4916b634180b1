using System.Globalization;
using System.Text.Json;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Raster;

/// <summary>Paths of the committed GeoTIFF fixtures (made by Fixtures/geotiff/make_fixtures.sh) and independent ways
/// to get their values: the ASCII-grid sources, and GDAL's own raw dumps and JSON reports.</summary>
internal static class GeoTiffFixtures
{
    public static string Dir => Path.Combine(TestEnvironment.RepoRoot, "tests", "SpatialCarbon.Tests", "Fixtures", "geotiff");

    public static string File(string name) => Path.Combine(Dir, name.EndsWith(".tif", StringComparison.Ordinal) ? name : name + ".tif");

    /// <summary>Values of an ESRI ASCII grid, row-major, with its nodata value.</summary>
    public static (int Width, int Height, double[] Values, double NoData) ReadAscii(string name)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Dir, name));
        var header = lines.Take(6).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(p => p[0], p => p[1]);
        var w = int.Parse(header["ncols"], CultureInfo.InvariantCulture);
        var h = int.Parse(header["nrows"], CultureInfo.InvariantCulture);
        var values = lines.Skip(6).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(w * h, values.Length);
        return (w, h, values, double.Parse(header["NODATA_value"], CultureInfo.InvariantCulture));
    }

    /// <summary>GDAL's decoding of one band: gdal_translate -of ENVI to a raw float64 file, read back.</summary>
    public static double[] GdalValues(string tif, int band = 1, int? overview = null)
    {
        var dir = TestEnvironment.TempDir("gdal-dump");
        var raw = Path.Combine(dir, "dump.bin");
        var args = new List<string> { "-q", "-of", "ENVI", "-ot", "Float64", "-b", band.ToString(CultureInfo.InvariantCulture) };
        if (overview is int o) args.AddRange(["-oo", $"OVERVIEW_LEVEL={o}"]);
        args.AddRange([tif, raw]);
        NativeTools.Run("gdal_translate", [.. args]);
        var bytes = System.IO.File.ReadAllBytes(raw);
        Directory.Delete(dir, true);
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    /// <summary>gdalinfo -json of a copy in a temp folder (so -stats leaves no .aux.xml beside the fixture).</summary>
    public static JsonElement GdalInfo(string tif, bool stats = false)
    {
        var dir = TestEnvironment.TempDir("gdalinfo");
        var copy = Path.Combine(dir, Path.GetFileName(tif));
        System.IO.File.Copy(tif, copy);
        var json = NativeTools.Run("gdalinfo", stats ? ["-json", "-stats", copy] : ["-json", copy]);
        Directory.Delete(dir, true);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(JsonElement Info, double[] Values)>> Reports = new();
    private static readonly Lazy<bool> Prefetched = new(() => true);

    /// <summary>gdalinfo -json -stats and GDAL's raw values of a committed fixture. The first call starts GDAL for
    /// every fixture named in <paramref name="batch"/> on a few threads, because process start-up dominates.</summary>
    public static (JsonElement Info, double[] Values) GdalReport(string name, IEnumerable<string> batch)
    {
        if (!Prefetched.IsValueCreated && Prefetched.Value)
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => _ = Report(n));
        return Report(name);
    }

    private static (JsonElement Info, double[] Values) Report(string name) =>
        Reports.GetOrAdd(name, n => new Lazy<(JsonElement, double[])>(() => (GdalInfo(File(n), stats: true), GdalValues(File(n))))).Value;

    public static double[] GeoTransform(JsonElement info) =>
        info.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The EPSG code gdalinfo names for the raster's CRS (its ID["EPSG",n] at the end of the WKT), or null.</summary>
    public static int? EpsgOf(JsonElement info)
    {
        var wkt = info.GetProperty("coordinateSystem").GetProperty("wkt").GetString() ?? "";
        var m = System.Text.RegularExpressions.Regex.Match(wkt, @"ID\[""EPSG"",(\d+)\]\]\s*$");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
