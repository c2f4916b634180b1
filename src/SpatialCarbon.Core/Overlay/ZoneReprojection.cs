using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Brings zones into the raster's CRS before the overlay: edges densified in the zones' CRS first, then every
/// vertex transformed, so that straight edges follow their true curve on the raster grid.</summary>
public static class ZoneReprojection
{
    /// <summary>The geometries in <paramref name="rasterCrs"/>; unchanged when the systems are equal or either is
    /// unknown. <paramref name="cellSize"/> (raster units) bounds the densify step from below for projected zones.</summary>
    public static Geometry[] ToRasterCrs(IEnumerable<Geometry> zones, SpatialReference? zonesCrs, SpatialReference? rasterCrs,
        double cellSize)
    {
        var geometries = zones.ToArray();
        if (zonesCrs is null || rasterCrs is null || zonesCrs.Equals(rasterCrs)) return geometries;
        var reprojector = new GeometryReprojector(zonesCrs, rasterCrs);

        // Degrees: 1e-4 (about 10 m); metres: one raster cell, so no edge spans more than a cell or 1/100 of the zone.
        var minimum = zonesCrs.IsGeographic ? 1e-4 : cellSize;
        var result = new Geometry[geometries.Length];
        Parallel.For(0, geometries.Length, i =>
            result[i] = reprojector.Transform(geometries[i], GeometryReprojector.SuggestedDensifyDistance(geometries[i], minimum)));
        return result;
    }
}
