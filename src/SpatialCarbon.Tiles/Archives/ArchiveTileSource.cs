namespace SpatialCarbon.Tiles.Archives;

/// <summary>Serves a source's tiles from a seeded archive at the zooms it holds, and from the live source at the
/// others (a tile the archive lacks inside its zooms is empty: seeding leaves out empty tiles).</summary>
public sealed class ArchiveTileSource(ITileSource live, ITileArchive archive) : ITileSource
{
    public TileSourceInfo Info => live.Info;

    public ITileArchive Archive => archive;

    /// <summary>The source the archive was seeded from.</summary>
    public ITileSource Live => live;

    public byte[]? GetTile(TileCoord tile) =>
        tile.Z >= archive.MinZoom && tile.Z <= archive.MaxZoom ? archive.Read(tile) : live.GetTile(tile);
}
