using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>One polygon ring in pixel space (x = fractional column, y = fractional row), closed (last point equals
/// the first), with the sign its area takes in the coverage: +1 for shells, -1 for holes.</summary>
public readonly record struct PixelRing(double[] X, double[] Y, double Sign);

/// <summary>Maps the rings of a polygonal geometry into a grid's pixel space. Any affine geotransform (rotated grids
/// included) maps areas by a constant factor, so coverage fractions computed in pixel space are exact.</summary>
public static class PixelRings
{
    /// <summary>The rings of every polygon in <paramref name="geometry"/> (Polygon, MultiPolygon or a collection holding
    /// them; other parts carry no area and are skipped), signed so that the coverage of shells is positive whatever
    /// their stored orientation.</summary>
    public static List<PixelRing> Of(Geometry geometry, GeoTransform transform)
    {
        var rings = new List<PixelRing>();
        Collect(geometry, transform, rings);
        return rings;
    }

    private static void Collect(Geometry geometry, GeoTransform transform, List<PixelRing> rings)
    {
        switch (geometry)
        {
            case Polygon polygon when !polygon.IsEmpty:
                Add(polygon.ExteriorRing, transform, isHole: false, rings);
                foreach (var hole in polygon.InteriorRings) Add(hole, transform, isHole: true, rings);
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++) Collect(collection.GetGeometryN(i), transform, rings);
                break;
        }
    }

    private static void Add(LineString ring, GeoTransform transform, bool isHole, List<PixelRing> rings)
    {
        var seq = ring.CoordinateSequence;
        var n = seq.Count;
        if (n < 3) return;
        var closed = seq.GetX(0) == seq.GetX(n - 1) && seq.GetY(0) == seq.GetY(n - 1);
        var m = closed ? n : n + 1;
        var xs = new double[m];
        var ys = new double[m];
        for (var i = 0; i < n; i++)
        {
            var (c, r) = transform.WorldToPixel(seq.GetX(i), seq.GetY(i));
            xs[i] = c;
            ys[i] = r;
        }

        if (!closed)
        {
            xs[n] = xs[0];
            ys[n] = ys[0];
        }

        var shoelace = SignedArea(xs, ys);
        if (shoelace == 0) return;

        // CellTraversal deposits -∮x dy, i.e. minus the shoelace area; the sign makes shells count positive.
        var sign = (shoelace > 0 ? -1.0 : 1.0) * (isHole ? -1.0 : 1.0);
        rings.Add(new PixelRing(xs, ys, sign));
    }

    /// <summary>Shoelace area ∮x dy of a closed ring, positive when counter-clockwise in (x, y).</summary>
    public static double SignedArea(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        // Relative to the first vertex so that large coordinates lose no precision.
        double x0 = xs[0], y0 = ys[0], sum = 0;
        for (var i = 1; i < xs.Length - 1; i++)
        {
            sum += (xs[i] - x0) * (ys[i + 1] - y0) - (xs[i + 1] - x0) * (ys[i] - y0);
        }

        return sum / 2;
    }
}
