using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Raster;

public class GeoTiffReaderTests
{
    public static TheoryData<string> ValueFixtures => new(FixtureNames);

    private static readonly string[] FixtureNames =
    [
        "int_Byte_tiled_lzw", "int_UInt16_tiled_lzw", "int_Int16_tiled_lzw", "int_UInt32_tiled_lzw", "int_Int32_tiled_lzw",
        "float_Float32_tiled_lzw", "float_Float64_tiled_lzw", "int_Byte_strip_none", "int_Int16_strip_packbits",
        "int_UInt16_tiled_deflate_pred2", "int_Int32_strip_lzw_pred2", "int_Byte_tiled_lzw_pred2",
        "float_Float32_tiled_deflate_pred3", "float_Float64_strip_lzw_pred3", "float_Float32_strip_none",
        "int_Int16_tiled_deflate_bigtiff", "float_Float32_strip_lzw_bigtiff", "crs_4326", "crs_26910", "crs_albers",
        "crs_lcc", "crs_tm", "point_4549", "overviews",
    ];

    // Expected from the ASCII source the fixture was made from (AAIGrid reads decimals as Float32, so float
    // fixtures hold float32-rounded values); no GDAL needed.
    [Theory]
    [MemberData(nameof(ValueFixtures))]
    public void ReadsTheSourceValuesLayoutAndGrid(string name)
    {
        var isFloat = name.StartsWith("float", StringComparison.Ordinal);
        var (w, h, expected, nd) = GeoTiffFixtures.ReadAscii(isFloat ? "pattern_float.asc" : "pattern_int.asc");
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File(name));
        Assert.Equal((w, h), (r.Grid.Width, r.Grid.Height));
        Assert.Equal(nd, r.NoData);
        var actual = new double[w * h];
        r.ReadWindow(1, r.Grid.Full, actual);
        for (var i = 0; i < actual.Length; i++)
            Assert.Equal(isFloat ? (float)expected[i] : expected[i], actual[i]);

