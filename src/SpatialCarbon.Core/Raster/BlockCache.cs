namespace SpatialCarbon.Core.Raster;

/// <summary>A least-recently-used cache of decoded blocks bounded in bytes and shared by threads. Concurrent requests
/// for the same block wait for one decode instead of decoding twice.</summary>
public sealed class BlockCache(long capacityBytes)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(int Directory, int Block), LinkedListNode<Entry>> map = [];
    private readonly LinkedList<Entry> lru = [];
    private long sizeBytes;

    public long CapacityBytes { get; } = Math.Max(0, capacityBytes);

    /// <summary>Bytes held by completed entries.</summary>
    public long SizeBytes
    {
        get
        {
            lock (gate) return sizeBytes;
        }
    }

    /// <summary>The block's bytes, decoding it with <paramref name="decode"/> when it is not cached.</summary>
    public byte[] GetOrDecode(int directory, int block, Func<byte[]> decode)
    {
        Lazy<byte[]> lazy;
        var key = (directory, block);
        lock (gate)
        {
            if (map.TryGetValue(key, out var node))
            {
                lru.Remove(node);
                lru.AddFirst(node);
                lazy = node.Value.Data;
            }
            else
            {
                lazy = new Lazy<byte[]>(decode, LazyThreadSafetyMode.ExecutionAndPublication);
                map[key] = lru.AddFirst(new Entry(key, lazy));
            }
        }

        byte[] data;
        try
        {
            data = lazy.Value;
        }
        catch
        {
            Remove(key, lazy);
            throw;
        }

        Account(key, lazy, data.Length);
        return data;
    }

    /// <summary>The block's bytes when it is cached and decoded, without decoding it, caching it or changing its place
    /// in the eviction order (<see cref="IRasterSource.ReadWindowOnce"/>).</summary>
    public bool TryGet(int directory, int block, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? data)
    {
        lock (gate)
        {
            if (map.TryGetValue((directory, block), out var node) && node.Value.Bytes > 0)
            {
                data = node.Value.Data.Value;
                return true;
            }
        }

        data = null;
        return false;
    }

    private void Remove((int, int) key, Lazy<byte[]> lazy)
    {
        lock (gate)
        {
            if (map.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Data, lazy))
            {
                map.Remove(key);
                lru.Remove(node);
                sizeBytes -= node.Value.Bytes;
            }
        }
    }

    private void Account((int, int) key, Lazy<byte[]> lazy, int bytes)
    {
        lock (gate)
        {
            if (!map.TryGetValue(key, out var node) || !ReferenceEquals(node.Value.Data, lazy) || node.Value.Bytes > 0) return;
            node.Value.Bytes = bytes;
            sizeBytes += bytes;
            // Evict from the cold end, skipping entries still being decoded (they count nothing yet).
            var cur = lru.Last;
            while (sizeBytes > CapacityBytes && cur is not null)
            {
                var prev = cur.Previous;
                if (cur.Value.Bytes > 0 && !ReferenceEquals(cur, node))
                {
                    map.Remove(cur.Value.Key);
                    lru.Remove(cur);
                    sizeBytes -= cur.Value.Bytes;
                }

                cur = prev;
            }

            if (sizeBytes > CapacityBytes)
            {
                map.Remove(key);
                lru.Remove(node);
                sizeBytes -= bytes;
            }
        }
    }

    private sealed class Entry((int, int) key, Lazy<byte[]> data)
    {
        public (int, int) Key { get; } = key;

        public Lazy<byte[]> Data { get; } = data;

        public long Bytes { get; set; }
    }
}
