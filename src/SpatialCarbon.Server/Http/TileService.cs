using System.IO.Compression;
using SpatialCarbon.Core;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Server.Http;

/// <summary>Resolves source ids and renders tiles through the byte-bounded cache: several vector sources are
/// concatenated into one tile (each is a Tile message with one layer), gzip is cached separately. A cached tile is
/// answered before its ids are checked: only checked ids ever reach the cache.</summary>
public sealed class TileService(ServedWorkspace workspace, TileCache cache)
{
    public ServedWorkspace Workspace => workspace;

    public ITileSource Source(string id) =>
        workspace.Sources.TryGetValue(id, out var s) ? s : throw new UnknownSourceException(id, workspace.Sources.Keys);

    /// <summary>The sources of a comma-separated id list, all of one kind (<paramref name="kind"/> when given).</summary>
    public IReadOnlyList<ITileSource> Sources(string ids, TileKind? kind)
    {
        var list = ids.Split(',', StringSplitOptions.TrimEntries).Select(Source).ToArray();
        if (list.Select(s => s.Info.Kind).Distinct().Count() > 1) throw new InputException("ids", ids, "vector and raster sources cannot share a tile");
        if (list.Select(s => s.Id).Distinct().Count() != list.Length) throw new InputException("ids", ids, "a source is named twice");
        if (kind is { } k && list[0].Info.Kind != k)
            throw new InputException("ids", ids, k == TileKind.Vector ? "raster sources are served as .png" : "vector sources are served as .mvt");
        if (list[0].Info.Kind == TileKind.Raster && list.Length > 1) throw new InputException("ids", ids, "one raster source per tile");
        return list;
    }

    public CachedTile VectorTile(string ids, TileCoord tile, bool gzip)
    {
        var plain = new TileKey(ids, tile, TileEncoding.Mvt);
        var key = gzip ? plain with { Encoding = TileEncoding.MvtGzip } : plain;
        if (cache.Get(key) is { } hit) return hit;
        var sources = Sources(ids, TileKind.Vector);
        var encoded = cache.GetOrAdd(plain, (sources, tile), static s => Concatenate(s.sources, s.tile));
        return gzip ? cache.GetOrAdd(key, encoded, static e => e.IsEmpty ? null : Gzip(e.Data)) : encoded;
    }

    public CachedTile RasterTile(string id, TileCoord tile)
    {
        var key = new TileKey(id, tile, TileEncoding.Png);
        if (cache.Get(key) is { } hit) return hit;
        var source = Sources(id, TileKind.Raster)[0];
        return cache.GetOrAdd(key, (source, tile), static s => s.source.GetTile(s.tile));
    }

    private static byte[]? Concatenate(IReadOnlyList<ITileSource> sources, TileCoord tile)
    {
        var parts = sources.Select(s => s.GetTile(tile)).OfType<byte[]>().ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0],
            _ => parts.SelectMany(p => p).ToArray(),
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }
}
