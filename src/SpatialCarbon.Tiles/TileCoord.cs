using SpatialCarbon.Core;

namespace SpatialCarbon.Tiles;

/// <summary>One XYZ tile of the EPSG:3857 pyramid (y counted down from the north, as web maps do).</summary>
public readonly record struct TileCoord(int Z, int X, int Y)
{
    /// <summary>Deepest zoom any source may serve.</summary>
    public const int MaxZoom = 24;

    public bool IsValid => Z is >= 0 and <= MaxZoom && X >= 0 && Y >= 0 && X < 1 << Z && Y < 1 << Z;

    /// <summary>Parses z/x/y as sent in a URL; anything else than integers inside the pyramid is bad input.</summary>
    /// <exception cref="InputException">Not integers, or outside the pyramid.</exception>
    public static TileCoord Parse(string? z, string? x, string? y)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var ns = System.Globalization.NumberStyles.None;
        if (!int.TryParse(z, ns, ci, out var zi) || !int.TryParse(x, ns, ci, out var xi) || !int.TryParse(y, ns, ci, out var yi))
            throw new InputException("tile", $"{z}/{x}/{y}", "z, x and y must be non-negative integers");
        var t = new TileCoord(zi, xi, yi);
        if (!t.IsValid)
            throw new InputException("tile", t.ToString(), zi is < 0 or > MaxZoom
                ? $"zoom must be between 0 and {MaxZoom}"
                : $"x and y must be below {1L << zi} at zoom {zi}");
        return t;
    }

    public override string ToString() => $"{Z}/{X}/{Y}";
}
