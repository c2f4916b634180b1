using System.Security.Cryptography;

namespace SpatialCarbon.Server.Http;

/// <summary>Least-recently-used cache of encoded tiles bounded in bytes (the data plus a fixed overhead per
/// entry). Two requests for the same missing tile may both render it; the second simply replaces the first.</summary>
public sealed class TileCache(long capacityBytes)
{
    private const int EntryOverhead = 128;
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedTile Tile)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedTile Tile)> _lru = new();
    private readonly Lock _gate = new();
    private long _bytes;

    public long CapacityBytes => capacityBytes;

    public long SizeBytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _map.Count;
        }
    }

    public CachedTile GetOrAdd(string key, Func<byte[]?> render)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                return node.Value.Tile;
            }
        }

        var data = render() ?? [];
        var tile = new CachedTile(data, ETagOf(data));
        var size = data.Length + EntryOverhead + key.Length * 2;
        if (size > capacityBytes) return tile;
        lock (_gate)
        {
            if (_map.Remove(key, out var old))
            {
                _lru.Remove(old);
                _bytes -= Size(old.Value);
            }

            _map[key] = _lru.AddFirst((key, tile));
            _bytes += size;
            while (_bytes > capacityBytes && _lru.Last is { } last)
            {
                _lru.RemoveLast();
                _map.Remove(last.Value.Key);
                _bytes -= Size(last.Value);
            }
        }

        return tile;
    }

    private static long Size((string Key, CachedTile Tile) e) => e.Tile.Data.Length + EntryOverhead + e.Key.Length * 2;

    /// <summary>A strong validator from the content: the first 16 hex digits of its SHA-256.</summary>
    public static string ETagOf(ReadOnlySpan<byte> data) => $"\"{Convert.ToHexStringLower(SHA256.HashData(data))[..16]}\"";
}
