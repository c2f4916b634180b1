using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Overlay;

public class BlockReadTests
{
    [Fact]
    public void Each_tile_is_decoded_once_however_many_zones_overlap_it()
    {
        var (path, source) = WriteClasses("zonal-blocks", 200, 150, seed: 3);

        // The engine reads each block once and keeps none: a second read of a tile would decode it again and show in
        // the count, and a cached one would show in the cache.
        using var tiff = GeoTiffReader.Open(path);
        var b = tiff.Grid.Bounds;
        var rng = new Random(8);
        var zones = new List<Geometry> { OverlayFixtures.Factory.ToGeometry(b) };
        for (var i = 0; i < 30; i++)
            zones.Add(OverlayFixtures.Star(rng, b.MinX + rng.NextDouble() * b.Width, b.MinY + rng.NextDouble() * b.Height, 100, 600, 40, hole: false));

        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum]);
        var fromTiff = ZonalStatistics.Compute(tiff, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 2 });
        var tiles = (200 + 31) / 32 * ((150 + 31) / 32);
        Assert.Equal(tiles, tiff.DecodeCount);
        Assert.Equal(0, tiff.Cache.SizeBytes);

        var fromMemory = ZonalStatistics.Compute(source, null, zones, options);
        for (var z = 0; z < zones.Count; z++) Assert.Equal(fromMemory[z].Sum, fromTiff[z].Sum, 1e-9 * Math.Max(1, fromMemory[z].Sum));
    }

    [Fact]
    public void A_read_once_gives_the_written_values_and_uses_blocks_already_cached_without_caching_others()
    {
        var (path, source) = WriteClasses("zonal-read-once", 90, 70, seed: 5);
        using var tiff = GeoTiffReader.Open(path);

        // Block (0, 0) cached by an ordinary read; the read-once of the whole raster decodes only the other 8 blocks.
        var first = new double[32 * 32];
        tiff.ReadWindow(1, new RasterWindow(0, 0, 32, 32), first);
        var cached = tiff.Cache.SizeBytes;
        Assert.Equal(1, tiff.DecodeCount);

        var once = new double[90 * 70];
        tiff.ReadWindowOnce(1, new RasterWindow(0, 0, 90, 70), once);
        var expected = new double[90 * 70];
        source.ReadWindow(1, new RasterWindow(0, 0, 90, 70), expected);
        Assert.Equal(expected, once);
        Assert.Equal(1 + 8, tiff.DecodeCount);
        Assert.Equal(cached, tiff.Cache.SizeBytes);
    }

    /// <summary>Class patches in EPSG:4549 written as a Byte GeoTIFF of 32 × 32 tiles; the path and the source.</summary>
    private static (string Path, MemoryRaster Source) WriteClasses(string name, int width, int height, int seed)
    {
        var path = Path.Combine(TestEnvironment.TempDir(name), "classes.tif");
        var source = OverlayFixtures.Classes(width, height, seed, left: 500_000, top: 3_500_000, crs: CrsRegistry.FromEpsg(4549));
        GeoTiffWriter.Write(path, source, new GeoTiffWriteOptions(RasterDataType.Byte, 255, BlockSize: 32));
        return (path, source);
    }
}
