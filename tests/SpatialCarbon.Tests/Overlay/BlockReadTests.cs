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
        var dir = TestEnvironment.TempDir("zonal-blocks");
        var path = Path.Combine(dir, "classes.tif");
        var source = OverlayFixtures.Classes(200, 150, seed: 3, left: 500_000, top: 3_500_000, crs: CrsRegistry.FromEpsg(4549));
        GeoTiffWriter.Write(path, source, new GeoTiffWriteOptions(RasterDataType.Byte, 255, BlockSize: 32));

        // No cache: a second read of a tile would decode it again and show in the count.
        using var tiff = GeoTiffReader.Open(path, cacheBytes: 0);
        var b = tiff.Grid.Bounds;
        var rng = new Random(8);
        var zones = new List<Geometry> { OverlayFixtures.Factory.ToGeometry(b) };
        for (var i = 0; i < 30; i++)
            zones.Add(OverlayFixtures.Star(rng, b.MinX + rng.NextDouble() * b.Width, b.MinY + rng.NextDouble() * b.Height, 100, 600, 40, hole: false));

        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum]);
        var fromTiff = ZonalStatistics.Compute(tiff, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 2 });
        var tiles = (200 + 31) / 32 * ((150 + 31) / 32);
        Assert.Equal(tiles, tiff.Cache.DecodeCount);

        var fromMemory = ZonalStatistics.Compute(source, null, zones, options);
        for (var z = 0; z < zones.Count; z++) Assert.Equal(fromMemory[z].Sum, fromTiff[z].Sum, 1e-9 * Math.Max(1, fromMemory[z].Sum));
    }
}
