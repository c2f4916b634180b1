using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;

namespace SpatialCarbon.Core.Raster;

/// <summary>Writes a GeoTIFF block by block into a temporary file beside the target, builds internal overviews on
/// <see cref="Complete"/> and only then renames it into place, so a failed run never leaves a partial output.</summary>
public sealed class GeoTiffWriter : IDisposable
{
    /// <summary>Largest first overview level (all bands) kept in memory; larger pyramids are read back from the file.</summary>
    public const long InMemoryOverviewBytes = 256L << 20;

    [ThreadStatic] private static byte[]? _blockBuffer;
    [ThreadStatic] private static double[]? _reduceBuffer;

    private readonly Lock gate = new();
    private readonly string tempPath;
    private readonly FileStream stream;
    private readonly Tiff tif;
    private readonly bool[] written;
    private readonly OverviewLevel[]? firstOverview;
    private readonly ConcurrentDictionary<(byte Value, int SamplesPerRow, int Rows), byte[]> uniformBlocks = new();
    private bool completed;
    private bool disposed;

    private GeoTiffWriter(string path, string tempPath, FileStream stream, Tiff tif, RasterGrid grid, GeoTiffWriteOptions options)
    {
        Path = path;
        this.tempPath = tempPath;
        this.stream = stream;
        this.tif = tif;
        Grid = grid;
        Options = options;
        BlockWidth = options.Tiled ? options.BlockSize : grid.Width;
        BlockHeight = Math.Min(options.BlockSize, options.Tiled ? options.BlockSize : grid.Height);
        BlocksAcross = (grid.Width + BlockWidth - 1) / BlockWidth;
        BlocksDown = (grid.Height + BlockHeight - 1) / BlockHeight;
        written = new bool[BlocksAcross * BlocksDown * options.BandCount];
        var (ow, oh) = OverviewBuilder.NextLevelSize(grid.Width, grid.Height);
        if (options.Overviews != OverviewResampling.None && (grid.Width > BlockWidth || grid.Height > BlockHeight)
            && BlockHeight % 2 == 0 && (BlockWidth % 2 == 0 || BlockWidth >= grid.Width)
            && OverviewLevel.Bytes(ow, oh, options.DataType) * options.BandCount <= InMemoryOverviewBytes)
            firstOverview = [.. Enumerable.Range(0, options.BandCount).Select(_ => new OverviewLevel(ow, oh, options.DataType, options.NoData))];
    }

    /// <summary>The target file (written only by <see cref="Complete"/>).</summary>
    public string Path { get; }

    public RasterGrid Grid { get; }

    public GeoTiffWriteOptions Options { get; }

    public int BlockWidth { get; }

    public int BlockHeight { get; }

    private int BlocksAcross { get; }

    private int BlocksDown { get; }

