namespace SpatialCarbon.Tiles.Archives;

/// <summary>A PMTiles directory entry: a run of <see cref="RunLength"/> tiles from <see cref="TileId"/> sharing one
/// blob, or (run length 0) a leaf directory.</summary>
public readonly record struct PmTilesEntry(ulong TileId, ulong Offset, uint Length, uint RunLength);
