using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Reports;

namespace SpatialCarbon.Tests.Carbon;

public class CarbonReportsTests
{
    [Fact]
    public void TheReportLivesOutsideTheNumericalCore()
    {
        var core = typeof(CarbonWorkflow).Assembly;
        Assert.Equal("SpatialCarbon.Reports", typeof(CarbonReport).Assembly.GetName().Name);
        Assert.Equal("SpatialCarbon.Reports", typeof(SvgCharts).Assembly.GetName().Name);
        Assert.DoesNotContain(core.GetTypes(), t => t.Name is "CarbonReport" or "SvgCharts" || t.Name.Contains("Html", StringComparison.Ordinal));
    }

    [Fact]
    public void ZoneChartLeavesOutZonesThatAreZero()
    {
        var pools = CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n");
        var html = new CarbonReport("t", [], pools, ZoneBars: [("a", 5), ("b", 0), ("c", -2)], ZoneBarUnit: "Mg C", ZoneBarTitle: "Change by zone").ToHtml();
        Assert.Contains("<h2>Change by zone</h2>", html, StringComparison.Ordinal);
        Assert.Contains("1 of 3 zones are 0 and not drawn.", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<rect").Length - 1);
    }
}
