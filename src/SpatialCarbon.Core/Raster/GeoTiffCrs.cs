using System.Globalization;
using ProjNet.CoordinateSystems;
using SpatialCarbon.Core.Crs;
using K = SpatialCarbon.Core.Raster.GeoKeyDirectory;

namespace SpatialCarbon.Core.Raster;

/// <summary>Maps GeoKeys to a <see cref="SpatialReference"/> and back: EPSG codes through the registry (and the UTM
/// families), user-defined Transverse Mercator, Albers equal-area and Lambert conformal conic systems through WKT.</summary>
public static class GeoTiffCrs
{
    private const int CtTransverseMercator = 1;
    private const int CtLambertConfConic2SP = 8;
    private const int CtLambertConfConic1SP = 9;
    private const int CtAlbersEqualArea = 11;
    private const int LinearMetre = 9001;
    private const int AngularDegree = 9102;

    private const string NoProjectedDefinition = "projected model without ProjectedCSTypeGeoKey or projection parameters";
    private const string NoEllipsoid = "user-defined geographic CRS without ellipsoid parameters";
    private const string NoCrs = "GeoKeys name no CRS (no ProjectedCSTypeGeoKey or GeographicTypeGeoKey)";

    /// <summary>True when a <see cref="Resolve"/> problem means the keys are incomplete (bad input); otherwise they name
    /// a CRS the managed code lacks (a code outside the registry, another projection), which GDAL may know.</summary>
    public static bool IsIncomplete(string problem) => problem is NoProjectedDefinition or NoEllipsoid or NoCrs;

    /// <summary>True when the keys name no CRS at all (a georeferenced raster in unknown units).</summary>
    public static bool NamesNone(string problem) => problem is NoCrs;

    /// <summary>The CRS the keys describe, or null with a one-line <paramref name="problem"/>.</summary>
    public static SpatialReference? Resolve(K keys, out string? problem)
    {
        problem = null;
        var model = keys.GetShort(K.GTModelType);
        var pcs = keys.GetShort(K.ProjectedCSType);
        if (pcs is int code && code != K.UserDefined && code != 0)
        {
            if (CrsRegistry.TryFromEpsgOrUtm(code) is { } known) return known;
            if (keys.GetShort(K.ProjCoordTrans) is not null) return UserDefinedProjected(keys, out problem, code);
            problem = $"projected CRS EPSG:{code} is neither in the CRS registry nor a UTM family (326xx, 327xx, 269xx, 258xx) and the file gives no projection parameters";
            return null;
        }

        if (pcs == K.UserDefined || (model == 1 && keys.GetShort(K.ProjCoordTrans) is not null))
            return UserDefinedProjected(keys, out problem, null);
        if (model == 1)
        {
            problem = NoProjectedDefinition;
            return null;
        }

        var gcs = keys.GetShort(K.GeographicType);
        if (gcs is int g && g != K.UserDefined && g != 0)
        {
            if (CrsRegistry.TryFromEpsg(g) is { IsGeographic: true } geo) return geo;
            if (KnownDatum(g) is { } d) return FromWkt(GeogWkt(d.Name, d.Datum, d.A, d.InvF, g), out problem);
            problem = $"geographic CRS EPSG:{g} is not in the CRS registry";
            return null;
        }

        if (gcs == K.UserDefined || model == 2)
        {
            var ellipsoid = Ellipsoid(keys);
            if (ellipsoid is null)
            {
                problem = NoEllipsoid;
                return null;
            }

            var (a, invF) = ellipsoid.Value;
            return FromWkt(GeogWkt(keys.GetAscii(K.GeogCitation) ?? "unknown", "unknown", a, invF, null), out problem);
        }

        problem = NoCrs;
        return null;
    }

