using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Screening;

/// <summary>A footprint ready to screen: polygonal, valid, in CGCS2000 lon/lat and in the CGCS2000 3-degree Gauss-Kruger
/// zone of its centroid (edges densified to about 100 m before projecting, so straight source edges keep their shape),
/// with its area by the chosen method.</summary>
public sealed record FootprintShape(Geometry LonLat, Geometry Gk, int GkEpsg, double Area_m2, Coordinate Centroid)
{
    /// <summary>Longest edge left before projecting, in degrees (about 100 m).</summary>
    public const double Densify_deg = 0.001;

    /// <exception cref="InputException">The geometry has no area (a point or line), or no CRS can be assumed.</exception>
    public static FootprintShape Create(Geometry footprint, SpatialReference crs, AreaMethod method, string source = "footprint")
    {
        var g = footprint.IsValid ? footprint : GeometryFixer.Fix(footprint);
        g = Polygonal(g);
        if (g.IsEmpty || !(g.Area > 0))
            throw new InputException(source, null, $"the footprint is a {footprint.GeometryType} without area: screening needs a polygon");
        var lonLat = crs.IsGeographic ? g : new GeometryReprojector(crs, CrsRegistry.Cgcs2000).Transform(g, 100.0 / crs.LinearUnitMetres);
        lonLat.SRID = 4490;
        var centroid = lonLat.Centroid.Coordinate;
        if (centroid.X is < 70 or > 140 || centroid.Y is < 0 or > 60)
            throw new InputException(source, null, $"centroid {centroid.X:0.####}, {centroid.Y:0.####} is outside China: is the footprint's CRS ({crs.Label}) right?");
        var gkEpsg = GaussKruger.EpsgForZone3(GaussKruger.Zone3ForLongitude(centroid.X));
        var gk = new GeometryReprojector(CrsRegistry.Cgcs2000, CrsRegistry.FromEpsg(gkEpsg)).Transform(lonLat, Densify_deg);
        var area = method == AreaMethod.Planar ? gk.Area : GeometryArea.Ellipsoidal_m2(lonLat, CrsRegistry.Cgcs2000);
        return new FootprintShape(lonLat, gk, gkEpsg, area, centroid);
    }

    /// <summary>The polygons of a geometry (collections can carry stray lines after repair).</summary>
    private static Geometry Polygonal(Geometry g)
    {
        if (g is Polygon or MultiPolygon) return g;
        var polygons = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).SelectMany(p => p is MultiPolygon m
            ? Enumerable.Range(0, m.NumGeometries).Select(k => (Polygon)m.GetGeometryN(k)) : p is Polygon q ? [q] : []).ToArray();
        return polygons.Length == 1 ? polygons[0] : g.Factory.CreateMultiPolygon(polygons);
    }
}
