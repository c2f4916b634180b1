using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Tests.Carbon;

public class CarbonZonesTests
{
    private static readonly CarbonPoolTable Pools = CarbonPoolTable.Parse(CarbonFixtures.Pools);

    [Fact]
    public void ZoneStocksAndChangeUseExactCoverage()
    {
        // 4x2 cells of 30 m; zone A covers column 0 wholly and column 1 half (x 400000–400045), zone B all of column 3.
        var grid = CarbonFixtures.Projected(4, 2);
        var baseline = CarbonFixtures.Raster(grid, [1, 2, 5, 1, 2, 2, 5, 0]);
        var alternate = CarbonFixtures.Raster(grid, [2, 2, 5, 2, 2, 1, 5, 2]);
        var f = new GeometryFactory();
        Polygon Box(double x0, double x1) => f.CreatePolygon([new(x0, 3_499_940), new(x1, 3_499_940), new(x1, 3_500_000), new(x0, 3_500_000), new(x0, 3_499_940)]);
        var zones = new CarbonZones("zones", "name", ["A", "B"], [Box(400_000, 400_045), Box(400_090, 400_120)], GeometryIssues.None);
        var z = zones.Run(baseline, alternate, Pools);

        // A: col 0 rows 0,1 (1→2, 2→2) full; col 1 rows 0,1 (2→2, 2→1) half.
        Assert.Equal(0.09 * (62 + 205) + 0.045 * (205 + 205), z[0].Baseline_mg_c, 9);
        Assert.Equal(0.09 * (205 + 205) + 0.045 * (205 + 62), z[0].Alternate_mg_c, 9);
        Assert.Equal(0.27, z[0].ValidArea_ha, 12);
        // B: row 0 1→2; row 1 is nodata in the baseline.
        Assert.Equal(0.09 * 143, z[1].Change_mg_c, 9);
        Assert.Equal(0.09, z[1].NodataArea_ha, 12);
    }
}
