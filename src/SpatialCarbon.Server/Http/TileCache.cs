using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SpatialCarbon.Server.Http;

/// <summary>Cache of encoded tiles bounded in bytes (the data plus a fixed overhead per entry), evicting the least
/// recently used with a second chance: a hit only marks its entry, so the cached-tile path takes no lock and
/// allocates nothing; the recency list is reordered lazily when an insertion has to evict. Two requests for the
/// same missing tile may both render it; the second simply replaces the first.</summary>
public sealed class TileCache(long capacityBytes)
{
    private const int EntryOverhead = 128;
    private readonly ConcurrentDictionary<TileKey, Entry> _map = new();
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private long _bytes;

    public long SizeBytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    public int Count => _map.Count;

    /// <summary>The cached tile, or null; marks it as recently used.</summary>
    public CachedTile? Get(TileKey key)
    {
        if (!_map.TryGetValue(key, out var entry)) return null;
        entry.Referenced = true;
        return entry.Tile;
    }

    /// <summary>The cached tile, else renders it from <paramref name="state"/> (null or empty: an empty tile) and
    /// keeps it. A static <paramref name="render"/> with its inputs in the state keeps hits free of closures.</summary>
    public CachedTile GetOrAdd<TState>(TileKey key, TState state, Func<TState, byte[]?> render) =>
        Get(key) ?? Add(key, render(state));

    private CachedTile Add(TileKey key, byte[]? rendered)
    {
        var data = rendered ?? [];
        var tile = new CachedTile(data, ETagOf(data));
        var entry = new Entry(key, tile, data.Length + EntryOverhead + key.Ids.Length * 2L);
        if (entry.Size > capacityBytes) return tile;
        lock (_gate)
        {
            if (_map.TryRemove(key, out var old)) Unlink(old);
            entry.Node = _recency.AddFirst(entry);
            _map[key] = entry;
            _bytes += entry.Size;
            while (_bytes > capacityBytes && _recency.Last is { } last)
            {
                var victim = last.Value;
                if (victim.Referenced)
                {
                    // Used since it was last looked at: a second chance at the front of the list.
                    victim.Referenced = false;
                    _recency.RemoveLast();
                    _recency.AddFirst(last);
                    continue;
                }

                _map.TryRemove(new KeyValuePair<TileKey, Entry>(victim.Key, victim));
                Unlink(victim);
            }
        }

        return tile;
    }

    private void Unlink(Entry entry)
    {
        if (entry.Node is null) return;
        _recency.Remove(entry.Node);
        entry.Node = null;
        _bytes -= entry.Size;
    }

    /// <summary>A strong validator from the content: the first 16 hex digits of its SHA-256.</summary>
    public static string ETagOf(ReadOnlySpan<byte> data) => $"\"{Convert.ToHexStringLower(SHA256.HashData(data))[..16]}\"";

    private sealed class Entry(TileKey key, CachedTile tile, long size)
    {
        public TileKey Key => key;

        public CachedTile Tile => tile;

        public long Size => size;

        public LinkedListNode<Entry>? Node { get; set; }

        public volatile bool Referenced;
    }
}
