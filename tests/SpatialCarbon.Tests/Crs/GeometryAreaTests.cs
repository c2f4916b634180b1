using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Crs;

/// <summary>Polygon areas on the ellipsoid against the closed-form area of a latitude-longitude box, written out here
/// so that the expected value never comes from the code under test.</summary>
public class GeometryAreaTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double lon1, double lat1, double lon2, double lat2) => Factory.CreatePolygon(
    [
        new Coordinate(lon1, lat1), new Coordinate(lon2, lat1), new Coordinate(lon2, lat2), new Coordinate(lon1, lat2),
        new Coordinate(lon1, lat1),
    ]);

    [Theory]
    [InlineData(118.5, 31.8, 119.1, 32.3)]
    [InlineData(120.0, 34.0, 120.01, 34.01)]
    [InlineData(116.4, 30.7, 121.9, 35.1)]
    public void Geographic_box_matches_the_closed_form(double lon1, double lat1, double lon2, double lat2)
    {
        var expected = ClosedFormArea.Box_m2(lat1, lat2, lon2 - lon1);
        var actual = GeometryArea.Ellipsoidal_m2(Box(lon1, lat1, lon2, lat2), CrsRegistry.FromEpsg(4490));
        Assert.Equal(1.0, actual / expected, 1e-9);
    }

    [Theory]
    [InlineData(4549)]
    [InlineData(32650)]
    [InlineData(3857)]
    public void Projected_box_matches_the_closed_form(int epsg)
    {
        // The box's edges follow meridians and parallels, so densify it finely in lon/lat before projecting it.
        var box = Densifier.Densify(Box(118.7, 31.9, 119.3, 32.4), 0.0005);
        var crs = CrsRegistry.FromEpsg(epsg);
        var projected = new GeometryReprojector(CrsRegistry.FromEpsg(4490), crs).Transform(box);
        var expected = ClosedFormArea.Box_m2(31.9, 32.4, 0.6);
        Assert.Equal(1.0, GeometryArea.Ellipsoidal_m2(projected, crs) / expected, 1e-6);
    }

    [Fact]
    public void Gauss_kruger_zone_is_the_centroids()
    {
        Assert.Equal(4549, GeometryArea.GaussKrugerEpsg(Box(119.5, 32, 119.6, 32.1), CrsRegistry.FromEpsg(4490)));
        Assert.Equal(4548, GeometryArea.GaussKrugerEpsg(Box(117.0, 34, 117.1, 34.1), CrsRegistry.FromEpsg(4490)));
    }

    [Fact]
    public void Web_mercator_map_area_overstates_the_true_area_over_jiangsu()
    {
        var box = Densifier.Densify(Box(118.7, 31.9, 119.3, 32.4), 0.0005);
        var crs = CrsRegistry.FromEpsg(3857);
        var projected = new GeometryReprojector(CrsRegistry.FromEpsg(4490), crs).Transform(box);
        // Mercator's area scale is sec²φ: about 1.39 at 32° N.
        var ratio = projected.Area / ClosedFormArea.Box_m2(31.9, 32.4, 0.6);
        Assert.InRange(ratio, 1.38, 1.40);
    }
}
