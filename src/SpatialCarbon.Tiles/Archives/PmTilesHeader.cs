using System.Buffers.Binary;
using SpatialCarbon.Core;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>The fixed 127-byte PMTiles v3 header (little-endian; bounds and centre in degrees × 10⁷).</summary>
public sealed record PmTilesHeader(
    ulong RootOffset, ulong RootLength, ulong MetadataOffset, ulong MetadataLength,
    ulong LeafOffset, ulong LeafLength, ulong DataOffset, ulong DataLength,
    ulong AddressedTiles, ulong TileEntries, ulong TileContents, bool Clustered,
    byte InternalCompression, byte TileCompression, byte TileType, byte MinZoom, byte MaxZoom,
    IReadOnlyList<double> Bounds, byte CenterZoom, double CenterLon, double CenterLat)
{
    public const int Size = 127;
    public const byte CompressionNone = 1;
    public const byte CompressionGzip = 2;
    public const byte TypeMvt = 1;
    public const byte TypePng = 2;

    public byte[] ToBytes()
    {
        var b = new byte[Size];
        "PMTiles"u8.CopyTo(b);
        b[7] = 3;
        ulong[] words = [RootOffset, RootLength, MetadataOffset, MetadataLength, LeafOffset, LeafLength, DataOffset, DataLength, AddressedTiles, TileEntries, TileContents];
        for (var i = 0; i < words.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(8 + 8 * i), words[i]);
        b[96] = Clustered ? (byte)1 : (byte)0;
        b[97] = InternalCompression;
        b[98] = TileCompression;
        b[99] = TileType;
        b[100] = MinZoom;
        b[101] = MaxZoom;
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(102 + 4 * i), E7(Bounds[i]));
        b[118] = CenterZoom;
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(119), E7(CenterLon));
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(123), E7(CenterLat));
        return b;
    }

    public static PmTilesHeader Parse(ReadOnlySpan<byte> b, string path)
    {
        if (b.Length < Size || !b[..7].SequenceEqual("PMTiles"u8)) throw new InputException(path, null, "not a PMTiles archive");
        if (b[7] != 3) throw new InputException(path, null, $"PMTiles version {b[7]} (only version 3 is read)");
        var w = new ulong[11];
        for (var i = 0; i < w.Length; i++) w[i] = BinaryPrimitives.ReadUInt64LittleEndian(b[(8 + 8 * i)..]);
        var d = new double[6];
        int[] at = [102, 106, 110, 114, 119, 123];
        for (var i = 0; i < d.Length; i++) d[i] = BinaryPrimitives.ReadInt32LittleEndian(b[at[i]..]) / 1e7;
        return new PmTilesHeader(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], b[96] == 1,
            b[97], b[98], b[99], b[100], b[101], [d[0], d[1], d[2], d[3]], b[118], d[4], d[5]);
    }

    private static int E7(double degrees) => (int)Math.Round(degrees * 1e7);
}
