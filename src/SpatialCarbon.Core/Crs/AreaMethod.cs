namespace SpatialCarbon.Core.Crs;

/// <summary>How areas are measured: on the ellipsoid (China's land survey 椭球面积, the default) or as map area in a
/// projected CRS (InVEST's and exactextract's convention).</summary>
public enum AreaMethod
{
    /// <summary>True area on the CRS's ellipsoid, whatever the projection.</summary>
    Ellipsoidal,

    /// <summary>Map area in the projected CRS (a raster's own CRS, or a footprint's Gauss-Kruger zone).</summary>
    Planar,
}

/// <summary>Parsing and naming of <see cref="AreaMethod"/> as outputs record it (<c>area_method</c>).</summary>
public static class AreaMethods
{
    /// <summary>"ellipsoidal" or "planar".</summary>
    public static string Name(this AreaMethod method) => method == AreaMethod.Planar ? "planar" : "ellipsoidal";

    /// <summary>The method named <paramref name="text"/> (case-insensitive), or null when it names none.</summary>
    public static AreaMethod? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "ellipsoidal" => AreaMethod.Ellipsoidal,
        "planar" => AreaMethod.Planar,
        _ => null,
    };
}
