using System.Security.Cryptography;
using SpatialCarbon.Server.Http;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Tests.Server;

public sealed class TileCacheTests
{
    private static TileKey Key(int x) => new("control_unit", new TileCoord(10, x, 400), TileEncoding.Mvt);

    // Entry size as the cache counts it: data + 128 bytes + the ids string in UTF-16.
    private const long EntryBytes = 1000 + 128 + 2 * 12;

    [Fact]
    public void StaysWithinItsByteBoundAndEvictsTheLeastRecentlyUsed()
    {
        var cache = new TileCache(5 * EntryBytes);
        var renders = 0;
        byte[] Render(int x) { renders++; return Enumerable.Repeat((byte)x, 1000).ToArray(); }
        for (var x = 0; x < 5; x++) cache.GetOrAdd(Key(x), x, Render);
        Assert.Equal(5 * EntryBytes, cache.SizeBytes);

        // Tile 0 is used again, so adding two more evicts 1 and 2, the two least recently used.
        Assert.NotNull(cache.Get(Key(0)));
        cache.GetOrAdd(Key(5), 5, Render);
        cache.GetOrAdd(Key(6), 6, Render);
        Assert.Equal(5, cache.Count);
        Assert.Equal(5 * EntryBytes, cache.SizeBytes);
        Assert.Null(cache.Get(Key(1)));
        Assert.Null(cache.Get(Key(2)));
        Assert.All(new[] { 0, 3, 4, 5, 6 }, x => Assert.Equal((byte)x, cache.Get(Key(x))!.Data[999]));
        Assert.Equal(7, renders);

        // A hit renders nothing and returns the very same answer.
        var first = cache.GetOrAdd(Key(6), 6, Render);
        Assert.Same(first, cache.GetOrAdd(Key(6), 6, Render));
        Assert.Equal(7, renders);
    }

    [Fact]
    public void KeepsNothingLargerThanItsBoundButStillAnswers()
    {
        var cache = new TileCache(1000);
        var tile = cache.GetOrAdd(Key(1), 0, _ => new byte[5000]);
        Assert.Equal(5000, tile.Data.Length);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.SizeBytes);
    }

    [Fact]
    public void EmptyTilesAreCachedAndETagIsTheContentHash()
    {
        var cache = new TileCache(1 << 20);
        var empty = cache.GetOrAdd(Key(1), 0, _ => null);
        Assert.True(empty.IsEmpty);
        Assert.NotNull(cache.Get(Key(1)));
        var data = "tile bytes"u8.ToArray();
        var tile = cache.GetOrAdd(Key(2) with { Encoding = TileEncoding.Png }, data, d => d);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(data))[..16]}\"", tile.ETag);
        Assert.Null(cache.Get(Key(2)));
    }
}
