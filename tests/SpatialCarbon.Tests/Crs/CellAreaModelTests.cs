using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Crs;

/// <summary>Per-cell areas of <see cref="CellAreaModel"/> against independent closed forms.</summary>
public class CellAreaModelTests
{
    private const double R = 6378137.0;

    /// <summary>Inverse Web Mercator (spherical formulas on WGS84 latitudes, as EPSG:3857 defines it), written out here.</summary>
    private static double MercatorLatitude(double y) => (2 * Math.Atan(Math.Exp(y / R)) - Math.PI / 2) * 180 / Math.PI;

    private static double MercatorLongitude(double x) => x / R * 180 / Math.PI;

    [Theory]
    [InlineData(30.0)]
    [InlineData(500.0)]
    public void Web_mercator_cells_are_latitude_longitude_boxes_of_their_closed_form_area(double cell)
    {
        // A Mercator cell is bounded by two meridians and two parallels, so its true area is the box's closed form.
        const int width = 300, height = 200;
        const double left = 13_200_000, top = 3_800_000;
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(left, top, cell, cell), CrsRegistry.WebMercator);
        var model = CellAreaModel.For(grid, AreaMethod.Ellipsoidal, "mercator.tif");
        var areas = new double[width];
        var worst = 0.0;
        for (var r = 0; r < height; r += 7)
        {
            model.RowAreas(r, 0, areas);
            var north = MercatorLatitude(top - r * cell);
            var south = MercatorLatitude(top - (r + 1) * cell);
            for (var c = 0; c < width; c++)
            {
                var expected = ClosedFormArea.Box_m2(south, north, MercatorLongitude(left + (c + 1) * cell) - MercatorLongitude(left + c * cell));
                worst = Math.Max(worst, Math.Abs(areas[c] / expected - 1));
            }
        }

        Assert.True(worst < 1e-7, $"worst relative error {worst:E2}");
    }

    [Fact]
    public void Albers_equal_area_cells_keep_their_map_area()
    {
        // CLCD's Albers grid is equal-area on the ellipsoid: a cell's true area is its map area, 900 m².
        var grid = new RasterGrid(400, 300, GeoTransform.NorthUp(1_000_000, 3_800_000, 30, 30), CrsRegistry.Parse(CrsRegistry.ClcdAlbers));
        var model = CellAreaModel.For(grid, AreaMethod.Ellipsoidal, "clcd.tif");
        var areas = new double[grid.Width];
        for (var r = 0; r < grid.Height; r += 37)
        {
            model.RowAreas(r, 0, areas);
            Assert.All(areas, a => Assert.Equal(1.0, a / 900, 1e-7));
        }
    }

    [Fact]
    public void A_cells_area_does_not_depend_on_the_segment_it_is_asked_in()
    {
        // The zonal engine cuts rows into windows; a cell must get the same bits whichever window asks.
        var grid = new RasterGrid(1000, 300, GeoTransform.NorthUp(230_000, 3_800_000, 30, 30), CrsRegistry.FromEpsg(4549));
        var model = CellAreaModel.For(grid, AreaMethod.Ellipsoidal, "gk.tif");
        var whole = new double[1000];
        model.RowAreas(123, 0, whole);
        foreach (var (start, length) in new[] { (0, 1), (17, 200), (256, 256), (999, 1), (500, 500) })
        {
            var part = new double[length];
            model.RowAreas(123, start, part);
            Assert.Equal(whole.AsSpan(start, length).ToArray(), part);
        }
    }

    [Fact]
    public void Planar_areas_are_the_map_area_and_refused_in_degrees()
    {
        var gk = new RasterGrid(10, 10, GeoTransform.NorthUp(230_000, 3_800_000, 30, 20), CrsRegistry.FromEpsg(4549));
        var areas = new double[10];
        CellAreaModel.For(gk, AreaMethod.Planar, "gk.tif").RowAreas(3, 0, areas);
        Assert.All(areas, a => Assert.Equal(600.0, a));

        var geographic = gk with { Transform = GeoTransform.NorthUp(118, 32, 0.001, 0.001), Crs = CrsRegistry.Cgcs2000 };
        var e = Assert.Throws<InputException>(() => CellAreaModel.For(geographic, AreaMethod.Planar, "ll.tif"));
        Assert.StartsWith("ll.tif: planar cell areas need a projected CRS, but EPSG:4490 is geographic", e.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => CellAreaModel.For(gk with { Crs = null }, AreaMethod.Ellipsoidal, "none.tif"));
        Assert.Throws<InputException>(() => CellAreaModel.For(gk with { Crs = null }, AreaMethod.Planar, "none.tif"));
    }
}
