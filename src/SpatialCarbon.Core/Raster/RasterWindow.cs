namespace SpatialCarbon.Core.Raster;

/// <summary>A rectangle of cells: column and row offsets and sizes.</summary>
public readonly record struct RasterWindow(int X, int Y, int Width, int Height)
{
    public long CellCount => (long)Width * Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public RasterWindow Intersect(RasterWindow other)
    {
        var x0 = Math.Max(X, other.X);
        var y0 = Math.Max(Y, other.Y);
        var x1 = Math.Min(X + Width, other.X + other.Width);
        var y1 = Math.Min(Y + Height, other.Y + other.Height);
        return x1 <= x0 || y1 <= y0 ? default : new RasterWindow(x0, y0, x1 - x0, y1 - y0);
    }
}
