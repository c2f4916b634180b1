using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Crs;

/// <summary>Areas of polygons in m²: on the ellipsoid (edges straight in the geometry's own CRS, densified), or planar in
/// the CGCS2000 3-degree Gauss-Kruger zone of the geometry's centroid (or a zone the caller names).</summary>
public static class GeometryArea
{
    /// <summary>Longest edge left before mapping, as a share of one degree (about 100 m) for geographic inputs.</summary>
    private const double GeographicDensify_deg = 0.001;

    /// <summary>Longest edge left before mapping, in metres, for projected inputs.</summary>
    private const double ProjectedDensify_m = 100.0;

    /// <summary>The area of <paramref name="geometry"/> (in <paramref name="crs"/>) measured with <paramref name="method"/>;
    /// planar means the GK zone of the centroid.</summary>
    public static double Of_m2(Geometry geometry, SpatialReference crs, AreaMethod method) =>
        method == AreaMethod.Planar ? GaussKruger_m2(geometry, crs) : Ellipsoidal_m2(geometry, crs);

    /// <summary>True area on the ellipsoid, in m².</summary>
    public static double Ellipsoidal_m2(Geometry geometry, SpatialReference crs)
    {
        if (geometry.IsEmpty) return 0;
        var lonLat = ToGeographic(geometry, crs);
        var area = 0.0;
        for (var i = 0; i < lonLat.NumGeometries; i++)
            if (lonLat.GetGeometryN(i) is Polygon p)
            {
                area += RingArea(p.ExteriorRing.CoordinateSequence);
                for (var h = 0; h < p.NumInteriorRings; h++) area -= RingArea(p.GetInteriorRingN(h).CoordinateSequence);
            }

        return area;
    }

    /// <summary>Planar area in m² in the GK zone of the centroid, or in <paramref name="gkEpsg"/> when given. A geometry
    /// already in a CGCS2000 GK CRS, with no other zone asked for, is measured as it is.</summary>
    public static double GaussKruger_m2(Geometry geometry, SpatialReference crs, int? gkEpsg = null)
    {
        if (geometry.IsEmpty) return 0;
        if (gkEpsg is null && crs.Epsg is >= 4513 and <= 4554) return geometry.Area * crs.LinearUnitMetres * crs.LinearUnitMetres;
        var target = CrsRegistry.FromEpsg(gkEpsg ?? GaussKrugerEpsg(geometry, crs));
        return new GeometryReprojector(crs, target).Transform(Densified(geometry, crs)).Area;
    }

    /// <summary>EPSG code of the CGCS2000 3-degree GK zone (without zone prefix) that holds the geometry's centroid.</summary>
    public static int GaussKrugerEpsg(Geometry geometry, SpatialReference crs)
    {
        var c = geometry.Centroid;
        var lon = crs.IsGeographic ? c.X : new GeometryReprojector(crs, CrsRegistry.Cgcs2000).Transform(c.X, c.Y).X;
        return GaussKruger.EpsgForZone3(GaussKruger.Zone3ForLongitude(lon));
    }

    private static Geometry ToGeographic(Geometry geometry, SpatialReference crs)
    {
        var densified = Densified(geometry, crs);
        return crs.IsGeographic ? densified : new GeometryReprojector(crs, CrsRegistry.Cgcs2000).Transform(densified);
    }

    private static Geometry Densified(Geometry geometry, SpatialReference crs) =>
        NetTopologySuite.Densify.Densifier.Densify(geometry,
            crs.IsGeographic ? GeographicDensify_deg : ProjectedDensify_m / crs.LinearUnitMetres);

    /// <summary>Shoelace area of a lon/lat ring after the equal-area map (λ, b²·f(φ)).</summary>
    private static double RingArea(CoordinateSequence ring)
    {
        var sum = 0.0;
        var n = ring.Count;
        for (var i = 0; i < n - 1; i++)
        {
            var x0 = ring.GetX(i) * Math.PI / 180.0;
            var x1 = ring.GetX(i + 1) * Math.PI / 180.0;
            sum += (x0 - x1) * (AuthalicArea.Y_m2(ring.GetY(i)) + AuthalicArea.Y_m2(ring.GetY(i + 1)));
        }

        return Math.Abs(sum / 2);
    }


}
