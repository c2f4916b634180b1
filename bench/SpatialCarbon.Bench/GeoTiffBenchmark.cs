using BenchmarkDotNet.Attributes;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Bench;

/// <summary>Managed GeoTIFF throughput on a 4096 × 4096 categorical Byte raster (256 × 256 LZW tiles): write it in
/// parallel, and read it back whole through statistics (the `info` path). Anchor: gdal_translate / gdalinfo -stats
/// on the same file (see the geotiff branch report).</summary>
[MemoryDiagnoser]
public class GeoTiffBenchmark
{
    private const int Size = 4096;
    private string _dir = null!;
    private string _path = null!;
    private RasterGrid _grid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("geotiff-bench").FullName;
        _path = Path.Combine(_dir, "lulc.tif");
        _grid = new RasterGrid(Size, Size, GeoTransform.NorthUp(300000, 3600000, 30, 30), CrsRegistry.FromEpsg(4549));
        Write();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [Benchmark]
    public void Write() => GeoTiffWriter.Write(_path, new PatternRaster(_grid), new GeoTiffWriteOptions(RasterDataType.Byte, 0));

    [Benchmark]
    public double ReadStatistics()
    {
        using var reader = GeoTiffReader.Open(_path);
        return RasterStatistics.Compute(reader, 1).Mean;
    }

    /// <summary>Land-use-like blocks of classes 1..9, generated on demand so the source costs no memory.</summary>
    private sealed class PatternRaster(RasterGrid grid) : IRasterSource
    {
        public string Path => "pattern";

        public RasterGrid Grid => grid;

        public int BandCount => 1;

        public RasterDataType DataType => RasterDataType.Byte;

        public double? NoData => 0;

        public int BlockWidth => 256;

        public int BlockHeight => 256;

        public void ReadWindow(int band, RasterWindow window, Span<double> destination)
        {
            for (var r = 0; r < window.Height; r++)
                for (var c = 0; c < window.Width; c++)
                {
                    int x = window.X + c, y = window.Y + r;
                    destination[r * window.Width + c] = ((x / 37 * 7) + (y / 23 * 3) + (x * y % 5)) % 9 + 1;
                }
        }

        public void Dispose()
        {
        }
    }
}
