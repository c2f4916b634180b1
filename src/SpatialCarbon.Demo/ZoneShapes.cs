using NetTopologySuite.Geometries;

namespace SpatialCarbon.Demo;

/// <summary>Small geometric helpers for synthetic zones: irregular blobs around a point, in the grid CRS.</summary>
public static class ZoneShapes
{
    /// <summary>A closed blob of mean radius <paramref name="radius"/> whose edge wobbles by ±30 % with the angle.</summary>
    public static Polygon Blob(GeometryFactory factory, double x, double y, double radius, uint seed, int vertices = 48)
    {
        var coords = new Coordinate[vertices + 1];
        for (var k = 0; k < vertices; k++)
        {
            var a = 2 * Math.PI * k / vertices;
            var wobble = 0.7 + 0.6 * ValueNoise.Fractal(Math.Cos(a) * 1.5 + 10, Math.Sin(a) * 1.5 + 10, seed, 2);
            coords[k] = new Coordinate(x + radius * wobble * Math.Cos(a), y + radius * wobble * Math.Sin(a));
        }

        coords[vertices] = coords[0].Copy();
        return factory.CreatePolygon(coords);
    }
}
