using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Raster;

public class RasterStatisticsTests
{
    [Fact]
    public void MatchesATextbookTwoPassComputation()
    {
        var grid = new RasterGrid(517, 333, GeoTransform.NorthUp(0, 0, 1, 1), CrsRegistry.FromEpsg(4549));
        var rng = new Random(7);
        // A large offset against a small spread is where one-pass sums of squares lose digits.
        var values = Enumerable.Range(0, 517 * 333).Select(i => i % 97 == 0 ? -1 : 1e6 + rng.NextDouble()).ToArray();
        values[5] = double.NaN;
        var stats = RasterStatistics.Compute(new MemoryRaster(grid, values, noData: -1, blockWidth: 64, blockHeight: 16), 1);
        var valid = values.Where(v => v != -1 && !double.IsNaN(v)).ToArray();
        var mean = valid.Sum() / valid.Length;
        var std = Math.Sqrt(valid.Sum(v => (v - mean) * (v - mean)) / valid.Length);
        Assert.Equal(valid.Length, stats.ValidCount);
        Assert.Equal(values.Length - valid.Length, stats.NoDataCount);
        Assert.Equal(valid.Min(), stats.Min);
        Assert.Equal(valid.Max(), stats.Max);
        GeoTiffReaderTests.AssertRelative(mean, stats.Mean, 1e-13);
        GeoTiffReaderTests.AssertRelative(std, stats.StdDev, 1e-9);
    }

    [Fact]
    public void AllNoDataGivesNaNs()
    {
        var grid = new RasterGrid(3, 2, GeoTransform.NorthUp(0, 0, 1, 1), CrsRegistry.FromEpsg(4549));
        var stats = RasterStatistics.Compute(new MemoryRaster(grid, [9, 9, 9, 9, 9, 9], noData: 9), 1);
        Assert.Equal((0L, 6L), (stats.ValidCount, stats.NoDataCount));
        Assert.True(double.IsNaN(stats.Mean));
    }
}
