using SpatialCarbon.Tiles;

namespace SpatialCarbon.Server.Http;

/// <summary>How a cached tile is encoded: the same tile is kept once per encoding.</summary>
public enum TileEncoding
{
    Mvt,
    MvtGzip,
    Png,
}

/// <summary>The cache key of one tile: the source list as requested, the tile and its encoding. A struct, so
/// looking up a cached tile allocates nothing.</summary>
public readonly record struct TileKey(string Ids, TileCoord Tile, TileEncoding Encoding);
