namespace SpatialCarbon.Core.Crs;

/// <summary>The ellipsoid's area element in closed form: the map (λ, b²·f(φ)) is equal-area, so any region's true area
/// on the ellipsoid is its plain planar area after that map. f(φ) = sinφ / (2(1 − e²sin²φ)) + ln((1 + e·sinφ) /
/// (1 − e·sinφ)) / (4e).</summary>
public static class AuthalicArea
{
    /// <summary>CGCS2000 / GRS80 semi-major axis in metres.</summary>
    public const double SemiMajorAxis_m = 6378137.0;

    /// <summary>CGCS2000 inverse flattening (GRS80: 298.257222101; WGS84's differs in area by under 1e-9 relative).</summary>
    public const double InverseFlattening = 298.257222101;

    private static readonly double E2 = (2 - 1 / InverseFlattening) / InverseFlattening;
    private static readonly double E = Math.Sqrt(E2);
    private static readonly double B2 = Math.Pow(SemiMajorAxis_m * (1 - 1 / InverseFlattening), 2);

    /// <summary>b²·f(φ) in m² per radian of longitude, for a latitude in degrees.</summary>
    public static double Y_m2(double latitudeDeg)
    {
        var s = Math.Sin(latitudeDeg * Math.PI / 180.0);
        return B2 * (s / (2 * (1 - E2 * s * s)) + Math.Log((1 + E * s) / (1 - E * s)) / (4 * E));
    }

    /// <summary>Area in m² of the latitude-longitude box between two latitudes spanning <paramref name="dLonDeg"/>
    /// degrees of longitude.</summary>
    public static double Box_m2(double lat1Deg, double lat2Deg, double dLonDeg) =>
        Math.Abs(dLonDeg * Math.PI / 180.0 * (Y_m2(lat2Deg) - Y_m2(lat1Deg)));
}
