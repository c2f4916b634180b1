using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Cli;

public sealed class InfoCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "geotiff", name);

    public static TheoryData<string> ReadableFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "geotiff"), "*.tif").Order())
        {
            if (!Path.GetFileName(f).StartsWith("bad_", StringComparison.Ordinal)) data.Add(Path.GetFileName(f));
        }

        return data;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = CommandCatalog.CreateRoot();
        var code = CliRunner.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>`info --json` agrees with `gdalinfo -json -stats` on size, geotransform, nodata and min/max/mean/stddev
    /// of band 1 to 1e-9 relative, for every GDAL-written fixture.</summary>
    [RequiresToolTheory(NativeTools.GdalCli)]
    [MemberData(nameof(ReadableFixtures))]
    public void Info_agrees_with_gdalinfo_stats(string name)
    {
        var dir = TestEnvironment.TempDir("info");
        var copy = Path.Combine(dir, name);
        File.Copy(Fixture(name), copy);
        var (code, output, err) = Run("info", copy, "--json");
        Assert.True(code == 0, err);
        var ours = JsonNode.Parse(output)!;
        using var gdal = JsonDocument.Parse(NativeTools.Run("gdalinfo", "-json", "-stats", copy));
        var g = gdal.RootElement;

        Assert.Equal(g.GetProperty("size")[0].GetInt32(), (int)ours["width"]!);
        Assert.Equal(g.GetProperty("size")[1].GetInt32(), (int)ours["height"]!);
        var gt = g.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ourGt = ours["geotransform"]!.AsArray().Select(n => (double)n!).ToArray();
        for (var i = 0; i < 6; i++) AssertClose(gt[i], ourGt[i], 1e-9, $"geotransform[{i}]");

        var band = g.GetProperty("bands")[0];
        if (band.TryGetProperty("noDataValue", out var nd))
            AssertClose(nd.ValueKind == JsonValueKind.String ? double.Parse(nd.GetString()!, CultureInfo.InvariantCulture) : nd.GetDouble(),
                (double)ours["nodata"]!, 1e-12, "nodata");
        else
            Assert.Null(ours["nodata"]);

        var md = band.GetProperty("metadata").GetProperty("").EnumerateObject().ToDictionary(p => p.Name, p => double.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture));
        var stats = ours["statistics"]![0]!;
        AssertClose(md["STATISTICS_MINIMUM"], (double)stats["min"]!, 1e-9, "min");
        AssertClose(md["STATISTICS_MAXIMUM"], (double)stats["max"]!, 1e-9, "max");
        AssertClose(md["STATISTICS_MEAN"], (double)stats["mean"]!, 1e-9, "mean");
        AssertClose(md["STATISTICS_STDDEV"], (double)stats["stddev"]!, 1e-9, "stddev");
        if (md.TryGetValue("STATISTICS_VALID_PERCENT", out var pct))
        {
            var valid = (double)stats["valid_count"]!;
            var total = valid + (double)stats["nodata_count"]!;
            Assert.Equal(pct, 100 * valid / total, 2);
        }
    }

    [Fact]
    public void Info_text_names_the_crs_blocks_and_statistics()
    {
        var (code, output, err) = Run("info", Fixture("int_Byte_tiled_lzw.tif"));
        Assert.True(code == 0, err);
        Assert.Contains("data_type: Byte", output);
        Assert.Contains("block_size:", output);
        Assert.Contains("epsg: 4549", output);
        Assert.Contains("mean:", output);
    }

    [Fact]
    public void Info_on_districts_reports_every_repair()
    {
        var path = Path.Combine(TestEnvironment.JiangsuData, "districts.geojson");
        var (code, output, err) = Run("info", path, "--json");
        Assert.True(code == 0, err);
        var layer = JsonNode.Parse(output)!["layers"]![0]!;
        Assert.Equal(96, (int)layer["feature_count"]!);
        // data/jiangsu/README.md says 90 of 96 are invalid (GEOS); NTS's validity test also flags one ring that touches
        // itself at a point, so count with NTS directly on the raw GeoJSON as the reference.
        var options = new JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        var raw = JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(File.ReadAllText(path), options)!;
        var invalid = raw.Count(f => !f.Geometry.IsValid);
        Assert.InRange(invalid, 90, 91);
        Assert.Equal(invalid, (int)layer["invalid_geometries"]!);
        Assert.Equal(invalid, (int)layer["repaired_geometries"]!);
        Assert.Equal(4326, (int)layer["crs"]!["epsg"]!);
        var extent = layer["extent"]!.AsArray().Select(n => (double)n!).ToArray();
        Assert.InRange(extent[0], 116.3, 116.4); // Jiangsu's western edge near 116.36E
        Assert.InRange(extent[2], 121.9, 122.0);
    }

    [Fact]
    public void Info_on_a_missing_or_broken_file_exits_2_with_one_line()
    {
        var (code, _, err) = Run("info", "/nonexistent/x.tif");
        CliAssert.FailsWithOneLine(code, err, "/nonexistent/x.tif");

        (code, _, err) = Run("info", Fixture("bad_truncated.tif"));
        CliAssert.FailsWithOneLine(code, err, "bad_truncated.tif");
    }

    private static void AssertClose(double expected, double actual, double rel, string what)
    {
        var tol = rel * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
