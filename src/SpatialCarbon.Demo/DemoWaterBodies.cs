using NetTopologySuite.Geometries;

namespace SpatialCarbon.Demo;

/// <summary>Water and coast polygons in the grid CRS: the lakes, the Yangtze widened to about 2.4 km, other rivers
/// to about 240 m, and two belts along the Yellow Sea coast (inner 3 km, outer 9 km) where tidal wetland goes.</summary>
public sealed record DemoWaterBodies(IReadOnlyList<Geometry> Polygons, Geometry Yangtze, Geometry CoastInner, Geometry CoastOuter, Geometry Coastline)
{
    public const double YangtzeHalfWidth_m = 1200;
    public const double RiverHalfWidth_m = 120;

    public static DemoWaterBodies Create(DemoInputs inputs)
    {
        var factory = inputs.ProvinceBoundary.Factory;
        var polygons = new List<Geometry>(inputs.Lakes.Select(l => l.Polygon));
        var yangtzeParts = new List<Geometry>();
        foreach (var (id, line) in inputs.Rivers)
        {
            var yangtze = id > 1000 || DemoPlaces.YangtzeRiverIds.Contains(id);
            var buffer = line.Buffer(yangtze ? YangtzeHalfWidth_m : RiverHalfWidth_m, 4);
            polygons.Add(buffer);
            if (yangtze) yangtzeParts.Add(buffer);
        }

        var (minLon, minLat, maxLon, maxLat) = DemoPlaces.CoastBox;
        var box = factory.CreatePolygon([.. new[] { (minLon, minLat), (maxLon, minLat), (maxLon, maxLat), (minLon, maxLat), (minLon, minLat) }
            .Select(p => { var (x, y) = inputs.Project(p.Item1, p.Item2); return new Coordinate(x, y); })]);
        // Only the outline's segments inside the box: cheaper than an overlay with the 16,000-segment outline.
        var env = box.EnvelopeInternal;
        var coastline = factory.CreateMultiLineString([.. inputs.ProvinceBoundary.Geometries.Cast<LineString>()
            .Where(l => env.Contains(l.EnvelopeInternal))]);
        var inner = coastline.Buffer(3000, 4);
        var outer = coastline.Buffer(9000, 4);
        return new DemoWaterBodies(polygons, factory.BuildGeometry(yangtzeParts), inner, outer, coastline);
    }
}
