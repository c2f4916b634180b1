namespace SpatialCarbon.Core.Raster;

/// <summary>A single-band raster held in memory: for tests and small derived grids, never for province-size data.</summary>
public sealed class MemoryRaster(RasterGrid grid, double[] values, RasterDataType dataType = RasterDataType.Float64,
    double? noData = null, string path = "memory", int blockWidth = 256, int blockHeight = 256) : IRasterSource
{
    public string Path { get; } = path;

    public RasterGrid Grid { get; } = grid.Width * (long)grid.Height == values.Length
        ? grid
        : throw new ArgumentException($"expected {grid.Width}x{grid.Height} values, got {values.Length}", nameof(values));

    public int BandCount => 1;

    public RasterDataType DataType { get; } = dataType;

    public double? NoData { get; } = noData;

    public int BlockWidth { get; } = blockWidth;

    public int BlockHeight { get; } = blockHeight;

    public double this[int col, int row] => values[(long)row * Grid.Width + col];

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        if (band != 1) throw new ArgumentOutOfRangeException(nameof(band), band, "a memory raster has one band");
        if (window.X < 0 || window.Y < 0 || window.X + window.Width > Grid.Width || window.Y + window.Height > Grid.Height)
            throw new ArgumentOutOfRangeException(nameof(window), window, "window outside the raster");
        for (var r = 0; r < window.Height; r++)
        {
            values.AsSpan((window.Y + r) * Grid.Width + window.X, window.Width)
                .CopyTo(destination.Slice(r * window.Width, window.Width));
        }
    }

    public void Dispose()
    {
    }
}
