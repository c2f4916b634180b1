namespace SpatialCarbon.Tests.Support;

/// <summary>The closed-form area of a latitude-longitude box on the GRS80 (CGCS2000) ellipsoid, written out here so
/// that expected areas never come from the code under test: A = b²·Δλ·[f(φ2) − f(φ1)] with
/// f(φ) = sinφ / (2(1 − e²sin²φ)) + ln((1 + e·sinφ) / (1 − e·sinφ)) / (4e).</summary>
public static class ClosedFormArea
{
    /// <summary>Area in m² of the box between latitudes <paramref name="lat1"/> and <paramref name="lat2"/> spanning
    /// <paramref name="dLon"/> degrees of longitude (all in degrees).</summary>
    public static double Box_m2(double lat1, double lat2, double dLon)
    {
        const double a = 6378137.0, invF = 298.257222101;
        var f = 1 / invF;
        var b = a * (1 - f);
        var e = Math.Sqrt(f * (2 - f));
        double F(double latDeg)
        {
            var s = Math.Sin(latDeg * Math.PI / 180);
            return s / (2 * (1 - e * e * s * s)) + Math.Log((1 + e * s) / (1 - e * s)) / (4 * e);
        }

        return Math.Abs(b * b * (dLon * Math.PI / 180) * (F(lat2) - F(lat1)));
    }
}
