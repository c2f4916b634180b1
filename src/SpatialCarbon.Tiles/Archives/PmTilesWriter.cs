using System.Security.Cryptography;
using SpatialCarbon.Core;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>Writes a PMTiles v3 archive: tile blobs spill to a temporary file as they arrive (deduplicated by
/// content), then header, root directory (leaf directories when the root would pass 16 KiB), metadata and the blobs
/// in tile-id order (clustered) are written to a temporary sibling and renamed. MVT tiles are stored gzipped.</summary>
public sealed class PmTilesWriter : ITileArchiveWriter
{
    private const int RootLimit = 16384;
    private readonly string _path;
    private readonly TileKind _kind;
    private readonly string _spillPath;
    private readonly FileStream _spill;
    private readonly Dictionary<string, (long Offset, int Length)> _blobs = new(StringComparer.Ordinal);
    private readonly List<(ulong TileId, long Offset, int Length)> _tiles = [];
    private readonly Lock _gate = new();

    public PmTilesWriter(string path, TileKind kind)
    {
        _path = System.IO.Path.GetFullPath(path);
        _kind = kind;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        _spillPath = _path + ".blobs.tmp";
        _spill = new FileStream(_spillPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    public void Add(TileCoord tile, byte[] data)
    {
        var blob = _kind == TileKind.Vector ? PmTilesDirectory.Gzip(data) : data;
        var key = Convert.ToBase64String(SHA256.HashData(blob));
        var id = HilbertTileId.From(tile);
        lock (_gate)
        {
            if (!_blobs.TryGetValue(key, out var at))
            {
                at = (_spill.Length, blob.Length);
                _spill.Seek(0, SeekOrigin.End);
                _spill.Write(blob);
                _blobs[key] = at;
            }

            _tiles.Add((id, at.Offset, at.Length));
        }
    }

    public void Complete(TileSourceInfo info, int minZoom, int maxZoom)
    {
        lock (_gate)
        {
            if (_tiles.Count == 0) throw new InputException(_path, null, "no tiles to write: the source is empty at these zooms");
            _tiles.Sort((a, b) => a.TileId.CompareTo(b.TileId));
            // Blobs in the order their first tile appears; repeated contents point back to the first copy.
            var placed = new Dictionary<long, ulong>();
            var order = new List<(long SpillOffset, int Length)>();
            ulong dataLength = 0;
            var entries = new List<PmTilesEntry>();
            foreach (var (id, offset, length) in _tiles)
            {
                if (!placed.TryGetValue(offset, out var at))
                {
                    placed[offset] = at = dataLength;
                    order.Add((offset, length));
                    dataLength += (ulong)length;
                }

                if (entries.Count > 0 && entries[^1] is var last && last.Offset == at && last.TileId + last.RunLength == id)
                    entries[^1] = last with { RunLength = last.RunLength + 1 };
                else
                    entries.Add(new PmTilesEntry(id, at, (uint)length, 1));
            }

            var (root, leaves) = Directories(entries);
            var metadata = PmTilesDirectory.Gzip(System.Text.Encoding.UTF8.GetBytes(TileArchives.MetadataJson(info, minZoom, maxZoom)));
            var rootOffset = (ulong)PmTilesHeader.Size;
            var metadataOffset = rootOffset + (ulong)root.Length;
            var leafOffset = metadataOffset + (ulong)metadata.Length;
            var dataOffset = leafOffset + (ulong)leaves.Length;
            var b = info.Bounds;
            var header = new PmTilesHeader(rootOffset, (ulong)root.Length, metadataOffset, (ulong)metadata.Length,
                leafOffset, (ulong)leaves.Length, dataOffset, dataLength,
                (ulong)_tiles.Count, (ulong)entries.Count, (ulong)order.Count, true,
                PmTilesHeader.CompressionGzip, _kind == TileKind.Vector ? PmTilesHeader.CompressionGzip : PmTilesHeader.CompressionNone,
                _kind == TileKind.Vector ? PmTilesHeader.TypeMvt : PmTilesHeader.TypePng, (byte)minZoom, (byte)maxZoom,
                b, (byte)Math.Clamp((minZoom + maxZoom) / 2, minZoom, maxZoom), (b[0] + b[2]) / 2, (b[1] + b[3]) / 2);

            var temp = _path + ".tmp";
            using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                output.Write(header.ToBytes());
                output.Write(root);
                output.Write(metadata);
                output.Write(leaves);
                var buffer = new byte[1 << 16];
                foreach (var (spillOffset, length) in order)
                {
                    if (buffer.Length < length) buffer = new byte[length];
                    RandomAccess.Read(_spill.SafeFileHandle, buffer.AsSpan(0, length), spillOffset);
                    output.Write(buffer, 0, length);
                }
            }

            File.Move(temp, _path, overwrite: true);
        }
    }

    /// <summary>The root directory alone when it fits in the first 16 KiB, else a root of leaf pointers.</summary>
    private static (byte[] Root, byte[] Leaves) Directories(List<PmTilesEntry> entries)
    {
        var root = PmTilesDirectory.Serialize(entries);
        if (PmTilesHeader.Size + root.Length <= RootLimit) return (root, []);
        for (var leafSize = 4096; ; leafSize *= 2)
        {
            using var leaves = new MemoryStream();
            var pointers = new List<PmTilesEntry>();
            for (var i = 0; i < entries.Count; i += leafSize)
            {
                var leaf = PmTilesDirectory.Serialize(entries.GetRange(i, Math.Min(leafSize, entries.Count - i)));
                pointers.Add(new PmTilesEntry(entries[i].TileId, (ulong)leaves.Length, (uint)leaf.Length, 0));
                leaves.Write(leaf);
            }

            root = PmTilesDirectory.Serialize(pointers);
            if (PmTilesHeader.Size + root.Length <= RootLimit) return (root, leaves.ToArray());
        }
    }

    public void Dispose()
    {
        _spill.Dispose();
        File.Delete(_path + ".tmp");
    }
}
