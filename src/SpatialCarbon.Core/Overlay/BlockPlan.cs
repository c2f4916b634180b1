using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>How the engine cuts a raster into work: bands of whole block rows, each band split into windows aligned
/// to the file's blocks (a tile column, or a few strips), so that every block is decoded exactly once and each band
/// has enough windows to keep all workers busy.</summary>
public sealed record BlockPlan(int Width, int Height, int WindowWidth, int WindowHeight, int BandHeight)
{
    /// <summary>Rows a window holds at least, so that striped files (often 1-row strips) are read in useful chunks.</summary>
    private const int MinWindowRows = 64;

    public static BlockPlan For(IRasterSource raster, int workers)
    {
        var grid = raster.Grid;
        var blockWidth = Math.Clamp(raster.BlockWidth, 1, grid.Width);
        var blockHeight = Math.Clamp(raster.BlockHeight, 1, grid.Height);
        var windowHeight = Math.Min(grid.Height, blockHeight * Math.Max(1, (MinWindowRows + blockHeight - 1) / blockHeight));
        var columns = (grid.Width + blockWidth - 1) / blockWidth;

        // Enough windows per band for every worker to take two, so a slow one does not hold the band back.
        var windowsPerRow = Math.Max(1, (2 * workers + columns - 1) / columns);
        var bandHeight = Math.Min(grid.Height, windowHeight * windowsPerRow);
        return new BlockPlan(grid.Width, grid.Height, blockWidth, windowHeight, bandHeight);
    }

    public int BandCount => (Height + BandHeight - 1) / BandHeight;

    public int ColumnCount => (Width + WindowWidth - 1) / WindowWidth;

    public long WindowCells => (long)WindowWidth * WindowHeight;

    /// <summary>The rows of band <paramref name="band"/>: (first row, row count).</summary>
    public (int Row, int Rows) Band(int band)
    {
        var row = band * BandHeight;
        return (row, Math.Min(BandHeight, Height - row));
    }

    /// <summary>The windows of one band, column by column within each stack of rows.</summary>
    public List<RasterWindow> Windows(int band)
    {
        var (row0, rows) = Band(band);
        var windows = new List<RasterWindow>();
        for (var y = row0; y < row0 + rows; y += WindowHeight)
        {
            var h = Math.Min(WindowHeight, row0 + rows - y);
            for (var x = 0; x < Width; x += WindowWidth)
                windows.Add(new RasterWindow(x, y, Math.Min(WindowWidth, Width - x), h));
        }

        return windows;
    }
}
