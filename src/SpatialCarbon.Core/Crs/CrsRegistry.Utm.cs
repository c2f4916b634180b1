using System.Globalization;

namespace SpatialCarbon.Core.Crs;

/// <summary>UTM systems of the common EPSG code families that the registry does not list one by one.</summary>
public static partial class CrsRegistry
{
    /// <summary>The system for an EPSG code of a UTM family (326zz / 327zz WGS 84 north / south, 269zz NAD83 north,
    /// 258zz ETRS89), built from the zone number; null for any other code.</summary>
    public static SpatialReference? TryFromUtm(int epsg)
    {
        if (Cache.TryGetValue($"EPSG:{epsg}", out var cached)) return cached;
        var (family, zone) = (epsg / 100, epsg % 100);
        (string Name, string Datum, string Spheroid, double A, double InvF, bool South)? def = family switch
        {
            326 when zone is >= 1 and <= 60 => ("WGS 84", "WGS_1984", "WGS 84", 6378137, 298.257223563, false),
            327 when zone is >= 1 and <= 60 => ("WGS 84", "WGS_1984", "WGS 84", 6378137, 298.257223563, true),
            269 when zone is >= 1 and <= 23 => ("NAD83", "North_American_Datum_1983", "GRS 1980", 6378137, 298.257222101, false),
            258 when zone is >= 28 and <= 38 => ("ETRS89", "European_Terrestrial_Reference_System_1989", "GRS 1980", 6378137, 298.257222101, false),
            _ => null,
        };
        if (def is not { } d) return null;
        var name = $"{d.Name} / UTM zone {zone}{(d.South ? "S" : "N")}";
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",GEOGCS[\"{d.Name}\",DATUM[\"{d.Datum}\",SPHEROID[\"{d.Spheroid}\",{d.A:R},{d.InvF:R}],TOWGS84[0,0,0,0,0,0,0]],"
            + $"PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{zone * 6 - 183}],PARAMETER[\"scale_factor\",0.9996],"
            + $"PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",{(d.South ? 10000000 : 0)}],UNIT[\"metre\",1],"
            + $"AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
        var cs = Factory.CreateFromWkt(wkt);
        return Cache.GetOrAdd($"EPSG:{epsg}", new SpatialReference(epsg, name, wkt, cs));
    }

    /// <summary>A code in the registry, or else a UTM family code (see <see cref="TryFromUtm"/>).</summary>
    public static SpatialReference? TryFromEpsgOrUtm(int epsg) => TryFromEpsg(epsg) ?? TryFromUtm(epsg);
}
