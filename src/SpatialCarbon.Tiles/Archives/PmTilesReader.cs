using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>Reads tiles from a PMTiles v3 archive (root and leaf directories, gzip or no compression) with
/// positional reads, safe from many threads.</summary>
public sealed class PmTilesReader : ITileArchive
{
    private readonly SafeFileHandle _file;
    private readonly PmTilesEntry[] _root;
    private readonly ConcurrentDictionary<ulong, PmTilesEntry[]> _leaves = new();

    public PmTilesReader(string path)
    {
        Path = path;
        _file = File.OpenHandle(path);
        try
        {
            var head = new byte[PmTilesHeader.Size];
            RandomAccess.Read(_file, head, 0);
            Header = PmTilesHeader.Parse(head, path);
            _root = PmTilesDirectory.Deserialize(ReadBytes(Header.RootOffset, Header.RootLength));
            Metadata = System.Text.Encoding.UTF8.GetString(Decompress(ReadBytes(Header.MetadataOffset, Header.MetadataLength), Header.InternalCompression));
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public PmTilesHeader Header { get; }

    public string Metadata { get; }

    public int MinZoom => Header.MinZoom;

    public int MaxZoom => Header.MaxZoom;

    public byte[]? Read(TileCoord tile)
    {
        var id = HilbertTileId.From(tile);
        var dir = _root;
        for (var depth = 0; depth < 4; depth++)
        {
            if (PmTilesDirectory.Find(dir, id) is not { } e) return null;
            if (e.RunLength > 0)
                return Decompress(ReadBytes(Header.DataOffset + e.Offset, e.Length), Header.TileCompression);
            dir = _leaves.GetOrAdd(Header.LeafOffset + e.Offset, at => PmTilesDirectory.Deserialize(ReadBytes(at, e.Length)));
        }

        return null;
    }

    private byte[] ReadBytes(ulong offset, ulong length)
    {
        var b = new byte[length];
        RandomAccess.Read(_file, b, (long)offset);
        return b;
    }

    private static byte[] Decompress(byte[] data, byte compression) =>
        compression == PmTilesHeader.CompressionGzip ? PmTilesDirectory.Gunzip(data) : data;

    public void Dispose() => _file.Dispose();
}