        Assert.Equal(name.Contains("bigtiff", StringComparison.Ordinal), r.IsBigTiff);
        Assert.Equal(!name.Contains("strip", StringComparison.Ordinal), r.IsTiled);
        Assert.Equal(r.IsTiled ? (64, 32) : (150, 7), (r.BlockWidth, r.BlockHeight));
        var expectedCompression = name.Contains("deflate", StringComparison.Ordinal) ? GeoTiffCompression.Deflate
            : name.Contains("packbits", StringComparison.Ordinal) ? GeoTiffCompression.PackBits
            : name.Contains("none", StringComparison.Ordinal) ? GeoTiffCompression.None : GeoTiffCompression.Lzw;
        Assert.Equal(expectedCompression, r.Compression);
        Assert.Equal(name.Contains("pred2", StringComparison.Ordinal) ? GeoTiffPredictor.Horizontal
            : name.Contains("pred3", StringComparison.Ordinal) ? GeoTiffPredictor.FloatingPoint : GeoTiffPredictor.None, r.Predictor);
        if (name.StartsWith("int_", StringComparison.Ordinal) || name.StartsWith("float_", StringComparison.Ordinal))
            Assert.Equal(Enum.Parse<RasterDataType>(name.Split('_')[1]), r.DataType);
        if (name != "crs_4326")
            Assert.Equal(GeoTransform.NorthUp(500000, 3503000, 30, 30), r.Grid.Transform);
    }

    [Fact]
    public void ResolvesEveryCrsKind()
    {
        using (var r = GeoTiffReader.Open(GeoTiffFixtures.File("int_Byte_tiled_lzw"))) Assert.Equal(4549, r.Grid.Crs!.Epsg);
        using (var r = GeoTiffReader.Open(GeoTiffFixtures.File("crs_4326")))
        {
            Assert.Equal(4326, r.Grid.Crs!.Epsg);
            Assert.True(r.Grid.Crs.IsGeographic);
            Assert.Equal(118.0, r.Grid.Transform.OriginX, 12);
            Assert.Equal(0.001, r.Grid.Transform.PixelWidth, 12);
        }

        using (var r = GeoTiffReader.Open(GeoTiffFixtures.File("crs_26910")))
        {
            Assert.Equal(26910, r.Grid.Crs!.Epsg);
            Assert.True(r.Grid.Crs.IsProjected);
            Assert.Equal(1.0, r.Grid.Crs.LinearUnitMetres);
            Assert.Equal(900.0, new PlanarCellAreas(r.Grid, r.Grid.Crs.LinearUnitMetres).CellArea_m2);
        }

        AssertProjection("crs_albers", "albers", ("standard_parallel_1", 25), ("standard_parallel_2", 47), ("longitude_of_center", 105));
        AssertProjection("crs_lcc", "lambert", ("standard_parallel_1", 31), ("standard_parallel_2", 34), ("latitude_of_origin", 30),
            ("central_meridian", 118), ("false_easting", 500000));
        AssertProjection("crs_tm", "transverse", ("central_meridian", 119.5), ("scale_factor", 0.9999), ("false_easting", 400000),
            ("false_northing", -3000000));
    }

    private static void AssertProjection(string name, string kind, params (string Name, double Value)[] parameters)
    {
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File(name));
        var crs = r.Grid.Crs!;
        Assert.Null(crs.Epsg);
        var p = Assert.IsType<ProjNet.CoordinateSystems.ProjectedCoordinateSystem>(crs.System);
        Assert.Contains(kind, p.Projection.ClassName, StringComparison.OrdinalIgnoreCase);
        foreach (var (n, v) in parameters) Assert.Equal(v, p.Projection.GetParameter(n).Value, 9);
        Assert.Equal(1.0, crs.LinearUnitMetres);
    }

    [Fact]
    public void ReadsEveryBandOfPixelAndBandInterleavedFiles()
    {
        var (w, h, expected, _) = GeoTiffFixtures.ReadAscii("pattern_float.asc");
        foreach (var (name, planar) in new[] { ("multi_pixel", GeoTiffPlanarConfig.Contiguous), ("multi_band", GeoTiffPlanarConfig.Separate) })
        {
            using var r = GeoTiffReader.Open(GeoTiffFixtures.File(name));
            Assert.Equal(3, r.BandCount);
            Assert.Equal(planar, r.PlanarConfig);
            for (var b = 1; b <= 3; b++)
            {
                var window = new RasterWindow(17, 9, 101, 83);
                var actual = new double[window.CellCount];
                r.ReadWindow(b, window, actual);
                for (var row = 0; row < window.Height; row++)
                    for (var col = 0; col < window.Width; col++)
                        Assert.Equal((float)expected[(row + 9) * w + col + 17], actual[row * window.Width + col]);
            }

            Assert.Equal(100, h);
        }
    }

    [Fact]
    public void PixelIsPointShiftsLikeGdal()
    {
        // GDAL writes the tiepoint at the cell centre for AREA_OR_POINT=Point and reports the corner on reading:
        // gdalinfo point_4549.tif says Origin = (500000, 3503000), as for the PixelIsArea twin.
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File("point_4549"));
        Assert.Equal(GeoTransform.NorthUp(500000, 3503000, 30, 30), r.Grid.Transform);
    }

    [Fact]
    public void OpensInternalOverviews()
    {
        var (w, _, expected, _) = GeoTiffFixtures.ReadAscii("pattern_int.asc");
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File("overviews"));
        Assert.Equal(2, r.OverviewCount);
        using var o1 = r.OpenOverview(0);
        using var o2 = r.OpenOverview(1);
        Assert.Equal((75, 50), (o1.Grid.Width, o1.Grid.Height));
        Assert.Equal((38, 25), (o2.Grid.Width, o2.Grid.Height));
        Assert.Equal(60.0, o1.Grid.Transform.PixelWidth, 12);
        Assert.Equal(-60.0, o1.Grid.Transform.PixelHeight, 12);
        var v = new double[75 * 50];
        o1.ReadWindow(1, o1.Grid.Full, v);
        // GDAL 3.6 gdaladdo -r nearest with factor 2 took source cell (2c, 2r) (checked with gdal_translate -oo OVERVIEW_LEVEL=0).
        for (var row = 0; row < 50; row++)
            for (var col = 0; col < 75; col++)
                Assert.Equal(expected[2 * row * w + 2 * col], v[row * 75 + col]);
    }

    [Fact]
    public void ParallelWindowReadsEqualSequentialReads()
    {
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File("float_Float32_tiled_deflate_pred3"), cacheBytes: 16 << 10);
        var windows = Enumerable.Range(0, 64).Select(i => new RasterWindow(i * 7 % 115, i * 5 % 75, 30 + i % 3, 20 + i % 5)).ToArray();
        var sequential = windows.Select(w =>
        {
            var a = new double[w.CellCount];
            r.ReadWindow(1, w, a);
            return a;
        }).ToArray();
        var parallel = new double[windows.Length][];
        Parallel.For(0, windows.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var w = windows[i % windows.Length];
            var a = new double[w.CellCount];
            r.ReadWindow(1, w, a);
            parallel[i % windows.Length] = a;
        });
        for (var i = 0; i < windows.Length; i++) Assert.Equal(sequential[i], parallel[i]);
        Assert.True(r.Cache.SizeBytes <= 16 << 10);
    }

    [Fact]
    public void AWindowDecodesEachBlockOnceWhileCached()
    {
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File("int_Int16_tiled_lzw"));
        var v = new double[150 * 100];
        r.ReadWindow(1, r.Grid.Full, v);
        r.ReadWindow(1, new RasterWindow(10, 10, 100, 70), v);
        Assert.Equal(3 * 4, r.DecodeCount);
    }

    [Fact]
    public void SparseBlocksReadAsNoData()
    {
        // Only the top-left 64 x 32 cells hold data (the pattern, its 0 cells left as nodata -5); the tiles of the last
        // tile column (2, 5, 8, 11) have byte count 0. gdalinfo -stats: valid 13.4 %, mean 128.26616915423,
        // stddev 72.663993969868.
        var (w, _, pattern, _) = GeoTiffFixtures.ReadAscii("pattern_int.asc");
        using var r = GeoTiffReader.Open(GeoTiffFixtures.File("sparse"));
        Assert.Equal(-5, r.NoData);
        var all = new double[150 * 100];
        r.ReadWindow(1, r.Grid.Full, all);
        for (var row = 0; row < 100; row++)
            for (var col = 0; col < 150; col++)
            {
                var p = row < 32 && col < 64 ? pattern[row * w + col] : 0;
                Assert.Equal(p == 0 ? -5 : p, all[row * 150 + col]);
            }

        var stats = RasterStatistics.Compute(r, 1);
        Assert.Equal(all.Count(v => v != -5), stats.ValidCount);
        Assert.Equal(13.4, 100.0 * stats.ValidCount / all.Length, 1);
        AssertRelative(128.26616915423, stats.Mean, 1e-12);
        AssertRelative(72.663993969868, stats.StdDev, 1e-12);
    }

    [Theory]
    [InlineData("bad_jpeg", "JPEG compression")]
    [InlineData("bad_zstd", "ZSTD compression")]
    [InlineData("bad_crs_3035", "EPSG:3035 is neither in the CRS registry nor a UTM family")]
    public void UnsupportedCompressionNamesFileAndReason(string name, string reason)
    {
        var path = GeoTiffFixtures.File(name);
        var e = Assert.Throws<UnsupportedFormatException>(() => GeoTiffReader.Open(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("bad_nogeo", "no GeoKeyDirectory")]
    [InlineData("bad_text", "not a TIFF")]
    [InlineData("bad_truncated", "")]
    public void BrokenFilesGiveOneLineInputErrors(string name, string reason)
    {
        var path = GeoTiffFixtures.File(name);
        var e = Assert.ThrowsAny<InputException>(() =>
        {
            using var r = GeoTiffReader.Open(path);
            var v = new double[r.Grid.Width * r.Grid.Height];
            r.ReadWindow(1, r.Grid.Full, v);
        });
        Assert.IsNotType<UnsupportedFormatException>(e);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RequiresToolTheory(NativeTools.GdalCli)]
    [MemberData(nameof(ValueFixtures))]
    public void AgreesWithGdalOnValuesGridNoDataAndStatistics(string name)
    {
        var path = GeoTiffFixtures.File(name);
        using var r = GeoTiffReader.Open(path);
        var (info, gdal) = GeoTiffFixtures.GdalReport(name, FixtureNames);
        var size = info.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal([r.Grid.Width, r.Grid.Height], size);
        var gt = GeoTiffFixtures.GeoTransform(info);
        var mine = r.Grid.Transform.ToArray();
        for (var i = 0; i < 6; i++) Assert.Equal(gt[i], mine[i], 9);
        var band = info.GetProperty("bands")[0];
        Assert.Equal(band.GetProperty("noDataValue").GetDouble(), r.NoData);
        Assert.Equal(band.GetProperty("type").GetString(), r.DataType.ToString());
        Assert.Equal(GeoTiffFixtures.EpsgOf(info), r.Grid.Crs!.Epsg);

        var actual = new double[gdal.Length];
        r.ReadWindow(1, r.Grid.Full, actual);
        Assert.Equal(gdal, actual);

        var md = band.GetProperty("metadata").GetProperty("");
        var stats = RasterStatistics.Compute(r, 1);
        AssertRelative(double.Parse(md.GetProperty("STATISTICS_MINIMUM").GetString()!, System.Globalization.CultureInfo.InvariantCulture), stats.Min);
        AssertRelative(double.Parse(md.GetProperty("STATISTICS_MAXIMUM").GetString()!, System.Globalization.CultureInfo.InvariantCulture), stats.Max);
        AssertRelative(double.Parse(md.GetProperty("STATISTICS_MEAN").GetString()!, System.Globalization.CultureInfo.InvariantCulture), stats.Mean);
        AssertRelative(double.Parse(md.GetProperty("STATISTICS_STDDEV").GetString()!, System.Globalization.CultureInfo.InvariantCulture), stats.StdDev);
        Assert.Equal(gdal.LongLength, stats.ValidCount + stats.NoDataCount);
        Assert.Equal(gdal.Count(v => v != r.NoData), stats.ValidCount);
    }

    internal static void AssertRelative(double expected, double actual, double tolerance = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");
}
