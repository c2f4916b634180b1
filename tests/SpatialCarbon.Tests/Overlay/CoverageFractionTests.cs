using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Overlay;

public class CoverageFractionTests
{
    private static readonly WKTReader Wkt = new();

    /// <summary>10 × 10 cells of 2 m, origin (100, 220): the grid the analytic cases use.</summary>
    internal static RasterGrid Grid10 { get; } = new(10, 10, GeoTransform.NorthUp(100, 220, 2, 2), null);

    [Fact]
    public void Axis_aligned_square_covers_whole_and_quarter_cells()
    {
        // x 103..107, y 211..215: columns 1.5..3.5, rows 2.5..4.5 in pixel space.
        var cov = CoverageFraction.Compute(Wkt.Read("POLYGON((103 211, 107 211, 107 215, 103 215, 103 211))"), Grid10);
        var dense = cov.ToDense(Grid10.Full);
        Assert.Equal(1.0, dense[3 * 10 + 2], 12);
        Assert.Equal(0.25, dense[2 * 10 + 1], 12);
        Assert.Equal(0.5, dense[2 * 10 + 2], 12);
        Assert.Equal(0.5, dense[3 * 10 + 3], 12);
        Assert.Equal(0.25, dense[4 * 10 + 3], 12);
        Assert.Equal(0.0, dense[5 * 10 + 2], 12);
        Assert.Equal(4.0, cov.TotalCoverage(), 12);
    }

    [Fact]
    public void Rotated_square_matches_its_area_and_the_diamond_cells()
    {
        // A diamond with vertices at cell centres of a 2 m grid: half-diagonal 4 m (2 cells), area 2·4² = 32 m² = 8 cells.
        var cov = CoverageFraction.Compute(Wkt.Read("POLYGON((111 201, 115 205, 111 209, 107 205, 111 201))"), Grid10);
        Assert.Equal(8.0, cov.TotalCoverage(), 12);
        var dense = cov.ToDense(Grid10.Full);

        // Centre cell (col 5, row 7): the diamond contains it wholly. Cell (col 3, row 7): the left tip cuts a triangle
        // from its centre to its right edge: 1/4 of the cell... measured in pixel space: tip at (3.5, 7.5).
        Assert.Equal(1.0, dense[7 * 10 + 5], 12);
        Assert.Equal(0.25, dense[7 * 10 + 3], 12);
    }

    [Fact]
    public void Circle_coverage_equals_the_polygon_area_and_approaches_pi_r_squared()
    {
        var circle = (Polygon)new Point(110, 210).Buffer(3.3, 256);
        var cov = CoverageFraction.Compute(circle, Grid10);
        Assert.Equal(circle.Area, cov.TotalCoverage() * 4, 10);
        Assert.Equal(Math.PI * 3.3 * 3.3, cov.TotalCoverage() * 4, 2);
    }

    [Fact]
    public void Donut_subtracts_its_hole()
    {
        var donut = Wkt.Read("POLYGON((102 202, 118 202, 118 218, 102 218, 102 202), (106 206, 114 206, 114 214, 106 214, 106 206))");
        var cov = CoverageFraction.Compute(donut, Grid10);
        Assert.Equal((256 - 64) / 4.0, cov.TotalCoverage(), 12);
        var dense = cov.ToDense(Grid10.Full);
        Assert.Equal(0.0, dense[5 * 10 + 5]);
        Assert.Equal(1.0, dense[1 * 10 + 1], 12);
    }

    [Fact]
    public void Hole_orientation_does_not_matter()
    {
        var a = CoverageFraction.Compute(Wkt.Read("POLYGON((102 202, 118 202, 118 218, 102 218, 102 202), (106 206, 114 206, 114 214, 106 214, 106 206))"), Grid10);
        var b = CoverageFraction.Compute(Wkt.Read("POLYGON((102 202, 102 218, 118 218, 118 202, 102 202), (106 206, 106 214, 114 214, 114 206, 106 206))"), Grid10);
        Assert.Equal(a.ToDense(Grid10.Full), b.ToDense(Grid10.Full));
    }

    [Fact]
    public void Polygon_crossing_the_raster_edge_is_cut_at_the_extent()
    {
        // The raster spans x 100..120, y 200..220; this square spans x 95..105, y 215..225: 5 × 5 m inside.
        var cov = CoverageFraction.Compute(Wkt.Read("POLYGON((95 215, 105 215, 105 225, 95 225, 95 215))"), Grid10);
        Assert.Equal(25.0 / 4, cov.TotalCoverage(), 12);
        var dense = cov.ToDense(Grid10.Full);
        Assert.Equal(1.0, dense[0], 12);
        Assert.Equal(0.5, dense[2], 12);
        Assert.Equal(0.25, dense[2 * 10 + 2], 12);
    }

    [Fact]
    public void Polygon_wholly_outside_covers_nothing()
    {
        var cov = CoverageFraction.Compute(Wkt.Read("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"), Grid10);
        Assert.True(cov.IsEmpty);
    }

    [Fact]
    public void Polygon_covering_the_whole_raster_covers_every_cell_once()
    {
        var cov = CoverageFraction.Compute(Wkt.Read("POLYGON((0 0, 500 0, 500 500, 0 500, 0 0))"), Grid10);
        Assert.Equal(100.0, cov.TotalCoverage(), 12);
        Assert.All(cov.ToDense(Grid10.Full), c => Assert.Equal(1.0, c));
        Assert.Equal(10, cov.Runs.Length);
    }

    [Fact]
    public void Sub_cell_triangle_gives_its_area_to_one_cell()
    {
        var tri = Wkt.Read("POLYGON((110.2 210.2, 111.5 210.3, 110.9 211.7, 110.2 210.2))");
        var cov = CoverageFraction.Compute(tri, Grid10);
        var dense = cov.ToDense(Grid10.Full);
        Assert.Equal(tri.Area / 4, dense[4 * 10 + 5], 14);
        Assert.Equal(tri.Area / 4, cov.TotalCoverage(), 14);
        Assert.Single(cov.Runs);
    }

    [Fact]
    public void Multipolygon_parts_add_up()
    {
        var mp = Wkt.Read("MULTIPOLYGON(((101 201, 104 201, 104 204, 101 204, 101 201)), ((110.5 210.5, 117 210.5, 113 216, 110.5 210.5)))");
        var cov = CoverageFraction.Compute(mp, Grid10);
        Assert.Equal(mp.Area / 4, cov.TotalCoverage(), 12);
    }

    [Fact]
    public void Rotated_grid_keeps_fractions_exact()
    {
        // A grid rotated by 30°: cells of 1 m; the polygon is one cell exactly, mapped through the transform.
        var cos = Math.Cos(Math.PI / 6);
        var sin = Math.Sin(Math.PI / 6);
        var grid = new RasterGrid(4, 4, new GeoTransform(50, cos, sin, 80, sin, -cos), null);
        var corners = new[] { (1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0) }
            .Select(p => grid.Transform.PixelToWorld(p.Item1 + 0.25, p.Item2)).Select(p => new Coordinate(p.X, p.Y)).ToArray();
        var cov = CoverageFraction.Compute(new Polygon(new LinearRing(corners)), grid);
        var dense = cov.ToDense(grid.Full);
        Assert.Equal(0.75, dense[1 * 4 + 1], 10);
        Assert.Equal(0.25, dense[1 * 4 + 2], 10);
        Assert.Equal(1.0, cov.TotalCoverage(), 10);
    }
}
