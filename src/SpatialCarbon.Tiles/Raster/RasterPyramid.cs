using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>A GeoTIFF and its internal overviews, opened once and read from many threads: level 0 is full
/// resolution, each next level coarser.</summary>
public sealed class RasterPyramid : IDisposable
{
    private readonly GeoTiffReader[] _levels;

    public RasterPyramid(string path, long cacheBytes = 32 << 20)
    {
        var full = GeoTiffReader.Open(path, cacheBytes);
        var levels = new List<GeoTiffReader> { full };
        for (var i = 0; i < full.OverviewCount; i++) levels.Add(full.OpenOverview(i));
        _levels = [.. levels];
        if (full.Grid.Crs is null) throw new InputException(path, null, "the raster has no CRS; tiles need to know where it is");
    }

    public string Path => _levels[0].Path;

    public GeoTiffReader Full => _levels[0];

    public IReadOnlyList<GeoTiffReader> Levels => _levels;

    /// <summary>The coarsest level whose cells are no larger than <paramref name="cellSize"/> (raster CRS units),
    /// so a tile reads at most about four cells per pixel; the full raster when even it is coarser.</summary>
    public int LevelFor(double cellSize)
    {
        for (var i = _levels.Length - 1; i > 0; i--)
        {
            if (_levels[i].Grid.CellWidth <= cellSize * 1.001) return i;
        }

        return 0;
    }

    public void Dispose()
    {
        for (var i = _levels.Length - 1; i >= 0; i--) _levels[i].Dispose();
    }
}