    /// <summary>GeoKeys for a CRS: its EPSG code when it has one, else a user-defined projected system.</summary>
    public static K ToKeys(SpatialReference? crs, bool pixelIsPoint = false)
    {
        var keys = new K().Set(K.GTRasterType, (ushort)(pixelIsPoint ? 2 : 1));
        if (crs is null) return keys;
        if (crs.Epsg is int code)
        {
            if (crs.IsGeographic)
                return keys.Set(K.GTModelType, 2).Set(K.GeographicType, (ushort)code).Set(K.GeogAngularUnits, AngularDegree)
                    .Set(K.GeogCitation, crs.Name);
            return keys.Set(K.GTModelType, 1).Set(K.ProjectedCSType, (ushort)code).Set(K.ProjLinearUnits, LinearMetre)
                .Set(K.GTCitation, crs.Name);
        }

        if (crs.System is GeographicCoordinateSystem gcs)
        {
            keys.Set(K.GTModelType, 2);
            SetGeographic(keys, gcs);
            return keys;
        }

        if (crs.System is not ProjectedCoordinateSystem p)
            throw new NotSupportedException($"cannot write GeoKeys for {crs.Label}: not a geographic or projected system");
        keys.Set(K.GTModelType, 1).Set(K.ProjectedCSType, K.UserDefined).Set(K.Projection, K.UserDefined)
            .Set(K.GTCitation, crs.Name).Set(K.PCSCitation, crs.Name);
        SetGeographic(keys, p.GeographicCoordinateSystem);
        keys.Set(K.ProjLinearUnits, LinearMetre);
        if (Math.Abs(p.LinearUnit.MetersPerUnit - 1) > 1e-12)
            throw new NotSupportedException($"cannot write GeoKeys for {crs.Label}: linear unit is not the metre");
        double P(string name, double fallback = 0) => p.Projection.GetParameter(name)?.Value ?? fallback;
        var cls = p.Projection.ClassName.ToLowerInvariant().Replace(' ', '_');
        switch (cls)
        {
            case "transverse_mercator":
                keys.Set(K.ProjCoordTrans, CtTransverseMercator).Set(K.ProjNatOriginLat, P("latitude_of_origin"))
                    .Set(K.ProjNatOriginLong, P("central_meridian")).Set(K.ProjScaleAtNatOrigin, P("scale_factor", 1))
                    .Set(K.ProjFalseEasting, P("false_easting")).Set(K.ProjFalseNorthing, P("false_northing"));
                break;
            case "albers_conic_equal_area" or "albers":
                keys.Set(K.ProjCoordTrans, CtAlbersEqualArea).Set(K.ProjStdParallel1, P("standard_parallel_1"))
                    .Set(K.ProjStdParallel2, P("standard_parallel_2"))
                    .Set(K.ProjNatOriginLat, p.Projection.GetParameter("latitude_of_center")?.Value ?? P("latitude_of_origin"))
                    .Set(K.ProjNatOriginLong, p.Projection.GetParameter("longitude_of_center")?.Value ?? P("central_meridian"))
                    .Set(K.ProjFalseEasting, P("false_easting")).Set(K.ProjFalseNorthing, P("false_northing"));
                break;
            case "lambert_conformal_conic_2sp" or "lambert_conformal_conic":
                keys.Set(K.ProjCoordTrans, CtLambertConfConic2SP).Set(K.ProjStdParallel1, P("standard_parallel_1"))
                    .Set(K.ProjStdParallel2, P("standard_parallel_2")).Set(K.ProjFalseOriginLat, P("latitude_of_origin"))
                    .Set(K.ProjFalseOriginLong, P("central_meridian")).Set(K.ProjFalseOriginEasting, P("false_easting"))
                    .Set(K.ProjFalseOriginNorthing, P("false_northing"));
                break;
            default:
                throw new NotSupportedException($"cannot write GeoKeys for {crs.Label}: projection {p.Projection.ClassName} is not TM, Albers or LCC");
        }

        return keys;
    }

