using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Gdal;

/// <summary>Maps a GDAL spatial reference (OGRSpatialReferenceH) to Core's <see cref="SpatialReference"/>: the
/// registry's definition when GDAL can name an EPSG code the registry knows, else the WKT1 GDAL exports.</summary>
internal static unsafe class GdalCrs
{
    /// <summary>The CRS and the EPSG code GDAL identifies (0 when none), for a handle GDAL owns (not released here).</summary>
    public static (SpatialReference? Crs, int Epsg) From(nint srs, string path, string record)
    {
        if (srs == 0) return (null, 0);

        // A clone, because identifying an EPSG code and setting the axis strategy modify the object.
        var clone = GdalNative.OSRClone(srs);
        if (clone == 0) return (null, 0);
        try
        {
            GdalNative.OSRSetAxisMappingStrategy(clone, GdalNative.OamsTraditionalGisOrder);
            var epsg = EpsgCode(clone);
            if (epsg > 0 && CrsRegistry.TryFromEpsg(epsg) is { } known) return (known, epsg);

            nint wktPtr = 0;
            var err = GdalNative.OSRExportToWkt(clone, &wktPtr);
            var wkt = GdalNative.Utf8(wktPtr);
            GdalNative.VSIFree(wktPtr);
            if (err != 0 || string.IsNullOrEmpty(wkt))
                throw new InputException(path, record, "GDAL cannot export its coordinate system as WKT1: " + GdalNative.LastError("no reason given"));
            try
            {
                return (CrsRegistry.FromWkt(wkt), epsg);
            }
            catch (FormatException e)
            {
                throw new InputException(path, record, $"unsupported coordinate system {(epsg > 0 ? $"EPSG:{epsg} " : "")}({e.Message})", e);
            }
        }
        finally
        {
            GdalNative.OSRDestroySpatialReference(clone);
        }
    }

    private static int EpsgCode(nint srs)
    {
        if (ReadEpsg(srs) is int direct) return direct;
        return GdalNative.OSRAutoIdentifyEPSG(srs) == 0 && ReadEpsg(srs) is int identified ? identified : 0;
    }

    private static int? ReadEpsg(nint srs)
    {
        var authority = GdalNative.Utf8(GdalNative.OSRGetAuthorityName(srs, 0));
        var code = GdalNative.Utf8(GdalNative.OSRGetAuthorityCode(srs, 0));
        return string.Equals(authority, "EPSG", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg)
                ? epsg
                : null;
    }
}
