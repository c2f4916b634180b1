using NetTopologySuite.IO;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Tests.Gdal;

public sealed class GeometryRepairLogTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void Counts_stay_exact_when_the_details_are_capped()
    {
        var log = new GeometryRepairLog(maxDetails: 2);
        for (var i = 1; i <= 3; i++) log.Empty($"feature {i}", "no geometry");
        var bowTie = log.Repair(Wkt.Read("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"), "feature 4");
        var issues = log.ToIssues();

        Assert.Equal(2.0, bowTie!.Area, 12);
        Assert.Equal((1, 1, 3), (issues.Invalid, issues.Repaired, issues.Empty));
        Assert.Equal(["feature 1: no geometry, skipped", "feature 2: no geometry, skipped", "... and 2 more"], issues.Details);
    }

    [Fact]
    public void A_geometry_with_nothing_left_after_repair_is_skipped_and_counted()
    {
        var log = new GeometryRepairLog(10);
        var valid = Wkt.Read("POLYGON ((0 0, 3 0, 3 1, 0 0))");
        Assert.Same(valid, log.Repair(valid, "feature 1"));
        Assert.Null(log.Repair(Wkt.Read("POLYGON ((0 0, 1 0, 2 0, 0 0))"), "feature 2"));
        var issues = log.ToIssues();

        Assert.Equal((1, 0, 1), (issues.Invalid, issues.Repaired, issues.Empty));
        var line = Assert.Single(issues.Details);
        Assert.StartsWith("feature 2: invalid (", line, StringComparison.Ordinal);
        Assert.EndsWith("and nothing left after repair, skipped", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_report_is_none()
    {
        var log = new GeometryRepairLog(10);
        log.Repair(Wkt.Read("POINT (1 2)"), "feature 1");
        Assert.Same(SpatialCarbon.Core.Vector.GeometryIssues.None, log.ToIssues());
    }
}
