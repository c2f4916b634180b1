namespace SpatialCarbon.Tiles.Raster;

/// <summary>An 8-bit colour with alpha; <see cref="Transparent"/> marks nodata.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static Rgba Transparent => default;

    public string Hex => A == 255 ? $"#{R:X2}{G:X2}{B:X2}" : $"#{R:X2}{G:X2}{B:X2}{A:X2}";

    public static Rgba Parse(string hex)
    {
        var h = hex.TrimStart('#');
        var v = Convert.ToUInt32(h, 16);
        return h.Length == 8 ? new((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v) : new((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public static Rgba Lerp(Rgba a, Rgba b, double t) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * t), (byte)Math.Round(a.G + (b.G - a.G) * t),
        (byte)Math.Round(a.B + (b.B - a.B) * t), (byte)Math.Round(a.A + (b.A - a.A) * t));
}
