using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class CarbonPoolTableTests
{
    [Fact]
    public void ReadsInVestColumnsCaseInsensitivelyWithExtrasAndSd()
    {
        var t = CarbonPoolTable.Parse(CarbonFixtures.Pools);
        Assert.Equal(3, t.Pools.Count);
        Assert.Equal(62, t[1].Total_mg_c_ha);
        Assert.Equal(205, t[2].Total_mg_c_ha);
        Assert.Equal("forest", t[2].Name);
        Assert.Equal(8, t[2].AboveSd_mg_c_ha);
        Assert.Equal(0, t[2].SoilSd_mg_c_ha);
    }

    [Fact]
    public void BadNumberNamesFileLineAndColumn()
    {
        var e = Assert.Throws<InputException>(() => CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead\n1,1,2,x3,4\n", "p.csv"));
        Assert.Equal("p.csv: line 2, column 'c_soil': 'x3' is not a number", e.Message);
    }

    [Fact]
    public void MissingColumnAndDuplicateCodeAreErrors()
    {
        var e = Assert.Throws<InputException>(() => CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil\n1,1,2,3\n", "p.csv"));
        Assert.Contains("missing column 'c_dead'", e.Message);
        var d = Assert.Throws<InputException>(() => CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead\n1,1,2,3,4\n1,1,1,1,1\n", "p.csv"));
        Assert.Equal("p.csv: line 3, column 'lucode': code 1 already given on line 2", d.Message);
    }
}
