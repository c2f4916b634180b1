using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Raster;

/// <summary>The carbon maps' encoding (Float32, Deflate through .NET's zlib with the floating-point predictor, samples
/// passed as floats): GDAL and the managed reader must decode exactly the floats written, NaN nodata included.</summary>
public class CarbonMapEncodingTests
{
    /// <summary>Densities and changes as a carbon map holds them: a few repeated values, noise, NaN holes, and a
    /// size that leaves partial tiles on the right and bottom edges.</summary>
    private static float[] MapValues(int width, int height)
    {
        var rng = new Random(7);
        var classes = new[] { 0f, 12.5f, 48.25f, 95.125f, -33.0625f, 101.5f };
        var v = new float[width * height];
        for (var i = 0; i < v.Length; i++)
        {
            var c = i % width;
            var r = i / width;
            v[i] = (c * c + r) % 97 == 0 ? float.NaN
                : r % 50 < 10 ? (float)(rng.NextDouble() * 400 - 200)
                : classes[(c / 7 + r / 11) % classes.Length];
        }

        return v;
    }

    [RequiresToolTheory(NativeTools.GdalCli)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    public void GdalAndTheManagedReaderDecodeTheWrittenFloats(int level)
    {
        const int width = 600, height = 530;
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(386000, 3548000, 30, 30), CrsRegistry.FromEpsg(4549));
        var values = MapValues(width, height);
        var dir = TestEnvironment.TempDir("carbon-map-enc");
        var path = Path.Combine(dir, "change.tif");
        var options = GeoTiffBlockSink.MapOptions with { DeflateLevel = level };
        using (var writer = GeoTiffWriter.Create(path, grid, options))
        {
            // As the carbon pass does: block-aligned windows from several threads, as floats.
            var windows = ProcessingWindows.For(grid, 256, 256, 256);
            Parallel.ForEach(windows, w =>
            {
                var part = new float[w.CellCount];
                for (var r = 0; r < w.Height; r++)
                    values.AsSpan((w.Y + r) * width + w.X, w.Width).CopyTo(part.AsSpan(r * w.Width));
                new GeoTiffBlockSink(writer).Write(w, part);
            });
            writer.Complete();
        }

        var expected = values.Select(v => (double)v).ToArray();
        var info = GeoTiffFixtures.GdalInfo(path);
        var structure = info.GetProperty("metadata").GetProperty("IMAGE_STRUCTURE");
        Assert.Equal("DEFLATE", structure.GetProperty("COMPRESSION").GetString());
        Assert.Equal("3", structure.GetProperty("PREDICTOR").GetString());
        Assert.Equal(expected, GeoTiffFixtures.GdalValues(path));
        using (var reader = GeoTiffReader.Open(path))
        {
            Assert.Equal(GeoTiffCompression.Deflate, reader.Compression);
            var back = new double[expected.Length];
            reader.ReadWindow(1, reader.Grid.Full, back);
            Assert.Equal(expected, back);
        }

        Directory.Delete(dir, true);
    }

    [Fact]
    public void SamplesOfAnotherTypeAreRefused()
    {
        var grid = new RasterGrid(32, 32, GeoTransform.NorthUp(0, 320, 10, 10), CrsRegistry.FromEpsg(4549));
        var dir = TestEnvironment.TempDir("carbon-map-type");
        using (var writer = GeoTiffWriter.Create(Path.Combine(dir, "b.tif"), grid, new GeoTiffWriteOptions(RasterDataType.Byte, BlockSize: 16)))
            Assert.Throws<ArgumentException>(() => writer.WriteWindow<float>(1, new RasterWindow(0, 0, 16, 16), new float[256]));
        Directory.Delete(dir, true);
    }
}