    public static GeoTiffWriter Create(string path, RasterGrid grid, GeoTiffWriteOptions options)
    {
        options.Validate();
        if (grid.Width <= 0 || grid.Height <= 0) throw new ArgumentException($"cannot write an empty {grid.Width}x{grid.Height} grid");
        GeoTiffTags.EnsureInstalled();
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        Tiff? tif = null;
        try
        {
            tif = Tiff.ClientOpen(temp, options.UseBigTiff(grid.Width, grid.Height) ? "w8" : "w", stream, new TiffStream())
                ?? throw new IOException($"cannot create {temp}: {CapturingTiffErrorHandler.TakeLastError()}");
            var writer = new GeoTiffWriter(full, temp, stream, tif, grid, options);
            writer.SetImageTags(grid.Width, grid.Height, overview: false);
            return writer;
        }
        catch
        {
            tif?.Dispose();
            stream.Dispose();
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Copies a whole raster (all bands) into a GeoTIFF, block by block and in parallel.</summary>
    public static void Write(string path, IRasterSource source, GeoTiffWriteOptions options)
    {
        using var writer = Create(path, source.Grid, options);
        var bands = Math.Min(options.BandCount, source.BandCount);
        var blocks = writer.BlocksAcross * writer.BlocksDown;
        Parallel.For(0, blocks * bands, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => Array.Empty<double>(),
            (i, _, buffer) =>
            {
                var band = i / blocks + 1;
                var window = writer.BlockWindow(i % blocks);
                if (buffer.Length < window.CellCount) buffer = new double[window.CellCount];
                source.ReadWindow(band, window, buffer);
                writer.WriteWindow(band, window, buffer.AsSpan(0, (int)window.CellCount));
                return buffer;
            }, _ => { });
        writer.Complete();
    }

    /// <summary>Writes a block-aligned window of one band (1-based): x and y multiples of the block size, width and
    /// height whole blocks or reaching the raster edge. Safe to call from several threads.</summary>
    public void WriteWindow(int band, RasterWindow window, ReadOnlySpan<double> values) => WriteWindow<double>(band, window, values);

    /// <summary>As <see cref="WriteWindow(int, RasterWindow, ReadOnlySpan{double})"/>, with samples either already of the
    /// file's type (byte for Byte, float for Float32, ...: copied as they are, no conversion) or doubles (converted).</summary>
    public void WriteWindow<T>(int band, RasterWindow window, ReadOnlySpan<T> values) where T : unmanaged
    {
        var raw = CheckWindow<T>(band, window, values.Length);
        for (var by = window.Y / BlockHeight; by * BlockHeight < window.Y + window.Height; by++)
        {
            for (var bx = window.X / BlockWidth; bx * BlockWidth < window.X + window.Width; bx++)
            {
                var block = by * BlocksAcross + bx;
                var bw = BlockWindow(block);
                var buffer = FillBlock(values, window, bw, raw);
                if (firstOverview is not null) ReduceIntoFirstOverview(band, bw, buffer);
                WriteBlock(band, block, buffer, BlockWidth, Options.Tiled ? BlockHeight : bw.Height, BlocksAcross * BlocksDown);
                written[(band - 1) * BlocksAcross * BlocksDown + block] = true;
            }
        }
    }

    /// <summary>As <see cref="WriteWindow{T}(int, RasterWindow, ReadOnlySpan{T})"/> for a window of many blocks (a
    /// band of tiles): the blocks are encoded on every core but appended in block order, so the file does not depend
    /// on thread timing and a caller writing windows in a fixed order gets byte-identical files.</summary>
    public void WriteWindow<T>(int band, RasterWindow window, ReadOnlyMemory<T> values) where T : unmanaged
    {
        var raw = CheckWindow<T>(band, window, values.Length);
        var x0 = window.X / BlockWidth;
        var y0 = window.Y / BlockHeight;
        var across = (window.X + window.Width + BlockWidth - 1) / BlockWidth - x0;
        var down = (window.Y + window.Height + BlockHeight - 1) / BlockHeight - y0;
        var encoded = new byte[across * down][];
        Parallel.For(0, across * down, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var bw = BlockWindow((y0 + k / across) * BlocksAcross + x0 + k % across);
            var buffer = FillBlock(values.Span, window, bw, raw);
            if (firstOverview is not null) ReduceIntoFirstOverview(band, bw, buffer);
            encoded[k] = EncodeBlock(buffer, BlockWidth, Options.Tiled ? BlockHeight : bw.Height).ToArray();
        });
        for (var k = 0; k < encoded.Length; k++)
        {
            var block = (y0 + k / across) * BlocksAcross + x0 + k % across;
            WriteEncodedBlock((band - 1) * BlocksAcross * BlocksDown + block, encoded[k]);
            written[(band - 1) * BlocksAcross * BlocksDown + block] = true;
        }
    }

    /// <summary>Validates a window and its sample count; true when the samples are of the file's own type.</summary>
    private bool CheckWindow<T>(int band, RasterWindow window, int valueCount) where T : unmanaged
    {
        if (band < 1 || band > Options.BandCount) throw new ArgumentOutOfRangeException(nameof(band), band, $"the writer has {Options.BandCount} bands");
        if (window.X % BlockWidth != 0 || window.Y % BlockHeight != 0
            || (window.Width % BlockWidth != 0 && window.X + window.Width != Grid.Width)
            || (window.Height % BlockHeight != 0 && window.Y + window.Height != Grid.Height)
            || window.X + window.Width > Grid.Width || window.Y + window.Height > Grid.Height || window.IsEmpty)
            throw new ArgumentException($"window {window} is not aligned to the {BlockWidth}x{BlockHeight} blocks of a {Grid.Width}x{Grid.Height} raster", nameof(window));
        if (valueCount < window.CellCount) throw new ArgumentException($"{valueCount} values for a window of {window.CellCount} cells", "values");
        var raw = IsNativeSample<T>(Options.DataType);
        if (!raw && typeof(T) != typeof(double))
            throw new ArgumentException($"{typeof(T).Name} samples cannot be written to a {Options.DataType} raster; pass {Options.DataType} samples or doubles", "values");
        return raw;
    }

    /// <summary>Reduces a filled block (before the predictor changes it) into the in-memory first overview level.
    /// Blocks start on even cells, so each 2 × 2 group lies inside one block.</summary>
    private void ReduceIntoFirstOverview(int band, RasterWindow block, byte[] buffer)
    {
        if (ByteOverviewReducer.Supports(Options.DataType, Options.Overviews))
        {
            firstOverview![band - 1].ReduceBytesFrom(block, buffer, BlockWidth, Options.Overviews);
            return;
        }

        var cells = (int)block.CellCount;
        var tw = (block.Width + 1) / 2;
        var th = (block.Height + 1) / 2;
        if (_reduceBuffer is null || _reduceBuffer.Length < cells + tw * th) _reduceBuffer = new double[cells + tw * th];
        var src = _reduceBuffer.AsSpan(0, cells);
        var dst = _reduceBuffer.AsSpan(cells, tw * th);
        for (var r = 0; r < block.Height; r++)
            SampleConverter.ToDouble(Options.DataType, buffer, r * BlockWidth, 1, src.Slice(r * block.Width, block.Width));
        OverviewBuilder.Reduce(src, block.Width, block.Height, tw, th, Options.Overviews, Options.NoData, dst);
        firstOverview![band - 1].WriteWindow(new RasterWindow(block.X / 2, block.Y / 2, tw, th), dst);
    }

    private static bool IsNativeSample<T>(RasterDataType type) => type switch
    {
        RasterDataType.Byte => typeof(T) == typeof(byte),
        RasterDataType.UInt16 => typeof(T) == typeof(ushort),
        RasterDataType.Int16 => typeof(T) == typeof(short),
        RasterDataType.UInt32 => typeof(T) == typeof(uint),
        RasterDataType.Int32 => typeof(T) == typeof(int),
        RasterDataType.Float32 => typeof(T) == typeof(float),
        RasterDataType.Float64 => typeof(T) == typeof(double),
        _ => false,
    };

    /// <summary>Fills blocks never written with nodata (or 0), builds the overviews, and moves the file into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed) return;
        var blocks = BlocksAcross * BlocksDown;
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i]) continue;
            var w = BlockWindow(i % blocks);
            var fill = new double[w.CellCount];
            Array.Fill(fill, Options.NoData ?? 0);
            WriteWindow(i / blocks + 1, w, fill);
        }

        lock (gate)
        {
            if (!tif.WriteDirectory()) throw new IOException($"cannot write the TIFF directory of {Path}: {CapturingTiffErrorHandler.TakeLastError()}");
        }

        // Not under the lock: overview blocks are computed in parallel and each write takes it.
        if (Options.Overviews != OverviewResampling.None) BuildOverviews();
        lock (gate)
        {
            tif.Dispose();
            stream.Dispose();
            File.Move(tempPath, Path, overwrite: true);
            completed = true;
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (completed) return;
        tif.Dispose();
        stream.Dispose();
        File.Delete(tempPath);
    }

    private RasterWindow BlockWindow(int block)
    {
        var bx = block % BlocksAcross;
        var by = block / BlocksAcross;
        return new RasterWindow(bx * BlockWidth, by * BlockHeight,
            Math.Min(BlockWidth, Grid.Width - bx * BlockWidth), Math.Min(BlockHeight, Grid.Height - by * BlockHeight));
    }

    /// <summary>Copies the part of <paramref name="values"/> that covers one block into this thread's block buffer
    /// (tiles past the raster edge padded with nodata, as GDAL pads them).</summary>
    private byte[] FillBlock<T>(ReadOnlySpan<T> values, RasterWindow window, RasterWindow block, bool raw) where T : unmanaged
    {
        var size = Options.DataType.SizeInBytes();
        var rows = Options.Tiled ? BlockHeight : block.Height;
        var bytes = BlockWidth * rows * size;
        if (_blockBuffer is null || _blockBuffer.Length < bytes) _blockBuffer = new byte[bytes];
        var buffer = _blockBuffer;
        if (block.Width < BlockWidth || block.Height < rows) SampleConverter.Fill(Options.DataType, Options.NoData ?? 0, buffer, 0, BlockWidth * rows);
        for (var r = 0; r < block.Height; r++)
        {
            var src = values.Slice((block.Y - window.Y + r) * window.Width + (block.X - window.X), block.Width);
            if (raw) MemoryMarshal.AsBytes(src).CopyTo(buffer.AsSpan(r * BlockWidth * size));
            else SampleConverter.FromDouble(Options.DataType, MemoryMarshal.Cast<T, double>(src), buffer, r * BlockWidth);
        }

        return buffer;
    }

    /// <summary>Predicts and compresses on the calling thread, then appends the bytes under the lock.</summary>
    private void WriteBlock(int band, int block, byte[] buffer, int samplesPerRow, int rows, int blocksPerPlane)
    {
        WriteEncodedBlock((band - 1) * blocksPerPlane + block, EncodeBlock(buffer, samplesPerRow, rows));
    }

    /// <summary>Predicts and compresses a block; a block whose bytes are all one value (nodata outside the area, a
    /// constant overview tile) is encoded once per writer and reused, since its encoding depends on nothing else.</summary>
    private ArraySegment<byte> EncodeBlock(byte[] buffer, int samplesPerRow, int rows)
    {
        var length = samplesPerRow * rows * Options.DataType.SizeInBytes();
        var value = buffer[0];
        if (length == 0 || buffer.AsSpan(0, length).IndexOfAnyExcept(value) >= 0)
            return TiffBlockEncoder.Encode(buffer, samplesPerRow, rows, Options.DataType, Options.Compression, Options.Predictor, Options.DeflateLevel);
        var key = (value, samplesPerRow, rows);
        if (uniformBlocks.TryGetValue(key, out var cached)) return cached;
        var encoded = TiffBlockEncoder.Encode(buffer, samplesPerRow, rows, Options.DataType, Options.Compression, Options.Predictor, Options.DeflateLevel).ToArray();
        return uniformBlocks.GetOrAdd(key, encoded);
    }

    private void WriteEncodedBlock(int index, ArraySegment<byte> encoded)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed || completed, this);
            var ok = Options.Tiled
                ? tif.WriteRawTile(index, encoded.Array!, encoded.Offset, encoded.Count) >= 0
                : tif.WriteRawStrip(index, encoded.Array!, encoded.Offset, encoded.Count) >= 0;
            if (!ok) throw new IOException($"cannot write block {index} of {Path}: {CapturingTiffErrorHandler.TakeLastError()}");
        }
    }

    private void SetImageTags(int width, int height, bool overview)
    {
        var o = Options;
        if (overview) tif.SetField(TiffTag.SUBFILETYPE, FileType.REDUCEDIMAGE);
        tif.SetField(TiffTag.IMAGEWIDTH, width);
        tif.SetField(TiffTag.IMAGELENGTH, height);
        tif.SetField(TiffTag.BITSPERSAMPLE, o.DataType.SizeInBytes() * 8);
        tif.SetField(TiffTag.SAMPLESPERPIXEL, o.BandCount);
        tif.SetField(TiffTag.SAMPLEFORMAT, o.DataType switch
        {
            RasterDataType.Float32 or RasterDataType.Float64 => SampleFormat.IEEEFP,
            RasterDataType.Int16 or RasterDataType.Int32 => SampleFormat.INT,
            _ => SampleFormat.UINT,
        });
        tif.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
        tif.SetField(TiffTag.PLANARCONFIG, o.BandCount > 1 ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
        tif.SetField(TiffTag.COMPRESSION, o.Compression switch
        {
            GeoTiffCompression.None => Compression.NONE,
            GeoTiffCompression.Lzw => Compression.LZW,
            GeoTiffCompression.Deflate => Compression.ADOBE_DEFLATE,
            GeoTiffCompression.PackBits => Compression.PACKBITS,
            _ => throw new ArgumentOutOfRangeException(nameof(o.Compression)),
        });
        if (o.Predictor != GeoTiffPredictor.None)
            tif.SetField(TiffTag.PREDICTOR, o.Predictor == GeoTiffPredictor.Horizontal ? Predictor.HORIZONTAL : Predictor.FLOATINGPOINT);
        if (o.Tiled)
        {
            tif.SetField(TiffTag.TILEWIDTH, o.BlockSize);
            tif.SetField(TiffTag.TILELENGTH, o.BlockSize);
        }
        else
        {
            tif.SetField(TiffTag.ROWSPERSTRIP, Math.Min(o.BlockSize, height));
        }

        if (o.NoData is double nd)
            tif.SetField(GeoTiffTags.GdalNoData, double.IsNaN(nd) ? "nan" : nd.ToString("R", CultureInfo.InvariantCulture));
        if (overview) return;

        var t = Grid.Transform;
        if (t.IsAxisAligned && t.PixelWidth > 0 && t.PixelHeight < 0)
        {
            tif.SetField(GeoTiffTags.ModelPixelScale, 3, new[] { t.PixelWidth, -t.PixelHeight, 0.0 });
            tif.SetField(GeoTiffTags.ModelTiepoint, 6, new[] { 0.0, 0, 0, t.OriginX, t.OriginY, 0 });
        }
        else
        {
            tif.SetField(GeoTiffTags.ModelTransformation, 16, new[]
            {
                t.PixelWidth, t.RowRotation, 0, t.OriginX,
                t.ColumnRotation, t.PixelHeight, 0, t.OriginY,
                0, 0, 0, 0,
                0, 0, 0, 1.0,
            });
        }

        var (dir, doubles, ascii) = GeoTiffCrs.ToKeys(Grid.Crs).Serialise();
        tif.SetField(GeoTiffTags.GeoKeyDirectory, dir.Length, dir.Select(u => (short)u).ToArray());
        if (doubles.Length > 0) tif.SetField(GeoTiffTags.GeoDoubleParams, doubles.Length, doubles);
        if (ascii.Length > 0) tif.SetField(GeoTiffTags.GeoAsciiParams, ascii);
    }

    /// <summary>Appends reduced-resolution directories (factors 2, 4, ...) until a level fits in one block; each level
    /// is computed from the one above it: from the levels kept in memory when the first one was reduced as blocks
    /// were written, otherwise read back from the temporary file block by block.</summary>
    private void BuildOverviews()
    {
        int width = Grid.Width, height = Grid.Height, level = 0;
        var memory = firstOverview;
        while (width > BlockWidth || height > BlockHeight)
        {
            if (memory is not null && level > 0) memory = [.. memory.Select(l => l.Reduce(Options.Overviews))];
            GeoTiffReader? baseReader = null;
            GeoTiffReader? source = null;
            IRasterSource? src = null;
            if (memory is null)
            {
                stream.Flush();
                baseReader = GeoTiffReader.Open(tempPath, 16 << 20);
                source = level == 0 ? null : baseReader.OpenOverview(level - 1);
                src = (IRasterSource?)source ?? baseReader;
            }

            (width, height) = OverviewBuilder.NextLevelSize(width, height);
            SetImageTags(width, height, overview: true);
            var bw = Options.Tiled ? BlockWidth : width;
            var bh = Math.Min(Options.Tiled ? BlockHeight : Options.BlockSize, Options.Tiled ? BlockHeight : height);
            var across = (width + bw - 1) / bw;
            var down = (height + bh - 1) / bh;
            var levelWidth = width;
            var levelHeight = height;
            // Blocks are computed in parallel, a chunk at a time, but written in block order: tile offsets then do not
            // depend on thread timing, so two writes of the same data give byte-identical files.
            var total = across * down * Options.BandCount;
            var chunk = Math.Max(1, Environment.ProcessorCount) * 4;
            var encoded = new byte[chunk][];
            for (var first = 0; first < total; first += chunk)
            {
                var count = Math.Min(chunk, total - first);
                var start = first;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
                {
                    var i = start + k;
                    var band = i / (across * down) + 1;
                    var block = i % (across * down);
                    var w = new RasterWindow(block % across * bw, block / across * bh,
                        Math.Min(bw, levelWidth - block % across * bw), Math.Min(bh, levelHeight - block / across * bh));
                    var size = Options.DataType.SizeInBytes();
                    var rows = Options.Tiled ? bh : w.Height;
                    var buffer = new byte[bw * rows * size];
                    if (w.Width < bw || w.Height < rows) SampleConverter.Fill(Options.DataType, Options.NoData ?? 0, buffer, 0, bw * rows);
                    // Levels in memory hold the file's own samples: copied as they are (a double round trip gives the
                    // same bytes).
                    if (memory is not null)
                    {
                        memory[band - 1].CopyWindow(w, buffer, bw);
                    }
                    else
                    {
                        var values = new double[w.CellCount];
                        OverviewBuilder.ComputeWindow(src!, band, w, Options.Overviews, Options.NoData, values);
                        for (var r = 0; r < w.Height; r++)
                            SampleConverter.FromDouble(Options.DataType, values.AsSpan(r * w.Width, w.Width), buffer, r * bw);
                    }

                    encoded[k] = EncodeBlock(buffer, bw, rows).ToArray();
                });
                for (var k = 0; k < count; k++) WriteEncodedBlock(start + k, encoded[k]);
            }
            source?.Dispose();
            baseReader?.Dispose();
            if (!tif.WriteDirectory()) throw new IOException($"cannot write overview {level + 1} of {Path}: {CapturingTiffErrorHandler.TakeLastError()}");
            level++;
        }
    }

}
