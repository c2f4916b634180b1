using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Zoning.Preparation;

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
        var zones = new CarbonZones("zones", "name", ["A", "B"], [Box(400_000, 400_045), Box(400_090, 400_120)], PreparationReport.None);
        var z = zones.Run(baseline, alternate, Pools, SpatialCarbon.Core.Crs.AreaMethod.Planar);

        // A: col 0 rows 0,1 (1→2, 2→2) full; col 1 rows 0,1 (2→2, 2→1) half.
        Assert.Equal(0.09 * (62 + 205) + 0.045 * (205 + 205), z[0].Baseline_mg_c, 9);
        Assert.Equal(0.09 * (205 + 205) + 0.045 * (205 + 62), z[0].Alternate_mg_c, 9);
        Assert.Equal(0.27, z[0].ValidArea_ha, 12);
        // B: row 0 1→2; row 1 is nodata in the baseline.
        Assert.Equal(0.09 * 143, z[1].Change_mg_c, 9);
        Assert.Equal(0.09, z[1].NodataArea_ha, 12);
    }

    [Fact]
    public void ForestGrowthPerZoneSumsRateTimesCoveredArea()
    {
        // Forest (2) at both dates in columns 0–1; type 1 age 5 → 5 t dm × 1.2 × 0.47 = 2.82 Mg C/ha/yr.
        var grid = CarbonFixtures.Projected(4, 1);
        var lulc = CarbonFixtures.Raster(grid, [2, 2, 1, 2]);
        var alt = CarbonFixtures.Raster(grid, [2, 2, 1, 1]);
        var type = CarbonFixtures.Raster(grid, [1, 1, 1, 1]);
        var age = CarbonFixtures.Raster(grid, [5, 5, 5, 5]);
        var table = ForestGrowthTable.Parse("forest_type,age_min,age_max,agb_increment,root_shoot_ratio\n1,0,20,5,0.2\n");
        var raster = new ForestGrowthRaster(lulc, alt, type, age, table, new HashSet<int> { 2 });
        var f = new GeometryFactory();
        // Covers column 0 wholly, column 1 by a third, and column 3 (forest lost by the alternate date) wholly.
        var zone = f.CreatePolygon([new(400_000, 3_499_970), new(400_040, 3_499_970), new(400_040, 3_500_000), new(400_000, 3_500_000), new(400_000, 3_499_970)]);
        var east = f.CreatePolygon([new(400_090, 3_499_970), new(400_120, 3_499_970), new(400_120, 3_500_000), new(400_090, 3_500_000), new(400_090, 3_499_970)]);
        var zones = new CarbonZones("zones", "id", ["a", "b"], [zone, east], PreparationReport.None);
        var sink = zones.ForestGrowth(raster, SpatialCarbon.Core.Crs.AreaMethod.Planar);
        Assert.Equal(2.82 * 0.09 * (1 + 1.0 / 3), sink[0], 9);
        Assert.Equal(0, sink[1]);
    }
}
