using System.IO.Compression;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>PMTiles v3 directory (de)serialisation: entry count, then delta tile ids, run lengths, lengths and
/// offsets (0 for "right after the previous entry"), all varints, gzip-compressed.</summary>
public static class PmTilesDirectory
{
    public static byte[] Serialize(IReadOnlyList<PmTilesEntry> entries)
    {
        using var raw = new MemoryStream();
        Varint(raw, (ulong)entries.Count);
        var last = 0UL;
        foreach (var e in entries)
        {
            Varint(raw, e.TileId - last);
            last = e.TileId;
        }

        foreach (var e in entries) Varint(raw, e.RunLength);
        foreach (var e in entries) Varint(raw, e.Length);
        for (var i = 0; i < entries.Count; i++)
        {
            var contiguous = i > 0 && entries[i].Offset == entries[i - 1].Offset + entries[i - 1].Length;
            Varint(raw, contiguous ? 0 : entries[i].Offset + 1);
        }

        return Gzip(raw.ToArray());
    }

    public static PmTilesEntry[] Deserialize(ReadOnlySpan<byte> compressed)
    {
        var data = Gunzip(compressed);
        var pos = 0;
        var n = (int)ReadVarint(data, ref pos);
        var ids = new ulong[n];
        var runs = new uint[n];
        var lengths = new uint[n];
        var offsets = new ulong[n];
        var last = 0UL;
        for (var i = 0; i < n; i++) ids[i] = last += ReadVarint(data, ref pos);
        for (var i = 0; i < n; i++) runs[i] = (uint)ReadVarint(data, ref pos);
        for (var i = 0; i < n; i++) lengths[i] = (uint)ReadVarint(data, ref pos);
        for (var i = 0; i < n; i++)
        {
            var v = ReadVarint(data, ref pos);
            offsets[i] = v == 0 && i > 0 ? offsets[i - 1] + lengths[i - 1] : v - 1;
        }

        return Enumerable.Range(0, n).Select(i => new PmTilesEntry(ids[i], offsets[i], lengths[i], runs[i])).ToArray();
    }

    /// <summary>The entry holding <paramref name="tileId"/> (a tile run or a leaf directory), if any.</summary>
    public static PmTilesEntry? Find(IReadOnlyList<PmTilesEntry> entries, ulong tileId)
    {
        int lo = 0, hi = entries.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (entries[mid].TileId < tileId) lo = mid + 1;
            else if (entries[mid].TileId > tileId) hi = mid - 1;
            else return entries[mid];
        }

        // hi is the last entry before the tile: a run covering it, or a leaf that may hold it.
        if (hi < 0) return null;
        var e = entries[hi];
        if (e.RunLength == 0 || tileId - e.TileId < e.RunLength) return e;
        return null;
    }

    public static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public static byte[] Gunzip(ReadOnlySpan<byte> data)
    {
        using var input = new MemoryStream(data.ToArray());
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        return output.ToArray();
    }

    private static void Varint(Stream s, ulong v)
    {
        while (v >= 0x80)
        {
            s.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        s.WriteByte((byte)v);
    }

    private static ulong ReadVarint(byte[] data, ref int pos)
    {
        ulong v = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[pos++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
    }
}
