using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class ValuationTests
{
    [Fact]
    public void MatchesInVestConstant()
    {
        // ratio = 1/(1.5·1.05); constant = 50/2·(1 − ratio²)/(1 − ratio) = 25·(1 + ratio) = 40.873015873…
        var v = new Valuation(50, 50, 5, 2010, 2012);
        Assert.Equal(40.87302, v.Constant, 5);
        Assert.Equal(25 * (1 + 1 / (1.5 * 1.05)), v.Constant, 12);
        Assert.Equal(-100 * v.Constant, v.Npv(-100), 9);
    }

    [Fact]
    public void RatioOneGivesPriceAndBackwardsYearsAreAnError()
    {
        Assert.Equal(30, new Valuation(30, 0, 0, 2000, 2020).Constant);
        Assert.Throws<ParameterException>(() => new Valuation(30, 5, 0, 2020, 2020).Constant);
        Assert.Throws<ParameterException>(() => new Valuation(30, 5, 0, 2021, 2020).Constant);
    }
}
