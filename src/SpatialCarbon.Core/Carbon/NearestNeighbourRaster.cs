using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A raster seen through another grid: each target cell takes the value of the source cell under its centre
/// (nearest neighbour, right for class codes); cells outside the source are NaN. Both grids must share a CRS and be
/// north-up; reading stays block-wise (each target window reads only the source window under it).</summary>
public sealed class NearestNeighbourRaster : IRasterSource
{
    private readonly IRasterSource _source;

    public NearestNeighbourRaster(IRasterSource source, RasterGrid target, string targetPath)
    {
        if (!Equals(source.Grid.Crs, target.Crs) && !(source.Grid.Crs is null && target.Crs is null))
        {
            throw new InputException(source.Path, null,
                $"CRS {source.Grid.Crs?.Label ?? "none"} differs from {targetPath} ({target.Crs?.Label ?? "none"}); reproject it first: alignment only resamples within one CRS");
        }

        if (!source.Grid.Transform.IsAxisAligned || !target.Transform.IsAxisAligned)
            throw new InputException(source.Path, null, "rotated grids cannot be aligned");
        _source = source;
        Grid = target;
    }

    public string Path => _source.Path;

    public RasterGrid Grid { get; }

    public int BandCount => _source.BandCount;

    public RasterDataType DataType => _source.DataType;

    public double? NoData => _source.NoData;

    public string? LossyCompression => _source.LossyCompression;

    public int BlockWidth => 256;

    public int BlockHeight => 256;

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        var src = _source.Grid;
        var cols = new int[window.Width];
        var rows = new int[window.Height];
        for (var c = 0; c < window.Width; c++)
        {
            var (x, _) = Grid.Transform.PixelToWorld(window.X + c + 0.5, 0);
            cols[c] = (int)Math.Floor(src.Transform.WorldToPixel(x, src.Transform.OriginY).Col);
        }

        for (var r = 0; r < window.Height; r++)
        {
            var (_, y) = Grid.Transform.PixelToWorld(0, window.Y + r + 0.5);
            rows[r] = (int)Math.Floor(src.Transform.WorldToPixel(src.Transform.OriginX, y).Row);
        }

        var inside = new RasterWindow(Math.Min(cols[0], cols[^1]), Math.Min(rows[0], rows[^1]),
            Math.Abs(cols[^1] - cols[0]) + 1, Math.Abs(rows[^1] - rows[0]) + 1).Intersect(src.Full);
        destination[..(int)window.CellCount].Fill(double.NaN);
        if (inside.IsEmpty) return;
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent((int)inside.CellCount);
        try
        {
            _source.ReadWindow(band, inside, buffer.AsSpan(0, (int)inside.CellCount));
            Sample(window, destination, cols, rows, inside, buffer);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void Sample(RasterWindow window, Span<double> destination, int[] cols, int[] rows, RasterWindow inside, double[] buffer)
    {
        for (var r = 0; r < window.Height; r++)
        {
            var sr = rows[r] - inside.Y;
            if (sr < 0 || sr >= inside.Height) continue;
            for (var c = 0; c < window.Width; c++)
            {
                var sc = cols[c] - inside.X;
                if (sc >= 0 && sc < inside.Width) destination[r * window.Width + c] = buffer[sr * inside.Width + sc];
            }
        }
    }

    public void Dispose() => _source.Dispose();
}
