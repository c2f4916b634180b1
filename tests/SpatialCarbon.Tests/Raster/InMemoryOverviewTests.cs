using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Raster;

/// <summary>The writer reduces tiled blocks into the first overview level as they arrive and builds the rest of the
/// pyramid in memory; strips of an odd height cannot be reduced block by block and are read back from the file.
/// Both paths must give the pyramid GDAL reads, on a grid whose odd edges leave partial 2 × 2 groups.</summary>
public class InMemoryOverviewTests
{
    [RequiresToolTheory(NativeTools.GdalCli)]
    [InlineData(OverviewResampling.Nearest, RasterDataType.Byte)]
    [InlineData(OverviewResampling.Mode, RasterDataType.Byte)]
    [InlineData(OverviewResampling.Average, RasterDataType.Float32)]
    public void BlockReducedAndReadBackPyramidsAgree(OverviewResampling resampling, RasterDataType type)
    {
        const int width = 101, height = 77;
        const double noData = 255;
        var values = new double[width * height];
        for (var r = 0; r < height; r++)
            for (var c = 0; c < width; c++)
                values[r * width + c] = (r * 5 + c * c) % 7 == 0 ? noData : (r / 3 + 2 * c) % 5 + 1;
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(0, 770, 10, 10), CrsRegistry.FromEpsg(4549));
        var dir = TestEnvironment.TempDir("gtw-mem-ov");
        var tiled = Path.Combine(dir, "tiled.tif");
        var strips = Path.Combine(dir, "strips.tif");
        var source = new MemoryRaster(grid, values, type, noData);
        GeoTiffWriter.Write(tiled, source, new GeoTiffWriteOptions(type, noData, BlockSize: 16, Overviews: resampling));
        GeoTiffWriter.Write(strips, source, new GeoTiffWriteOptions(type, noData, Tiled: false, BlockSize: 17, Overviews: resampling));

        using var a = GeoTiffReader.Open(tiled);
        using var b = GeoTiffReader.Open(strips);
        Assert.Equal(3, a.OverviewCount);
        for (var level = 0; level < a.OverviewCount; level++)
        {
            using var oa = a.OpenOverview(level);
            var mine = new double[oa.Grid.Width * oa.Grid.Height];
            oa.ReadWindow(1, oa.Grid.Full, mine);
            Assert.Equal(GeoTiffFixtures.GdalValues(tiled, overview: level), mine);
            if (level >= b.OverviewCount) continue;
            using var ob = b.OpenOverview(level);
            var theirs = new double[ob.Grid.Width * ob.Grid.Height];
            ob.ReadWindow(1, ob.Grid.Full, theirs);
            Assert.Equal(mine, theirs);
        }

        Directory.Delete(dir, true);
    }
}
