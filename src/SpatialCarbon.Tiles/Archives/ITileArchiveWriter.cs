namespace SpatialCarbon.Tiles.Archives;

/// <summary>Collects tiles (from several threads) and writes the archive on <see cref="Complete"/>: to a temporary
/// sibling first, renamed at the end, so that a failed seed leaves no half-written archive.</summary>
public interface ITileArchiveWriter : IDisposable
{
    /// <summary>Adds a tile: an uncompressed MVT Tile message or a PNG.</summary>
    void Add(TileCoord tile, byte[] data);

    void Complete(TileSourceInfo info, int minZoom, int maxZoom);
}
