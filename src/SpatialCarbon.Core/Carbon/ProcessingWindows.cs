using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Splits a grid into processing windows aligned to a square output tile and grown to cover whole input
/// blocks, so each input block and each output tile is touched by exactly one window.</summary>
public static class ProcessingWindows
{
    public static IReadOnlyList<RasterWindow> For(RasterGrid grid, int inputBlockWidth, int inputBlockHeight, int tileSize)
    {
        var w = RoundUp(Math.Max(tileSize, inputBlockWidth), tileSize);
        var h = RoundUp(Math.Max(tileSize, inputBlockHeight), tileSize);
        // Strip-organised inputs (one row per block, full width) become full-width bands of one tile row.
        w = Math.Min(w, RoundUp(grid.Width, tileSize));
        var windows = new List<RasterWindow>();
        for (var y = 0; y < grid.Height; y += h)
        {
            for (var x = 0; x < grid.Width; x += w)
                windows.Add(new RasterWindow(x, y, Math.Min(w, grid.Width - x), Math.Min(h, grid.Height - y)));
        }

        return windows;
    }

    private static int RoundUp(int v, int m) => (v + m - 1) / m * m;
}
