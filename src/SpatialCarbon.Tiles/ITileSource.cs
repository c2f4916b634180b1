namespace SpatialCarbon.Tiles;

/// <summary>A source of map tiles (as in martin): its catalog entry and one tile at a time. Implementations must be
/// safe to call from several threads at once.</summary>
public interface ITileSource
{
    TileSourceInfo Info { get; }

    string Id => Info.Id;

    /// <summary>The encoded tile (an uncompressed MVT Tile message, or a PNG), or null when the tile is empty.</summary>
    byte[]? GetTile(TileCoord tile);
}
