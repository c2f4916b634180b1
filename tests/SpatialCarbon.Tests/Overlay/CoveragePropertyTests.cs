using CsCheck;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Overlay;

public class CoveragePropertyTests
{
    /// <summary>60 × 40 cells of 30 m at Gauss-Kruger-like coordinates, where precision loss would show.</summary>
    private static readonly RasterGrid Grid = new(60, 40, GeoTransform.NorthUp(40_500_000, 3_500_000, 30, 30), null);

    private static readonly Gen<Polygon> Stars =
        from cx in Gen.Double[-200, 2000]
        from cy in Gen.Double[-200, 1400]
        from rMax in Gen.Double[5, 900]
        from ratio in Gen.Double[0.1, 1]
        from vertices in Gen.Int[3, 200]
        from hole in Gen.Bool
        from seed in Gen.Int
        select OverlayFixtures.Star(new Random(seed), 40_500_000 + cx, 3_500_000 - 1200 + cy, rMax * ratio, rMax, vertices, hole);

    /// <summary>1e-9 relative, except where float64 itself cannot hold the area that well: a sliver along the raster
    /// edge at Gauss-Kruger coordinates (x ≈ 4e7 m, one ulp ≈ 7e-9 m) is only known to about ulp × its perimeter, by
    /// any method, NTS's overlay included.</summary>
    [Fact]
    public void Sum_of_coverage_times_cell_area_equals_area_inside_the_raster()
    {
        var extent = OverlayFixtures.Factory.ToGeometry(Grid.Bounds);
        var ulp = Math.BitIncrement(Grid.Bounds.MaxX) - Grid.Bounds.MaxX;
        Stars.Sample(star =>
        {
            var inside = star.Intersection(extent);
            var expected = inside.Area;
            var actual = CoverageFraction.Compute(star, Grid).TotalCoverage() * Grid.CellWidth * Grid.CellHeight;
            return Math.Abs(actual - expected) <= 1e-9 * expected + 4 * ulp * inside.Length;
        }, iter: 250);
    }

    [Fact]
    public void Large_intersections_meet_1e9_relative_without_any_floor()
    {
        var extent = OverlayFixtures.Factory.ToGeometry(Grid.Bounds);
        Stars.Where(star => star.Intersection(extent).Area > 50_000).Sample(star =>
        {
            var expected = star.Intersection(extent).Area;
            var actual = CoverageFraction.Compute(star, Grid).TotalCoverage() * Grid.CellWidth * Grid.CellHeight;
            return Math.Abs(actual - expected) <= 1e-9 * expected;
        }, iter: 150);
    }

    [Fact]
    public void Every_fraction_lies_in_zero_one()
    {
        Stars.Sample(star =>
        {
            var cov = CoverageFraction.Compute(star, Grid);
            return cov.Fractions.All(f => f > 0 && f <= 1);
        }, iter: 150);
    }
}