    private static void SetGeographic(K keys, GeographicCoordinateSystem gcs)
    {
        var e = gcs.HorizontalDatum.Ellipsoid;
        var invF = e.InverseFlattening > 0 ? e.InverseFlattening : e.SemiMajorAxis / (e.SemiMajorAxis - e.SemiMinorAxis);
        if (Math.Abs(e.SemiMajorAxis - 6378137) < 1e-6 && Math.Abs(invF - 298.257223563) < 1e-9)
        {
            keys.Set(K.GeographicType, 4326);
            return;
        }

        if (Math.Abs(e.SemiMajorAxis - 6378137) < 1e-6 && Math.Abs(invF - 298.257222101) < 1e-9
            && gcs.HorizontalDatum.Name.Contains("2000", StringComparison.Ordinal))
        {
            keys.Set(K.GeographicType, 4490);
            return;
        }

        keys.Set(K.GeographicType, K.UserDefined).Set(K.GeogCitation, gcs.Name).Set(K.GeogGeodeticDatum, K.UserDefined)
            .Set(K.GeogPrimeMeridian, 8901).Set(K.GeogAngularUnits, AngularDegree).Set(K.GeogEllipsoid, K.UserDefined)
            .Set(K.GeogSemiMajorAxis, e.SemiMajorAxis).Set(K.GeogInvFlattening, invF);
    }

