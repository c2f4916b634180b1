using NetTopologySuite.Geometries;

namespace SpatialCarbon.Tiles;

/// <summary>EPSG:3857 (spherical Web Mercator) arithmetic for the XYZ tile pyramid.</summary>
public static class WebMercator
{
    /// <summary>Half the world's width in EPSG:3857 metres (π × 6378137).</summary>
    public const double HalfWorld_m = 20037508.342789244;

    private const double Radius_m = 6378137.0;

    /// <summary>Latitude limit of the square pyramid, degrees.</summary>
    public const double MaxLatitude = 85.05112877980659;

    public static double TileSize_m(int z) => 2 * HalfWorld_m / (1L << z);

    /// <summary>The tile's extent in EPSG:3857 metres.</summary>
    public static Envelope TileBounds(TileCoord t)
    {
        var size = TileSize_m(t.Z);
        var minX = -HalfWorld_m + t.X * size;
        var maxY = HalfWorld_m - t.Y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    public static (double X, double Y) FromLonLat(double lon, double lat)
    {
        lat = Math.Clamp(lat, -MaxLatitude, MaxLatitude);
        return (Radius_m * lon * Math.PI / 180, Radius_m * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)));
    }

    public static (double Lon, double Lat) ToLonLat(double x, double y) =>
        (x / Radius_m * 180 / Math.PI, (2 * Math.Atan(Math.Exp(y / Radius_m)) - Math.PI / 2) * 180 / Math.PI);

    /// <summary>The tile at zoom <paramref name="z"/> holding a lon/lat point.</summary>
    public static TileCoord TileAt(double lon, double lat, int z)
    {
        var (x, y) = FromLonLat(lon, lat);
        var size = TileSize_m(z);
        var n = (1 << z) - 1;
        return new TileCoord(z, Math.Clamp((int)Math.Floor((x + HalfWorld_m) / size), 0, n), Math.Clamp((int)Math.Floor((HalfWorld_m - y) / size), 0, n));
    }

    /// <summary>Inclusive range of tiles at zoom <paramref name="z"/> covering a lon/lat box (west, south, east, north).</summary>
    public static (int MinX, int MinY, int MaxX, int MaxY) TileRange(IReadOnlyList<double> lonLatBounds, int z)
    {
        var nw = TileAt(lonLatBounds[0], lonLatBounds[3], z);
        var se = TileAt(lonLatBounds[2], lonLatBounds[1], z);
        return (nw.X, nw.Y, se.X, se.Y);
    }
}
