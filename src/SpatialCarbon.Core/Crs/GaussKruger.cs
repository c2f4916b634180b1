namespace SpatialCarbon.Core.Crs;

/// <summary>CGCS2000 3-degree Gauss-Kruger zones: zone n has central meridian 3n degrees east.</summary>
public static class GaussKruger
{
    /// <summary>3-degree zone number whose central meridian is nearest to a longitude (degrees east).</summary>
    public static int Zone3ForLongitude(double longitude) => (int)Math.Round(longitude / 3.0, MidpointRounding.AwayFromZero);

    /// <summary>EPSG code of the CGCS2000 3-degree zone without the zone prefix in eastings (4534..4554, CM 75E..135E).</summary>
    public static int EpsgForZone3(int zone)
    {
        if (zone is < 25 or > 45) throw new ArgumentOutOfRangeException(nameof(zone), zone, "CGCS2000 3-degree zones run from 25 to 45");
        return 4534 + (zone - 25);
    }

    /// <summary>EPSG code of the CGCS2000 3-degree zone with the zone number prefixed to eastings (4513..4533).</summary>
    public static int EpsgForZone3Prefixed(int zone)
    {
        if (zone is < 25 or > 45) throw new ArgumentOutOfRangeException(nameof(zone), zone, "CGCS2000 3-degree zones run from 25 to 45");
        return 4513 + (zone - 25);
    }

    /// <summary>The unprefixed zone CRS whose central meridian is nearest to a longitude.</summary>
    public static SpatialReference ForLongitude(double longitude) => CrsRegistry.FromEpsg(EpsgForZone3(Zone3ForLongitude(longitude)));
}