    private static SpatialReference? UserDefinedProjected(K keys, out string? problem, int? code)
    {
        problem = null;
        var unit = keys.GetShort(K.ProjLinearUnits);
        double metresPerUnit = unit switch
        {
            null or LinearMetre => 1,
            9002 => 0.3048,
            9003 => 0.304800609601219,
            _ => keys.GetDouble(K.ProjLinearUnitSize) ?? double.NaN,
        };
        if (double.IsNaN(metresPerUnit))
        {
            problem = $"ProjLinearUnitsGeoKey {unit} is not a known unit";
            return null;
        }

        var geog = GeographicPart(keys, out problem);
        if (geog is null) return null;
        var ct = keys.GetShort(K.ProjCoordTrans);
        var fe = keys.GetDouble(K.ProjFalseEasting, K.ProjFalseOriginEasting, K.ProjCenterEasting) ?? 0;
        var fn = keys.GetDouble(K.ProjFalseNorthing, K.ProjFalseOriginNorthing, K.ProjCenterNorthing) ?? 0;
        var lat0 = keys.GetDouble(K.ProjNatOriginLat, K.ProjFalseOriginLat, K.ProjCenterLat) ?? 0;
        var lon0 = keys.GetDouble(K.ProjNatOriginLong, K.ProjFalseOriginLong, K.ProjCenterLong) ?? 0;
        var sp1 = keys.GetDouble(K.ProjStdParallel1);
        var sp2 = keys.GetDouble(K.ProjStdParallel2) ?? sp1;
        string projection;
        (string, double)[] parameters;
        switch (ct)
        {
            case CtTransverseMercator:
                projection = "Transverse_Mercator";
                parameters = [("latitude_of_origin", lat0), ("central_meridian", lon0),
                    ("scale_factor", keys.GetDouble(K.ProjScaleAtNatOrigin, K.ProjScaleAtCenter) ?? 1)];
                break;
            case CtAlbersEqualArea when sp1 is double a1:
                projection = "Albers_Conic_Equal_Area";
                parameters = [("latitude_of_center", lat0), ("longitude_of_center", lon0), ("standard_parallel_1", a1), ("standard_parallel_2", sp2!.Value)];
                break;
            case CtLambertConfConic2SP when sp1 is double l1:
                projection = "Lambert_Conformal_Conic_2SP";
                parameters = [("latitude_of_origin", lat0), ("central_meridian", lon0), ("standard_parallel_1", l1), ("standard_parallel_2", sp2!.Value)];
                break;
            case CtLambertConfConic1SP when Math.Abs((keys.GetDouble(K.ProjScaleAtNatOrigin) ?? 1) - 1) < 1e-12:
                projection = "Lambert_Conformal_Conic_2SP";
                parameters = [("latitude_of_origin", lat0), ("central_meridian", lon0), ("standard_parallel_1", lat0), ("standard_parallel_2", lat0)];
                break;
            default:
                problem = $"user-defined projection ProjCoordTransGeoKey={ct?.ToString(CultureInfo.InvariantCulture) ?? "missing"} is not supported (Transverse Mercator, Albers or LCC)";
                return null;
        }

        var name = keys.GetAscii(K.PCSCitation) ?? keys.GetAscii(K.GTCitation) ?? "unnamed";
        name = name.Replace("\"", "'", StringComparison.Ordinal);
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"PROJCS[\"{name}\",{geog},PROJECTION[\"{projection}\"]");
        foreach (var (n, v) in parameters.Append(("false_easting", fe)).Append(("false_northing", fn)))
            sb.Append(CultureInfo.InvariantCulture, $",PARAMETER[\"{n}\",{v:R}]");
        sb.Append(CultureInfo.InvariantCulture, $",UNIT[\"unit\",{metresPerUnit:R}],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]");
        if (code is int c) sb.Append(CultureInfo.InvariantCulture, $",AUTHORITY[\"EPSG\",\"{c}\"]");
        sb.Append(']');
        return FromWkt(sb.ToString(), out problem);
    }

    private static string? GeographicPart(K keys, out string? problem)
    {
        problem = null;
        var g = keys.GetShort(K.GeographicType);
        if (g is int code && code != K.UserDefined && code != 0)
        {
            if (CrsRegistry.TryFromEpsg(code) is { IsGeographic: true } known) return known.Wkt;
            if (KnownDatum(code) is { } d) return GeogWkt(d.Name, d.Datum, d.A, d.InvF, code);
        }

        if (Ellipsoid(keys) is { } e) return GeogWkt(keys.GetAscii(K.GeogCitation) ?? "unknown", "unknown", e.A, e.InvF, null);
        problem = g is int c2 && c2 != K.UserDefined
            ? $"geographic CRS EPSG:{c2} of the projected system is not known"
            : "user-defined projected CRS without a datum or ellipsoid";
        return null;
    }

    private static (double A, double InvF)? Ellipsoid(K keys)
    {
        switch (keys.GetShort(K.GeogEllipsoid))
        {
            case 7030: return (6378137, 298.257223563);
            case 7019 or 1024: return (6378137, 298.257222101);
            case 7024: return (6378245, 298.3);
        }

        if (keys.GetShort(K.GeogGeodeticDatum) is int datum && KnownDatum(datum - 2000) is { } d) return (d.A, d.InvF);
        if (keys.GetDouble(K.GeogSemiMajorAxis) is not double a) return null;
        if (keys.GetDouble(K.GeogInvFlattening) is double f) return (a, f);
        if (keys.GetDouble(K.GeogSemiMinorAxis) is double b) return (a, b == a ? 0 : a / (a - b));
        return null;
    }

    private static (string Name, string Datum, double A, double InvF)? KnownDatum(int gcs) => gcs switch
    {
        4326 => ("WGS 84", "WGS_1984", 6378137, 298.257223563),
        4490 => ("China Geodetic Coordinate System 2000", "China_2000", 6378137, 298.257222101),
        4269 => ("NAD83", "North_American_Datum_1983", 6378137, 298.257222101),
        4258 => ("ETRS89", "European_Terrestrial_Reference_System_1989", 6378137, 298.257222101),
        4214 => ("Beijing 1954", "Beijing_1954", 6378245, 298.3),
        _ => null,
    };

    private static string GeogWkt(string name, string datum, double a, double invF, int? code) =>
        string.Create(CultureInfo.InvariantCulture,
            $"GEOGCS[\"{name.Replace("\"", "'", StringComparison.Ordinal)}\",DATUM[\"{datum}\",SPHEROID[\"{datum}\",{a:R},{invF:R}],TOWGS84[0,0,0,0,0,0,0]],"
            + $"PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]{(code is int c ? $",AUTHORITY[\"EPSG\",\"{c}\"]" : "")}]");

    private static SpatialReference? FromWkt(string wkt, out string? problem)
    {
        problem = null;
        try
        {
            return CrsRegistry.FromWkt(wkt);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
