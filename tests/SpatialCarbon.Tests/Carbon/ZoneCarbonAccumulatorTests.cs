using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class ZoneCarbonAccumulatorTests
{
    private static readonly CarbonPoolTable Pools = CarbonPoolTable.Parse(CarbonFixtures.Pools);

    [Fact]
    public void PartialCoverageWeighsAreaAndWorkersMerge()
    {
        // Zone 0: one full run (1→2, 2→2) and a half-covered 1→5 cell; zone 1: a quarter of a nodata cell. 900 m² cells.
        var w1 = new ZoneCarbonAccumulator(Pools, 2, baselineNoData: 0, alternateNoData: 0);
        var w2 = new ZoneCarbonAccumulator(Pools, 2, baselineNoData: 0, alternateNoData: 0);
        w1.AddFull(0, 0, 0, [1, 2], [2, 2], [900, 900]);
        w2.AddPartial(0, 1, 0, [0.5], [1], [5], [900]);
        w2.AddPartial(1, 1, 1, [0.25], [0], [1], [900]);
        var z = ZoneCarbonAccumulator.MergeAll([w1, w2]).Results("a.tif and b.tif");
        Assert.Equal(0.09 * 62 + 0.09 * 205 + 0.045 * 62, z[0].Baseline_mg_c, 9);
        Assert.Equal(0.09 * 205 * 2 + 0, z[0].Alternate_mg_c, 9);
        Assert.Equal(0.225, z[0].ValidArea_ha, 12);
        Assert.Equal(0.0225, z[1].NodataArea_ha, 12);
        Assert.Equal(0, z[1].ValidArea_ha);
        Assert.Equal(z[0].Change_mg_c / 10 * 44 / 12, z[0].AnnualSink_mg_co2e_yr(10), 9);
        var entries = z[0].Transitions.Entries(Pools.Density_mg_c_ha).ToList();
        Assert.Equal(z[0].Change_mg_c, entries.Sum(e => e.Change_mg_c), 9);
        Assert.Equal(0.5, entries.Single(e => e.FromCode == 1 && e.ToCode == 5).Pixels);
    }

    [Fact]
    public void StockOnlyAndMissingCodes()
    {
        var acc = new ZoneCarbonAccumulator(Pools, 1, baselineNoData: 255);
        acc.AddFull(0, 0, 0, [2, 255, 2], [], [10_000, 10_000, 10_000]);
        Assert.Equal(410, acc.Results("x.tif")[0].Baseline_mg_c, 9);
        acc.AddFull(0, 1, 0, [4, 3], [], [10_000, 10_000]);
        var e = Assert.Throws<InputException>(() => acc.Results("x.tif"));
        Assert.Equal("pools.csv: 2 land-use codes found in x.tif missing from the table: 3, 4", e.Message);
    }
}
