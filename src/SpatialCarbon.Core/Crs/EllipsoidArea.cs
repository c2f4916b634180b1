namespace SpatialCarbon.Core.Crs;

/// <summary>Exact areas of latitude-longitude quadrangles on an ellipsoid of revolution (authalic formula),
/// used for raster cells in geographic coordinates. Never degrees squared.</summary>
public static class EllipsoidArea
{
    /// <summary>CGCS2000 / GRS80 semi-major axis (m) and flattening; WGS84 differs in area by less than 1e-9 relative.</summary>
    public const double SemiMajorAxis = 6378137.0;

    public const double InverseFlattening = 298.257222101;

    /// <summary>Area in m² of the quadrangle between two latitudes (degrees) spanning <paramref name="dLonDeg"/> degrees of longitude.</summary>
    public static double Quadrangle_m2(double lat1Deg, double lat2Deg, double dLonDeg,
        double a = SemiMajorAxis, double inverseFlattening = InverseFlattening)
    {
        var f = 1.0 / inverseFlattening;
        var b = a * (1 - f);
        var e2 = f * (2 - f);
        var e = Math.Sqrt(e2);
        double Q(double latDeg)
        {
            var s = Math.Sin(latDeg * Math.PI / 180.0);
            return s / (1 - e2 * s * s) + Math.Log((1 + e * s) / (1 - e * s)) / (2 * e);
        }

        return Math.Abs(b * b * (dLonDeg * Math.PI / 180.0) / 2.0 * (Q(lat2Deg) - Q(lat1Deg)));
    }
}
