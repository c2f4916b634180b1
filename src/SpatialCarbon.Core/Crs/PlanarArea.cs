using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Crs;

/// <summary>Areas as official statistics compute them: planar, in the CGCS2000 3-degree Gauss-Kruger zone
/// (EPSG:4534..4554) of the geometry, or in a zone the caller names (e.g. EPSG:4549 for all of Jiangsu).</summary>
public static class PlanarArea
{
    /// <summary>Longest edge, in degrees, left before projecting a geographic geometry (about 1 km).</summary>
    public const double DensifyDegrees = 0.01;

    /// <summary>Area in square metres of <paramref name="geometry"/> (coordinates in <paramref name="crs"/>) after
    /// projecting it to <paramref name="targetEpsg"/>, or by default to the GK zone of its centroid. A geometry already
    /// in a CGCS2000 GK zone, with no other zone asked for, is measured as it is.</summary>
    public static double InGaussKruger_m2(Geometry geometry, SpatialReference crs, int? targetEpsg = null)
    {
        if (geometry.IsEmpty) return 0;
        if (targetEpsg is null && crs.Epsg is >= 4513 and <= 4554) return geometry.Area * crs.LinearUnitMetres * crs.LinearUnitMetres;
        var target = targetEpsg is int code ? CrsRegistry.FromEpsg(code) : GaussKruger.ForLongitude(CentroidLongitude(geometry, crs));
        return Project(geometry, crs, target).Area;
    }

    /// <summary>The geometry in <paramref name="target"/>, densified first so that long edges follow the projection.</summary>
    public static Geometry Project(Geometry geometry, SpatialReference crs, SpatialReference target)
    {
        var reprojector = new GeometryReprojector(crs, target);
        var densify = crs.IsGeographic
            ? DensifyDegrees
            : GeometryReprojector.SuggestedDensifyDistance(geometry, 1000.0 / crs.LinearUnitMetres);
        return reprojector.Transform(geometry, densify);
    }

    private static double CentroidLongitude(Geometry geometry, SpatialReference crs)
    {
        var c = geometry.Centroid;
        if (crs.IsGeographic) return c.X;
        return new GeometryReprojector(crs, CrsRegistry.Cgcs2000).Transform(c.X, c.Y).X;
    }
}
