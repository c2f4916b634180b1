using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Core;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Carbon;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>The shared pieces behind the one-line messages: the --threads range, cut lists and the lossy-codec test.</summary>
public sealed class OptionAndMessageTests
{
    [Fact]
    public void Threads_accepts_one_to_the_maximum_and_nothing_else()
    {
        Assert.Equal(Math.Max(16, 4 * Environment.ProcessorCount), ThreadsOption.Maximum);
        var (dir, a, _, pools, _, _) = CarbonCommandTests.Inputs("threads");
        foreach (var n in new[] { 1, ThreadsOption.Maximum })
        {
            var (code, _, err) = CarbonCommandTests.Cli("carbon", "stock", "--lulc", a, "--pools", pools, "--no-maps", "--area-method", "planar",
                "--out", Path.Combine(dir, $"out{n}"), "--threads", n.ToString(CultureInfo.InvariantCulture));
            Assert.True(code == 0, err);
        }

        var over = (ThreadsOption.Maximum + 1).ToString(CultureInfo.InvariantCulture);
        CliHarness.AssertBadInput(["zonal", "--raster", a, "--zones", a, "--id-field", "id", "--threads", over], $"--threads {over}: expected a whole number from 1 to {ThreadsOption.Maximum}");
        Assert.False(Directory.Exists(Path.Combine(dir, $"out{over}")));
    }

    [Fact]
    public void Lists_are_cut_after_ten_items_with_the_rest_counted()
    {
        Assert.Equal("1, 2, 3", MessageList.Cut([1, 2, 3]));
        Assert.Equal(string.Join(", ", Enumerable.Range(1, 10)), MessageList.Cut(Enumerable.Range(1, 10)));
        Assert.Equal(string.Join(", ", Enumerable.Range(1, 10)) + " … and 8,987 more", MessageList.Cut(Enumerable.Range(1, 8997)));
        Assert.Equal("'a', 'b' … and 1 more", MessageList.Cut(["a", "b", "c"], s => $"'{s}'", shown: 2));
    }

    [Theory]
    [InlineData("GTiff", "JPEG", null, "JPEG")]
    [InlineData("GTiff", "YCbCr JPEG", null, "JPEG")]
    [InlineData("JPEG", "JPEG", null, "JPEG")]
    [InlineData("GTiff", "WEBP", "LOSSY", "WEBP")]
    [InlineData("GTiff", "WEBP", "LOSSLESS", null)]
    [InlineData("JP2OpenJPEG", null, "LOSSY", "JP2OpenJPEG")]
    [InlineData("JP2OpenJPEG", null, "LOSSLESS", null)]
    [InlineData("GTiff", "DEFLATE", null, null)]
    [InlineData("GTiff", null, null, null)]
    public void Lossy_codecs_are_told_from_gdal_image_structure(string driver, string? compression, string? reversibility, string? expected) =>
        Assert.Equal(expected, GdalRasterSource.Lossy(driver, compression, reversibility));

    [RequiresToolFact(NativeTools.GdalCli, NativeTools.LibGdal)]
    public void Lossy_lerc_land_use_is_refused_and_lossless_lerc_read()
    {
        var (dir, a, _, pools, va, _) = CarbonCommandTests.Inputs("lerc");
        string Lerc(string name, string maxZError)
        {
            var path = Path.Combine(dir, name);
            NativeTools.Run("gdal_translate", "-q", "-co", "COMPRESS=LERC_DEFLATE", "-co", $"MAX_Z_ERROR={maxZError}", a, path);
            return path;
        }

        var lossy = Lerc("lossy.tif", "2");
        CliHarness.AssertBadInput(["carbon", "stock", "--lulc", lossy, "--pools", pools, "--out", Path.Combine(dir, "o1")], lossy, "lossy LERC_DEFLATE (error bound 2)");
        var (code, _, err) = CarbonCommandTests.Cli("carbon", "stock", "--lulc", Lerc("exact.tif", "0"), "--pools", pools, "--no-maps", "--area-method", "planar", "--out", Path.Combine(dir, "o2"));
        Assert.True(code == 0, err);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "o2", "summary.json")));
        Assert.Equal(va.Where(v => v != 0).Sum(v => 0.09 * CarbonCommandTests.D(v)), json.RootElement.GetProperty("baseline_total_mg_c").GetDouble(), 6);
    }

    [Fact]
    public void Lerc_error_bound_is_read_from_the_blob_header()
    {
        var blob = new byte[10 + 4 + 7 * 4 + 24];
        "Lerc2 "u8.CopyTo(blob);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(6), 4);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(10 + 4 + 28), 2.5);
        Assert.Equal(2.5, LercErrorBound.MaxZError(blob));
        Assert.Null(LercErrorBound.MaxZError("not lerc at all"u8));
    }
}
