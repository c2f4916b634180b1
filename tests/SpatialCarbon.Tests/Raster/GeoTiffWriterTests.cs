using System.Globalization;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Raster;

public class GeoTiffWriterTests
{
    private static readonly RasterGrid Grid = new(150, 100, GeoTransform.NorthUp(386000, 3548000, 30, 30), CrsRegistry.FromEpsg(4549));

    /// <summary>A pattern that fits every type (0..250 plus a fraction for floats), with nodata holes.</summary>
    private static double[] Pattern(RasterDataType type, double noData, int width = 150, int height = 100)
    {
        var v = new double[width * height];
        for (var r = 0; r < height; r++)
            for (var c = 0; c < width; c++)
            {
                double x = (3 * c + 7 * r + c * r % 13) % 250 + 1;
                if (type.IsFloatingPoint()) x = x * 0.37 - 20.5 + c / 1024.0;
                if (type == RasterDataType.Float32) x = (float)x;
                v[r * width + c] = (7 * c + 3 * r) % 53 == 0 ? noData : x;
            }

        return v;
    }

    public static TheoryData<RasterDataType, GeoTiffCompression, GeoTiffPredictor, bool> Combinations()
    {
        var data = new TheoryData<RasterDataType, GeoTiffCompression, GeoTiffPredictor, bool>();
        foreach (var type in Enum.GetValues<RasterDataType>())
            foreach (var compression in Enum.GetValues<GeoTiffCompression>())
                foreach (var predictor in Enum.GetValues<GeoTiffPredictor>())
                    foreach (var tiled in new[] { true, false })
                    {
                        var o = new GeoTiffWriteOptions(type, Compression: compression, Predictor: predictor);
                        try
                        {
                            o.Validate();
                        }
                        catch (ArgumentException)
                        {
                            continue;
                        }

                        data.Add(type, compression, predictor, tiled);
                    }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void RoundTripsEveryTypeCompressionPredictorAndLayout(RasterDataType type, GeoTiffCompression compression, GeoTiffPredictor predictor, bool tiled)
    {
        var dir = TestEnvironment.TempDir("gtw");
        var path = Path.Combine(dir, "out.tif");
        var noData = type.IsFloatingPoint() ? -9999 : 0;
        var values = Pattern(type, noData);
        var options = new GeoTiffWriteOptions(type, noData, compression, predictor, tiled, BlockSize: 32);
        GeoTiffWriter.Write(path, new MemoryRaster(Grid, values, type, noData), options);
        using (var r = GeoTiffReader.Open(path))
        {
            Assert.Equal(type, r.DataType);
            Assert.Equal(compression, r.Compression);
            Assert.Equal(predictor, r.Predictor);
            Assert.Equal(tiled, r.IsTiled);
            Assert.Equal(tiled ? (32, 32) : (150, 32), (r.BlockWidth, r.BlockHeight));
            Assert.Equal(noData, r.NoData);
            Assert.True(Grid.SameAs(r.Grid));
            var back = new double[values.Length];
            r.ReadWindow(1, r.Grid.Full, back);
            Assert.Equal(values, back);
        }

        Assert.Equal(["out.tif"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void DisposeWithoutCompleteLeavesNothing()
    {
        var dir = TestEnvironment.TempDir("gtw-abort");
        var path = Path.Combine(dir, "out.tif");
        using (var w = GeoTiffWriter.Create(path, Grid, new GeoTiffWriteOptions(RasterDataType.Byte, BlockSize: 32)))
            w.WriteWindow(1, new RasterWindow(0, 0, 64, 32), new double[64 * 32]);
        Assert.Empty(Directory.GetFiles(dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void RejectsUnalignedWindows()
    {
        var dir = TestEnvironment.TempDir("gtw-align");
        using var w = GeoTiffWriter.Create(Path.Combine(dir, "out.tif"), Grid, new GeoTiffWriteOptions(RasterDataType.Byte, BlockSize: 32));
        Assert.Throws<ArgumentException>(() => w.WriteWindow(1, new RasterWindow(16, 0, 32, 32), new double[32 * 32]));
        Assert.Throws<ArgumentException>(() => w.WriteWindow(1, new RasterWindow(0, 0, 40, 32), new double[40 * 32]));
        w.WriteWindow(1, new RasterWindow(128, 96, 22, 4), new double[22 * 4]);
    }

    // Overviews of a 40 x 40 grid with 16-cell tiles: levels 20 x 20 and 10 x 10 (the first that fits one block).
    [Theory]
    [InlineData(OverviewResampling.Nearest)]
    [InlineData(OverviewResampling.Mode)]
    [InlineData(OverviewResampling.Average)]
    public void OverviewsMatchAHandComputation(OverviewResampling resampling)
    {
        const int n = 40;
        const double noData = 255;
        var values = new double[n * n];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                values[r * n + c] = (r * 3 + c * c) % 5 == 0 ? noData : (r + 2 * c) % 4 + 1;
        var grid = new RasterGrid(n, n, GeoTransform.NorthUp(0, 400, 10, 10), CrsRegistry.FromEpsg(4549));
        var dir = TestEnvironment.TempDir("gtw-ov");
        var path = Path.Combine(dir, "ov.tif");
        var type = resampling == OverviewResampling.Average ? RasterDataType.Float32 : RasterDataType.Byte;
        GeoTiffWriter.Write(path, new MemoryRaster(grid, values, type, noData),
            new GeoTiffWriteOptions(type, noData, BlockSize: 16, Overviews: resampling));
        using var reader = GeoTiffReader.Open(path);
        Assert.Equal(2, reader.OverviewCount);
        using var o1 = reader.OpenOverview(0);
        using var o2 = reader.OpenOverview(1);
        Assert.Equal((20, 20), (o1.Grid.Width, o1.Grid.Height));
        Assert.Equal((10, 10), (o2.Grid.Width, o2.Grid.Height));
        var level1 = new double[400];
        o1.ReadWindow(1, o1.Grid.Full, level1);
        var expected1 = Reduce(values, n, resampling, noData);
        for (var i = 0; i < 400; i++) Assert.Equal((float)expected1[i], level1[i]);
        var level2 = new double[100];
        o2.ReadWindow(1, o2.Grid.Full, level2);
        var expected2 = Reduce(expected1.Select(v => (double)(float)v).ToArray(), 20, resampling, noData);
        for (var i = 0; i < 100; i++) Assert.Equal((float)expected2[i], level2[i]);
        Directory.Delete(dir, true);
    }

    /// <summary>Hand computation of one factor-2 level, written out plainly (LINQ over each 2 × 2 group).</summary>
    private static double[] Reduce(double[] v, int n, OverviewResampling resampling, double noData)
    {
        var m = n / 2;
        var result = new double[m * m];
        for (var r = 0; r < m; r++)
            for (var c = 0; c < m; c++)
            {
                var group = new[] { v[2 * r * n + 2 * c], v[2 * r * n + 2 * c + 1], v[(2 * r + 1) * n + 2 * c], v[(2 * r + 1) * n + 2 * c + 1] };
                var valid = group.Where(x => x != noData).ToArray();
                result[r * m + c] = resampling switch
                {
                    OverviewResampling.Nearest => group[0],
                    OverviewResampling.Average => valid.Length == 0 ? noData : valid.Average(),
                    _ => valid.Length == 0 ? noData : valid.GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                };
            }

        return result;
    }

    public static TheoryData<string, bool, GeoTiffCompression, OverviewResampling> GdalCases => new()
    {
        { "EPSG:4549", true, GeoTiffCompression.Lzw, OverviewResampling.Mode },
        { "EPSG:4326", false, GeoTiffCompression.Deflate, OverviewResampling.None },
        { "EPSG:32650", true, GeoTiffCompression.PackBits, OverviewResampling.Average },
        { "EPSG:26910", true, GeoTiffCompression.None, OverviewResampling.Nearest },
        { "CLCD_ALBERS", true, GeoTiffCompression.Lzw, OverviewResampling.Nearest },
    };

    [RequiresToolTheory(NativeTools.GdalCli)]
    [MemberData(nameof(GdalCases))]
    public void GdalReadsWrittenFilesWithTheRightCrsTransformNoDataBlocksAndOverviews(string crs, bool tiled, GeoTiffCompression compression, OverviewResampling overviews)
    {
        var srs = crs == "EPSG:26910" ? CrsRegistry.TryFromUtm(26910)! : CrsRegistry.Parse(crs);
        var transform = srs.IsGeographic ? GeoTransform.NorthUp(118.5, 32.1, 0.0005, 0.0004) : GeoTransform.NorthUp(386000, 3548000, 30, 30);
        var grid = new RasterGrid(300, 200, transform, srs);
        var values = Pattern(RasterDataType.Float32, -9999, 300, 200);
        var dir = TestEnvironment.TempDir("gtw-gdal");
        var path = Path.Combine(dir, "out.tif");
        var options = new GeoTiffWriteOptions(RasterDataType.Float32, -9999, compression, Tiled: tiled, BlockSize: 64, Overviews: overviews,
            Predictor: compression is GeoTiffCompression.Lzw or GeoTiffCompression.Deflate ? GeoTiffPredictor.FloatingPoint : GeoTiffPredictor.None);
        GeoTiffWriter.Write(path, new MemoryRaster(grid, values, RasterDataType.Float32, -9999), options);

        var info = GeoTiffFixtures.GdalInfo(path);
        var gt = GeoTiffFixtures.GeoTransform(info);
        var expected = transform.ToArray();
        for (var i = 0; i < 6; i++) Assert.Equal(expected[i], gt[i], 12);
        Assert.Equal(srs.Epsg, GeoTiffFixtures.EpsgOf(info));
        var wkt = info.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        if (crs == "CLCD_ALBERS")
        {
            Assert.Contains("Albers Equal Area", wkt);
            Assert.Contains("PARAMETER[\"Latitude of 1st standard parallel\",25", wkt);
            Assert.Contains("PARAMETER[\"Latitude of 2nd standard parallel\",47", wkt);
            Assert.Contains("PARAMETER[\"Longitude of false origin\",105", wkt);
        }

        var band = info.GetProperty("bands")[0];
        Assert.Equal(-9999, band.GetProperty("noDataValue").GetDouble());
        Assert.Equal("Float32", band.GetProperty("type").GetString());
        var block = band.GetProperty("block").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(tiled ? [64, 64] : [300, 64], block);
        var structure = info.GetProperty("metadata").GetProperty("IMAGE_STRUCTURE");
        var gdalCompression = structure.TryGetProperty("COMPRESSION", out var c) ? c.GetString() : "NONE";
        Assert.Equal(compression switch
        {
            GeoTiffCompression.None => "NONE",
            GeoTiffCompression.Lzw => "LZW",
            GeoTiffCompression.Deflate => "DEFLATE",
            _ => "PACKBITS",
        }, gdalCompression);
        var overviewCount = band.TryGetProperty("overviews", out var ovs) ? ovs.GetArrayLength() : 0;
        // 300 x 200 with 64-cell blocks: 150 x 100, 75 x 50, 38 x 25 (fits one tile); strips stop when the height fits.
        Assert.Equal(overviews == OverviewResampling.None ? 0 : tiled ? 3 : 2, overviewCount);
        Assert.Equal(values.Select(v => (double)(float)v).ToArray(), GeoTiffFixtures.GdalValues(path));
        if (overviewCount > 0)
        {
            using var r = GeoTiffReader.Open(path);
            using var o = r.OpenOverview(0);
            var mine = new double[o.Grid.Width * o.Grid.Height];
            o.ReadWindow(1, o.Grid.Full, mine);
            Assert.Equal(GeoTiffFixtures.GdalValues(path, overview: 0), mine);
        }

        Directory.Delete(dir, true);
    }

    // Random bytes fill the 4094-entry LZW table many times per tile, so clear codes and width changes all occur;
    // LibTiff.NET's decoder (inside the reader) and GDAL's libtiff must decode them back exactly.
    [Theory]
    [InlineData(RasterDataType.Float64, GeoTiffCompression.Lzw, GeoTiffPredictor.FloatingPoint)]
    [InlineData(RasterDataType.UInt16, GeoTiffCompression.Lzw, GeoTiffPredictor.Horizontal)]
    [InlineData(RasterDataType.Byte, GeoTiffCompression.PackBits, GeoTiffPredictor.None)]
    [InlineData(RasterDataType.Float32, GeoTiffCompression.Deflate, GeoTiffPredictor.FloatingPoint)]
    public void NoisyDataSurvivesTheEncoders(RasterDataType type, GeoTiffCompression compression, GeoTiffPredictor predictor)
    {
        var grid = new RasterGrid(300, 260, GeoTransform.NorthUp(386000, 3548000, 30, 30), CrsRegistry.FromEpsg(4549));
        var rng = new Random(42);
        var values = new double[300 * 260];
        for (var i = 0; i < values.Length; i++)
        {
            // Mix noise with runs so PackBits sees both literals and repeats.
            var v = i % 300 < 40 ? 7 : rng.NextDouble() * 60000;
            values[i] = type switch
            {
                RasterDataType.Byte => Math.Floor(v) % 256,
                RasterDataType.UInt16 => Math.Floor(v),
                RasterDataType.Float32 => (float)v,
                _ => v,
            };
        }

        var dir = TestEnvironment.TempDir("gtw-noise");
        var path = Path.Combine(dir, "noise.tif");
        GeoTiffWriter.Write(path, new MemoryRaster(grid, values, type), new GeoTiffWriteOptions(type, null, compression, predictor, BlockSize: 256));
        using (var r = GeoTiffReader.Open(path))
        {
            var back = new double[values.Length];
            r.ReadWindow(1, r.Grid.Full, back);
            Assert.Equal(values, back);
        }

        if (NativeTools.IsAvailable(NativeTools.GdalCli) || TestEnvironment.RequireAll)
            Assert.Equal(values, GeoTiffFixtures.GdalValues(path));
        Directory.Delete(dir, true);
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void RotatedGridsUseModelTransformation()
    {
        var t = new GeoTransform(386000, 25.98, 15, 3548000, 15, -25.98);
        var grid = new RasterGrid(40, 30, t, CrsRegistry.FromEpsg(4549));
        var dir = TestEnvironment.TempDir("gtw-rot");
        var path = Path.Combine(dir, "rot.tif");
        GeoTiffWriter.Write(path, new MemoryRaster(grid, new double[1200]), new GeoTiffWriteOptions(RasterDataType.Byte, BlockSize: 16));
        var gt = GeoTiffFixtures.GeoTransform(GeoTiffFixtures.GdalInfo(path));
        Assert.Equal(t.ToArray(), gt);
        using var r = GeoTiffReader.Open(path);
        Assert.Equal(t, r.Grid.Transform);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void WritesMultiBandBigTiff()
    {
        var dir = TestEnvironment.TempDir("gtw-multi");
        var path = Path.Combine(dir, "multi.tif");
        var bands = Enumerable.Range(1, 3).Select(b => Pattern(RasterDataType.Int16, -1).Select(v => v < 0 ? v : v * b).ToArray()).ToArray();
        using (var w = GeoTiffWriter.Create(path, Grid, new GeoTiffWriteOptions(RasterDataType.Int16, -1, BlockSize: 64, BigTiff: true, BandCount: 3)))
        {
            Parallel.For(0, 3, b => w.WriteWindow(b + 1, Grid.Full, bands[b]));
            w.Complete();
        }

        using (var r = GeoTiffReader.Open(path))
        {
            Assert.True(r.IsBigTiff);
            Assert.Equal(3, r.BandCount);
            Assert.Equal(GeoTiffPlanarConfig.Separate, r.PlanarConfig);
            for (var b = 1; b <= 3; b++)
            {
                var back = new double[Grid.Width * Grid.Height];
                r.ReadWindow(b, Grid.Full, back);
                Assert.Equal(bands[b - 1], back);
                if (NativeTools.IsAvailable(NativeTools.GdalCli) || TestEnvironment.RequireAll)
                    Assert.Equal(bands[b - 1], GeoTiffFixtures.GdalValues(path, b));
            }
        }

        Directory.Delete(dir, true);
    }

    // A user-defined CRS read from a fixture (TM and LCC, no EPSG code) is written back as user-defined GeoKeys with
    // the same parameters.
    [Theory]
    [InlineData("crs_tm")]
    [InlineData("crs_lcc")]
    [InlineData("crs_albers")]
    public void UserDefinedProjectionsRoundTrip(string fixture)
    {
        SpatialReference crs;
        using (var src = GeoTiffReader.Open(GeoTiffFixtures.File(fixture))) crs = src.Grid.Crs!;
        var grid = Grid with { Crs = crs };
        var dir = TestEnvironment.TempDir("gtw-crs");
        var path = Path.Combine(dir, "crs.tif");
        GeoTiffWriter.Write(path, new MemoryRaster(grid, new double[grid.Width * grid.Height]), new GeoTiffWriteOptions(RasterDataType.Byte));
        using var r = GeoTiffReader.Open(path);
        var a = (ProjNet.CoordinateSystems.ProjectedCoordinateSystem)crs.System;
        var b = Assert.IsType<ProjNet.CoordinateSystems.ProjectedCoordinateSystem>(r.Grid.Crs!.System);
        Assert.Equal(a.Projection.ClassName, b.Projection.ClassName);
        for (var i = 0; i < a.Projection.NumParameters; i++)
        {
            var p = a.Projection.GetParameter(i);
            Assert.Equal(p.Value, b.Projection.GetParameter(p.Name).Value, 12);
        }

        Assert.Equal(a.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid.InverseFlattening,
            b.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid.InverseFlattening, 9);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ParallelWritesOfManyBlocksReadBackEqual()
    {
        var grid = new RasterGrid(1000, 700, GeoTransform.NorthUp(386000, 3548000, 30, 30), CrsRegistry.FromEpsg(4549));
        var values = Pattern(RasterDataType.Int32, -1, 1000, 700);
        var dir = TestEnvironment.TempDir("gtw-par");
        var path = Path.Combine(dir, "par.tif");
        using (var w = GeoTiffWriter.Create(path, grid, new GeoTiffWriteOptions(RasterDataType.Int32, -1, Predictor: GeoTiffPredictor.Horizontal, BlockSize: 64)))
        {
            // Block rows in reverse, in parallel.
            Parallel.For(0, 11, i =>
            {
                var y = (10 - i) * 64;
                var window = new RasterWindow(0, y, 1000, Math.Min(64, 700 - y));
                w.WriteWindow(1, window, values.AsSpan(y * 1000, (int)window.CellCount));
            });
            w.Complete();
        }

        using var r = GeoTiffReader.Open(path);
        var back = new double[values.Length];
        r.ReadWindow(1, r.Grid.Full, back);
        Assert.Equal(values, back);
        Directory.Delete(dir, true);
        _ = CultureInfo.InvariantCulture;
    }

    /// <summary>Land-cover-like Byte tiles: runs far longer than the LZW table (so it is cleared inside a run), runs
    /// of every short length, noise, a tile of nodata only and a tile of one class only (encoded once and reused),
    /// with mode overviews. GDAL must decode the cells and the first overview must be the mode of each 2 × 2 group
    /// (counted here, smallest value on a tie, nodata ignored).</summary>
    [RequiresToolFact(NativeTools.GdalCli)]
    public void GdalDecodesRunHeavyByteTilesAndTheirModeOverview()
    {
        const int width = 777, height = 523;
        const byte noData = 0;
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(386000, 3548000, 30, 30), CrsRegistry.FromEpsg(4549));
        var cells = new byte[width * height];
        var random = new Random(7);
        var i = 0;
        while (i < cells.Length)
        {
            var run = random.Next(4) switch { 0 => 1, 1 => random.Next(2, 12), 2 => random.Next(12, 400), _ => random.Next(400, 9000) };
            var value = (byte)random.Next(0, 10);
            for (var k = 0; k < run && i < cells.Length; k++) cells[i++] = random.Next(40) == 0 ? (byte)random.Next(1, 10) : value;
        }

        for (var r = 256; r < 512; r++)
        {
            cells.AsSpan(r * width, 256).Fill(noData);
            cells.AsSpan(r * width + 256, 256).Fill(5);
        }

        var dir = TestEnvironment.TempDir("gtw-runs");
        var path = Path.Combine(dir, "runs.tif");
        using (var w = GeoTiffWriter.Create(path, grid, new GeoTiffWriteOptions(RasterDataType.Byte, noData,
                   Compression: GeoTiffCompression.Lzw, BlockSize: 256, Overviews: OverviewResampling.Mode)))
        {
            for (var y = 0; y < height; y += 256)
            {
                var window = new RasterWindow(0, y, width, Math.Min(256, height - y));
                w.WriteWindow<byte>(1, window, cells.AsMemory(y * width, (int)window.CellCount));
            }

            w.Complete();
        }

        Assert.Equal(cells.Select(c => (double)c), GeoTiffFixtures.GdalValues(path));
        var (ow, oh) = ((width + 1) / 2, (height + 1) / 2);
        var expected = new double[ow * oh];
        for (var r = 0; r < oh; r++)
            for (var c = 0; c < ow; c++)
            {
                var counts = new int[256];
                for (var y = 2 * r; y < Math.Min(2 * r + 2, height); y++)
                    for (var x = 2 * c; x < Math.Min(2 * c + 2, width); x++)
                        if (cells[y * width + x] != noData) counts[cells[y * width + x]]++;
                var best = Array.IndexOf(counts, counts.Max());
                expected[r * ow + c] = counts.Max() == 0 ? noData : best;
            }

        Assert.Equal(expected, GeoTiffFixtures.GdalValues(path, overview: 0));
        Directory.Delete(dir, true);
    }
}
