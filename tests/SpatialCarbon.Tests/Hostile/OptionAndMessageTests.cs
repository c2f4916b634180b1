using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Core;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Carbon;

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
}
