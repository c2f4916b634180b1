namespace SpatialCarbon.Tiles.Archives;

/// <summary>PMTiles v3 tile ids: tiles of all lower zooms first, then the Hilbert-curve index within the zoom.</summary>
public static class HilbertTileId
{
    public static ulong From(TileCoord t)
    {
        var acc = ((1UL << (2 * t.Z)) - 1) / 3;
        ulong x = (ulong)t.X, y = (ulong)t.Y, d = 0;
        for (var s = t.Z == 0 ? 0UL : 1UL << (t.Z - 1); s > 0; s >>= 1)
        {
            var rx = (x & s) > 0 ? 1UL : 0UL;
            var ry = (y & s) > 0 ? 1UL : 0UL;
            d += s * s * ((3 * rx) ^ ry);
            Rotate(s, ref x, ref y, rx, ry);
        }

        return acc + d;
    }

    public static TileCoord To(ulong id)
    {
        var acc = 0UL;
        for (var z = 0; z <= TileCoord.MaxZoom; z++)
        {
            var count = 1UL << (2 * z);
            if (id < acc + count)
            {
                var d = id - acc;
                ulong x = 0, y = 0;
                for (var s = 1UL; s < 1UL << z; s <<= 1)
                {
                    var rx = 1 & (d / 2);
                    var ry = 1 & (d ^ rx);
                    Rotate(s, ref x, ref y, rx, ry);
                    x += s * rx;
                    y += s * ry;
                    d /= 4;
                }

                return new TileCoord(z, (int)x, (int)y);
            }

            acc += count;
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "tile id beyond zoom 24");
    }

    private static void Rotate(ulong n, ref ulong x, ref ulong y, ulong rx, ulong ry)
    {
        if (ry != 0) return;
        if (rx == 1)
        {
            x = n - 1 - x;
            y = n - 1 - y;
        }

        (x, y) = (y, x);
    }
}
