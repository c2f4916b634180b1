using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>Managed GeoTIFF reader (classic and BigTIFF, stripped or tiled, uncompressed / LZW / Deflate / PackBits,
/// any predictor): block-wise, thread-safe window reads with one LibTiff handle per concurrent reader and a shared
/// LRU cache of decoded blocks.</summary>
public sealed class GeoTiffReader : IRasterSource
{
    private readonly TiffLayout layout;
    private readonly short directory;
    private readonly BlockCache cache;
    private readonly ConcurrentBag<Tiff> handles = [];
    private readonly IReadOnlyList<short> overviewDirectories;
    private int disposed;

    private GeoTiffReader(string path, short directory, TiffLayout layout, RasterGrid grid, double? noData,
        BlockCache cache, bool isBigTiff, IReadOnlyList<short> overviewDirectories, Tiff? firstHandle)
    {
        Path = path;
        this.directory = directory;
        this.layout = layout;
        Grid = grid;
        NoData = noData;
        this.cache = cache;
        IsBigTiff = isBigTiff;
        this.overviewDirectories = overviewDirectories;
        if (firstHandle is not null) handles.Add(firstHandle);
    }

    public string Path { get; }

    public RasterGrid Grid { get; }

    public int BandCount => layout.SamplesPerPixel;

    public RasterDataType DataType => layout.DataType;

    public double? NoData { get; }

    public int BlockWidth => layout.BlockWidth;

    public int BlockHeight => layout.BlockHeight;

    public GeoTiffCompression Compression => layout.Compression;

    public GeoTiffPredictor Predictor => layout.Predictor;

    public bool IsTiled => layout.Tiled;

    public bool IsBigTiff { get; }

    public GeoTiffPlanarConfig PlanarConfig => layout.PlanarConfig;

    /// <summary>Number of internal overviews (reduced-resolution subfiles), largest first.</summary>
    public int OverviewCount => overviewDirectories.Count;

    /// <summary>The decoded-block cache shared with this reader's overviews.</summary>
    public BlockCache Cache => cache;

    /// <summary>Opens a GeoTIFF; the file must carry a georeferencing (pixel scale + tiepoint, or a transformation
    /// matrix). Without GeoKeys, or with keys that name no CRS, the grid's CRS is null (unknown units).</summary>
    /// <exception cref="InputException">Not a TIFF, corrupt, or without georeferencing.</exception>
    /// <exception cref="UnsupportedFormatException">A compression, predictor or sample type the managed reader lacks.</exception>
    public static GeoTiffReader Open(string path, long cacheBytes = 64 << 20)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        var isBigTiff = ReadHeader(path);
        var tif = OpenHandle(path, 0);
        try
        {
            var layout = TiffLayout.Read(tif, path);
            var (transform, pixelIsPoint, crs) = ReadGeoreferencing(tif, path);
            if (pixelIsPoint)
            {
                // As GDAL does: the tiepoint names a cell centre, so the corner lies half a cell up and left.
                transform = transform with
                {
                    OriginX = transform.OriginX - 0.5 * transform.PixelWidth - 0.5 * transform.RowRotation,
                    OriginY = transform.OriginY - 0.5 * transform.ColumnRotation - 0.5 * transform.PixelHeight,
                };
            }

            var noData = ReadNoData(tif, path);
            // Float32 cells hold the nodata value rounded to float, so compare against that (0.1 is not 0.1f).
            if (layout.DataType == RasterDataType.Float32 && noData is double nd && double.IsFinite(nd)) noData = (float)nd;
            var overviews = FindOverviews(tif, path, layout);
            tif.SetDirectory(0);
            var grid = new RasterGrid(layout.Width, layout.Height, transform, crs);
            return new GeoTiffReader(path, 0, layout, grid, noData, new BlockCache(cacheBytes), isBigTiff, overviews, tif);
        }
        catch
        {
            tif.Dispose();
            throw;
        }
    }

    /// <summary>Internal overview <paramref name="level"/> (0 = the largest, normally half resolution) as a raster
    /// sharing this reader's cache; dispose it separately.</summary>
    public GeoTiffReader OpenOverview(int level)
    {
        if (level < 0 || level >= overviewDirectories.Count)
            throw new ArgumentOutOfRangeException(nameof(level), level, $"{Path} has {overviewDirectories.Count} overviews");
        var dir = overviewDirectories[level];
        var tif = OpenHandle(Path, dir);
        try
        {
            var ov = TiffLayout.Read(tif, Path);
            var t = Grid.Transform;
            double sx = (double)layout.Width / ov.Width, sy = (double)layout.Height / ov.Height;
            var transform = t with
            {
                PixelWidth = t.PixelWidth * sx,
                RowRotation = t.RowRotation * sy,
                ColumnRotation = t.ColumnRotation * sx,
                PixelHeight = t.PixelHeight * sy,
            };
            var grid = new RasterGrid(ov.Width, ov.Height, transform, Grid.Crs);
            return new GeoTiffReader(Path, dir, ov, grid, NoData, cache, IsBigTiff, [], tif);
        }
        catch
        {
            tif.Dispose();
            throw;
        }
    }

    public void ReadWindow(int band, RasterWindow window, Span<double> destination) => Read(band, window, destination, once: false);

    public void ReadWindowOnce(int band, RasterWindow window, Span<double> destination) => Read(band, window, destination, once: true);

    /// <summary>A thread's buffer for blocks decoded and used at once (<see cref="ReadWindowOnce"/>).</summary>
    [ThreadStatic]
    private static byte[]? t_scratch;

    private void Read(int band, RasterWindow window, Span<double> destination, bool once)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (band < 1 || band > BandCount) throw new ArgumentOutOfRangeException(nameof(band), band, $"{Path} has {BandCount} bands");
        if (window.X < 0 || window.Y < 0 || window.Width < 0 || window.Height < 0
            || window.X + window.Width > layout.Width || window.Y + window.Height > layout.Height)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"window outside the {layout.Width}x{layout.Height} raster");
        if (destination.Length < window.CellCount)
            throw new ArgumentException($"destination holds {destination.Length} values, the window needs {window.CellCount}", nameof(destination));
        if (window.IsEmpty) return;

        int bw = layout.BlockWidth, bh = layout.BlockHeight;
        var separate = layout.PlanarConfig == GeoTiffPlanarConfig.Separate;
        var stride = separate ? 1 : layout.SamplesPerPixel;
        var sampleOffset = separate ? 0 : band - 1;
        var planeOffset = separate ? (band - 1) * layout.BlocksPerPlane : 0;
        for (var by = window.Y / bh; by <= (window.Y + window.Height - 1) / bh; by++)
        {
            for (var bx = window.X / bw; bx <= (window.X + window.Width - 1) / bw; bx++)
            {
                var blockIndex = planeOffset + by * layout.BlocksAcross + bx;
                byte[]? data;
                if (!once) data = cache.GetOrDecode(directory, blockIndex, () => Decode(blockIndex));
                else if (!cache.TryGet(directory, blockIndex, out data))
                {
                    if (t_scratch?.Length != layout.BlockBytes) t_scratch = new byte[layout.BlockBytes];
                    data = DecodeInto(blockIndex, t_scratch);
                }

                int x0 = Math.Max(window.X, bx * bw), x1 = Math.Min(window.X + window.Width, (bx + 1) * bw);
                int y0 = Math.Max(window.Y, by * bh), y1 = Math.Min(window.Y + window.Height, (by + 1) * bh);
                for (var y = y0; y < y1; y++)
                {
                    var first = ((y - by * bh) * bw + (x0 - bx * bw)) * stride + sampleOffset;
                    var dest = destination.Slice((y - window.Y) * window.Width + (x0 - window.X), x1 - x0);
                    SampleConverter.ToDouble(layout.DataType, data, first, stride, dest);
                }
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        while (handles.TryTake(out var h)) h.Dispose();
    }

    private byte[] Decode(int blockIndex) => DecodeInto(blockIndex, new byte[layout.BlockBytes]);

    /// <summary>Blocks this reader decoded, into its cache or not; for tests and benchmarks.</summary>
    public long DecodeCount => Interlocked.Read(ref decodeCount);

    private long decodeCount;

    /// <summary>Decodes block <paramref name="blockIndex"/> into <paramref name="buffer"/> (exactly one block long).</summary>
    private byte[] DecodeInto(int blockIndex, byte[] buffer)
    {
        Interlocked.Increment(ref decodeCount);
        if (!handles.TryTake(out var tif)) tif = OpenHandle(Path, directory);
        try
        {
            CapturingTiffErrorHandler.Clear();
            if (IsSparse(tif, blockIndex))
            {
                // A sparse block (GDAL SPARSE_OK): never written, read as nodata like GDAL does (0 without nodata).
                SampleConverter.Fill(layout.DataType, NoData ?? 0, buffer, 0, layout.BlockBytes / layout.DataType.SizeInBytes());
                return buffer;
            }

            if (TryDecodeLzw(tif, blockIndex, buffer)) return buffer;
            var n = layout.Tiled
                ? tif.ReadEncodedTile(blockIndex, buffer, 0, buffer.Length)
                : tif.ReadEncodedStrip(blockIndex, buffer, 0, buffer.Length);
            if (n < 0)
            {
                var why = CapturingTiffErrorHandler.TakeLastError() ?? "corrupt or truncated data";
                throw new InputException(Path, $"{(layout.Tiled ? "tile" : "strip")} {blockIndex}", $"cannot decode the block ({why})");
            }

            return buffer;
        }
        finally
        {
            if (Volatile.Read(ref disposed) == 0) handles.Add(tif);
            else tif.Dispose();
        }
    }

    /// <summary>Decodes an LZW block without a predictor with <see cref="TiffLzw"/> (about twice as fast as libtiff's
    /// decoder); false when it does not apply or declines the stream, which libtiff then decodes.</summary>
    private bool TryDecodeLzw(Tiff tif, int blockIndex, byte[] buffer)
    {
        if (layout.Compression != GeoTiffCompression.Lzw || layout.Predictor != GeoTiffPredictor.None) return false;
        var fillOrder = tif.GetField(TiffTag.FILLORDER);
        if (fillOrder is { Length: > 0 } && fillOrder[0].ToInt() != (int)FillOrder.MSB2LSB) return false;
        var size = layout.Tiled ? tif.RawTileSize(blockIndex) : tif.RawStripSize(blockIndex);
        if (size <= 0 || size > int.MaxValue) return false;
        var raw = System.Buffers.ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            var n = layout.Tiled ? tif.ReadRawTile(blockIndex, raw, 0, (int)size) : tif.ReadRawStrip(blockIndex, raw, 0, (int)size);
            if (n == size && TiffLzw.TryDecode(raw.AsSpan(0, (int)size), buffer)) return true;
            Array.Clear(buffer);
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(raw);
        }
    }

    private bool IsSparse(Tiff tif, int blockIndex)
    {
        var counts = tif.GetField(layout.Tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS);
        if (counts is not { Length: > 0 }) return false;
        var value = counts[0].Value;
        return value switch
        {
            long[] l => blockIndex < l.Length && l[blockIndex] == 0,
            ulong[] u => blockIndex < u.Length && u[blockIndex] == 0,
            int[] i => blockIndex < i.Length && i[blockIndex] == 0,
            uint[] ui => blockIndex < ui.Length && ui[blockIndex] == 0,
            _ => throw new InvalidOperationException($"unexpected byte-count array type {value?.GetType().Name}"),
        };
    }

    private static bool ReadHeader(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (fs.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4) throw new InputException(path, null, "not a TIFF file (shorter than a TIFF header)");
        var little = head[0] == (byte)'I' && head[1] == (byte)'I';
        var big = head[0] == (byte)'M' && head[1] == (byte)'M';
        if (!little && !big) throw new InputException(path, null, "not a TIFF file (no II/MM byte-order mark)");
        var version = little ? head[2] | (head[3] << 8) : (head[2] << 8) | head[3];
        return version switch
        {
            42 => false,
            43 => true,
            _ => throw new InputException(path, null, $"not a TIFF file (version {version})"),
        };
    }

    private static Tiff OpenHandle(string path, short directory)
    {
        GeoTiffTags.EnsureInstalled();
        CapturingTiffErrorHandler.Clear();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess);
        Tiff? tif;
        try
        {
            tif = Tiff.ClientOpen(path, "r", stream, new TiffStream());
        }
        catch (Exception e) when (IsCorruptionSymptom(e))
        {
            stream.Dispose();
            throw new InputException(path, "first directory", $"corrupt TIFF: {Describe(e)}", e);
        }

        if (tif is null)
        {
            stream.Dispose();
            throw new InputException(path, null, $"corrupt or truncated TIFF ({CapturingTiffErrorHandler.TakeLastError() ?? "cannot read the first directory"})");
        }

        if (directory != 0 && !tif.SetDirectory(directory))
        {
            tif.Dispose();
            throw new InputException(path, $"directory {directory}", "cannot read the TIFF directory");
        }

        return tif;
    }

    /// <summary>What LibTiff.NET throws on a malformed directory (self-referencing IFD chains, entry counts past the
    /// end of the file) rather than returning an error.</summary>
    private static bool IsCorruptionSymptom(Exception e) =>
        e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or OverflowException or NullReferenceException or OutOfMemoryException;

    private static string Describe(Exception e) => e switch
    {
        InvalidDataException when e.Message.Contains("Loop", StringComparison.OrdinalIgnoreCase) => "the chain of directories loops back on itself",
        OverflowException or OutOfMemoryException or IndexOutOfRangeException => "a directory's entry count or offset points outside the file",
        _ => "a directory is malformed",
    };

    private static List<short> FindOverviews(Tiff tif, string path, TiffLayout baseLayout)
    {
        var found = new List<(short Dir, int Width)>();
        int count;
        try
        {
            count = tif.NumberOfDirectories();
        }
        catch (Exception e) when (IsCorruptionSymptom(e))
        {
            throw new InputException(path, "directory chain", $"corrupt TIFF: {Describe(e)}", e);
        }

        for (short d = 1; d < count; d++)
        {
            if (!tif.SetDirectory(d)) break;
            var sub = tif.GetField(TiffTag.SUBFILETYPE) is { Length: > 0 } v ? v[0].ToInt() : 0;
            // Bit 0: reduced resolution; bit 2: transparency mask (GDAL's internal masks are skipped).
            if ((sub & 1) == 0 || (sub & 4) != 0) continue;
            var l = TiffLayout.Read(tif, path);
            if (l.SamplesPerPixel != baseLayout.SamplesPerPixel || l.DataType != baseLayout.DataType) continue;
            found.Add((d, l.Width));
        }

        return found.OrderByDescending(f => f.Width).Select(f => f.Dir).ToList();
    }

    private static double? ReadNoData(Tiff tif, string path)
    {
        var text = GeoTiffTags.GetAscii(tif, GeoTiffTags.GdalNoData)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase)) return double.NegativeInfinity;
        throw new InputException(path, "GDAL_NODATA tag", $"nodata value '{text}' is not a number");
    }

    private static (GeoTransform Transform, bool PixelIsPoint, SpatialReference? Crs) ReadGeoreferencing(Tiff tif, string path)
    {
        var dirTag = GeoTiffTags.GetShorts(tif, GeoTiffTags.GeoKeyDirectory);
        var hasTransform = GeoTiffTags.GetDoubles(tif, GeoTiffTags.ModelTransformation) is not null
            || GeoTiffTags.GetDoubles(tif, GeoTiffTags.ModelPixelScale) is not null;
        if (dirTag is null && !hasTransform)
            throw new InputException(path, null, "not a GeoTIFF: no GeoKeyDirectory tag and no georeferencing");
        SpatialReference? crs = null;
        var pixelIsPoint = false;
        if (dirTag is not null)
        {
            var keys = GeoKeyDirectory.Parse(dirTag, GeoTiffTags.GetDoubles(tif, GeoTiffTags.GeoDoubleParams),
                GeoTiffTags.GetAscii(tif, GeoTiffTags.GeoAsciiParams), out var keyProblem);
            if (keyProblem is not null) throw new InputException(path, "GeoKeyDirectory", keyProblem);
            crs = GeoTiffCrs.Resolve(keys, out var crsProblem);
            if (crs is null && crsProblem is not null && !GeoTiffCrs.NamesNone(crsProblem))
            {
                if (!GeoTiffCrs.IsIncomplete(crsProblem)) throw new UnsupportedFormatException(path, crsProblem);
                throw new InputException(path, "GeoKeys", crsProblem);
            }

            pixelIsPoint = keys.GetShort(GeoKeyDirectory.GTRasterType) == 2;
        }

        var matrix = GeoTiffTags.GetDoubles(tif, GeoTiffTags.ModelTransformation);
        if (matrix is { Length: >= 16 })
        {
            if (!matrix.Take(16).All(double.IsFinite)) throw new InputException(path, "ModelTransformation", "the matrix holds a value that is not a finite number");
            var m = new GeoTransform(matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]);
            if (m.PixelWidth * m.PixelHeight - m.RowRotation * m.ColumnRotation == 0)
                throw new InputException(path, "ModelTransformation", "the matrix is singular (a cell has zero size)");
            return (m, pixelIsPoint, crs);
        }

        var scale = GeoTiffTags.GetDoubles(tif, GeoTiffTags.ModelPixelScale);
        var tie = GeoTiffTags.GetDoubles(tif, GeoTiffTags.ModelTiepoint);
        if (scale is not { Length: >= 2 } || tie is not { Length: >= 6 })
        {
            if (tie is { Length: >= 12 })
                throw new UnsupportedFormatException(path, "georeferenced by ground control points only");
            throw new InputException(path, null, "not georeferenced: no ModelPixelScale + ModelTiepoint or ModelTransformation tag");
        }

        if (!double.IsFinite(scale[0]) || !double.IsFinite(scale[1])) throw new InputException(path, "ModelPixelScale", "pixel size is not a finite number");
        if (scale[0] == 0 || scale[1] == 0) throw new InputException(path, "ModelPixelScale", "pixel size is zero");
        if (!tie.Take(6).All(double.IsFinite)) throw new InputException(path, "ModelTiepoint", "the tie point holds a value that is not a finite number");
        var t = new GeoTransform(tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]);
        return (t, pixelIsPoint, crs);
    }
}
