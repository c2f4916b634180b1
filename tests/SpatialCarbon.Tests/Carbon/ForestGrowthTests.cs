using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class ForestGrowthTests
{
    private const string Growth = """
        forest_type,age_min,age_max,agb_increment,root_shoot_ratio
        1,0,20,5.0,0.2
        1,20,200,2.5,0.2
        2,0,200,4.0,0.25
        """;

    [Fact]
    public void RateIsIncrementTimesOnePlusRootShootTimesCarbonFraction()
    {
        var t = ForestGrowthTable.Parse(Growth);
        Assert.Equal(5.0 * 1.2 * 0.47, t.Find(1, 10)!.Sink_mg_c_ha_yr, 12);
        Assert.Equal(2.5 * 1.2 * 0.47, t.Find(1, 20)!.Sink_mg_c_ha_yr, 12);
        Assert.Null(t.Find(3, 5));
    }

    [Fact]
    public void NamedTypesInclusiveAgesAndCarbonIncrementsAsTheDemoTableGives()
    {
        const string demo = """
            forest_type,age_class,age_min,age_max,agb_increment_mg_c_ha_yr,root_shoot_ratio,source
            coniferous,young,1,10,1.6,0.25,"illustrative, not measured"
            coniferous,middle,11,20,2.2,0.25,x
            """;
        var t = ForestGrowthTable.Parse(demo, typeCodes: new Dictionary<string, int> { ["Coniferous"] = 1 });
        Assert.Equal(1.6 * 1.25, t.Find(1, 10)!.Sink_mg_c_ha_yr, 12);
        Assert.Equal(2.2 * 1.25, t.Find(1, 11)!.Sink_mg_c_ha_yr, 12);
        Assert.Null(t.Find(1, 10.5));
        var e = Assert.Throws<InputException>(() => ForestGrowthTable.Parse(demo, "g.csv"));
        Assert.StartsWith("g.csv: line 2, column 'forest_type': 'coniferous' is neither an integer", e.Message);
    }

    [Fact]
    public void OnlyForestThatStaysForestGrows()
    {
        // baseline 2 2 2 1 / alternate 2 2 1 2: only the first two cells stay forest (class 2). 0.09 ha cells.
        var grid = CarbonFixtures.Projected(4, 1);
        var b = CarbonFixtures.Raster(grid, [2, 2, 2, 1]);
        var a = CarbonFixtures.Raster(grid, [2, 2, 1, 2]);
        var type = CarbonFixtures.Raster(grid, [1, 2, 1, 1], noData: 0);
        var age = CarbonFixtures.Raster(grid, [30, 5, 10, 10], noData: -1);
        var r = ForestGrowth.Run(b, a, type, age, ForestGrowthTable.Parse(Growth), new HashSet<int> { 2 }, CarbonFixtures.Planar);
        Assert.Equal(0.09 * (2.5 * 1.2 * 0.47 + 4.0 * 1.25 * 0.47), r.AnnualSink_mg_c_yr, 12);
        Assert.Equal(0.18, r.ForestArea_ha, 12);
        Assert.Equal(r.AnnualSink_mg_c_yr * 44 / 12, r.AnnualSink_mg_co2e_yr, 12);
    }

    [Fact]
    public void UncoveredTypeAndAgeIsListed()
    {
        var grid = CarbonFixtures.Projected(2, 1);
        var lulc = CarbonFixtures.Raster(grid, [2, 2]);
        var e = Assert.Throws<InputException>(() => ForestGrowth.Run(lulc, null, CarbonFixtures.Raster(grid, [3, 1], path: "type.tif"),
            CarbonFixtures.Raster(grid, [5, 250], path: "age.tif"), ForestGrowthTable.Parse(Growth), new HashSet<int> { 2 }));
        Assert.Equal("growth.csv: 2 forest type/age combinations in type.tif and age.tif not covered by any age class: type 1 age 250, type 3 age 5", e.Message);
    }
}
