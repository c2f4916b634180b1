using ProjNet.CoordinateSystems;

namespace SpatialCarbon.Core.Crs;

/// <summary>Finds the registry's EPSG code for a coordinate system that came without an authority code (ESRI .prj
/// files name CGCS2000 "GCS_China_Geodetic_Coordinate_System_2000" and its zones "CGCS2000_3_Degree_GK_CM_120E"),
/// by comparing ellipsoid, units and projection parameters.</summary>
public static class CrsIdentifier
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>The EPSG code of the registry system with the same parameters, or null.</summary>
    public static int? TryIdentify(CoordinateSystem system)
    {
        foreach (var code in CrsRegistry.KnownEpsgCodes)
        {
            if (code == 3857) continue;
            var candidate = CrsRegistry.TryFromEpsg(code);
            if (candidate is not null && SameParameters(system, candidate.System)) return code;
        }

        return null;
    }

    /// <summary>True when two systems describe the same coordinates, whatever their names.</summary>
    public static bool SameParameters(CoordinateSystem a, CoordinateSystem b) => (a, b) switch
    {
        (GeographicCoordinateSystem ga, GeographicCoordinateSystem gb) => SameGeographic(ga, gb),
        (ProjectedCoordinateSystem pa, ProjectedCoordinateSystem pb) => SameProjected(pa, pb),
        _ => false,
    };

    private static bool SameGeographic(GeographicCoordinateSystem a, GeographicCoordinateSystem b)
    {
        var ea = a.HorizontalDatum.Ellipsoid;
        var eb = b.HorizontalDatum.Ellipsoid;
        return Close(ea.SemiMajorAxis * ea.AxisUnit.MetersPerUnit, eb.SemiMajorAxis * eb.AxisUnit.MetersPerUnit)
            && Close(ea.InverseFlattening, eb.InverseFlattening)
            && Close(a.AngularUnit.RadiansPerUnit, b.AngularUnit.RadiansPerUnit)
            && Math.Abs(a.PrimeMeridian.Longitude - b.PrimeMeridian.Longitude) < 1e-9;
    }

    private static bool SameProjected(ProjectedCoordinateSystem a, ProjectedCoordinateSystem b)
    {
        if (!SameGeographic(a.GeographicCoordinateSystem, b.GeographicCoordinateSystem)) return false;
        if (!Close(a.LinearUnit.MetersPerUnit, b.LinearUnit.MetersPerUnit)) return false;
        if (ProjectionFamily(a.Projection.ClassName) != ProjectionFamily(b.Projection.ClassName)) return false;
        var pa = Parameters(a.Projection);
        var pb = Parameters(b.Projection);
        foreach (var key in pa.Keys.Union(pb.Keys))
        {
            var va = pa.TryGetValue(key, out var x) ? x : DefaultParameter(key);
            var vb = pb.TryGetValue(key, out var y) ? y : DefaultParameter(key);
            if (!Close(va, vb)) return false;
        }

        return true;
    }

    // ESRI calls the 3-degree zones' projection Gauss_Kruger; it is the transverse Mercator.
    private static string ProjectionFamily(string name)
    {
        var n = name.Replace(" ", "_", StringComparison.Ordinal).ToLowerInvariant();
        return n is "gauss_kruger" or "transverse_mercator" or "gauss-kruger" ? "transverse_mercator" : n;
    }

    private static Dictionary<string, double> Parameters(IProjection projection)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < projection.NumParameters; i++)
        {
            var p = projection.GetParameter(i);
            result[p.Name.Replace(" ", "_", StringComparison.Ordinal).ToLowerInvariant()] = p.Value;
        }

        return result;
    }

    private static double DefaultParameter(string key) => key == "scale_factor" ? 1.0 : 0.0;

    private static bool Close(double a, double b) => Math.Abs(a - b) <= RelativeTolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
}
