using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>Where a raster's cells are: size, geotransform and CRS.</summary>
public sealed record RasterGrid(int Width, int Height, GeoTransform Transform, SpatialReference? Crs)
{
    public RasterWindow Full => new(0, 0, Width, Height);

    public double CellWidth => Math.Abs(Transform.PixelWidth);

    public double CellHeight => Math.Abs(Transform.PixelHeight);

    /// <summary>World extent of the grid (for rotated grids, the envelope of its corners).</summary>
    public Envelope Bounds
    {
        get
        {
            var e = new Envelope();
            foreach (var (c, r) in new[] { (0.0, 0.0), (Width, 0.0), (0.0, Height), ((double)Width, (double)Height) })
            {
                var (x, y) = Transform.PixelToWorld(c, r);
                e.ExpandToInclude(x, y);
            }

            return e;
        }
    }

    /// <summary>True when both grids have the same size, transform (to 1e-9 of a cell) and CRS.</summary>
    public bool SameAs(RasterGrid other)
    {
        if (Width != other.Width || Height != other.Height) return false;
        if (!Equals(Crs, other.Crs) && !(Crs is null && other.Crs is null)) return false;
        var a = Transform.ToArray();
        var b = other.Transform.ToArray();
        var tol = 1e-9 * Math.Max(CellWidth, CellHeight);
        for (var i = 0; i < 6; i++)
        {
            var scale = i is 0 or 3 ? Math.Max(1, Math.Abs(a[i])) * 1e-12 + tol : tol;
            if (Math.Abs(a[i] - b[i]) > scale) return false;
        }

        return true;
    }
}
