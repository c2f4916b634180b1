using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Screening;

/// <summary>The CRS a footprint layer is screened in: its own, or CGCS2000 longitude/latitude when it carries none and
/// its coordinates are plausible longitudes and latitudes (WKT without an SRID, a shapefile without a .prj).</summary>
public static class FootprintCrs
{
    /// <summary>The layer's CRS, and whether it was assumed rather than read.</summary>
    /// <exception cref="InputException">No CRS and coordinates that are not longitudes and latitudes.</exception>
    public static (SpatialReference Crs, bool Assumed) Resolve(VectorLayer layer, string path)
    {
        if (layer.Crs is { } crs) return (crs, false);
        var e = layer.Extent;
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90)
            throw new InputException(path, $"layer {layer.Name}", "the footprint has no CRS and its coordinates are not longitudes and latitudes: give it a CRS (e.g. SRID=4549; in WKT)");
        return (CrsRegistry.Cgcs2000, true);
    }
}
