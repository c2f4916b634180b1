using System.IO.Compression;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.Raster;

/// <summary>Encodes one TIFF block (predictor, then LZW / Deflate / PackBits) outside LibTiff.NET, so the writer can
/// compress blocks on several threads and only append the raw bytes under its lock. The byte streams follow libtiff's
/// encoders (TIFF 6.0 LZW with early change, zlib-wrapped Deflate, PackBits) so any TIFF reader decodes them.
/// Scratch buffers are per thread: the returned segment is valid until the same thread encodes its next block.</summary>
internal static class TiffBlockEncoder
{
    [ThreadStatic] private static Scratch? _scratch;

    /// <summary>Encodes <paramref name="rows"/> rows of <paramref name="samplesPerRow"/> native-order samples; the
    /// predictor is applied in place to <paramref name="block"/>.</summary>
    public static ArraySegment<byte> Encode(byte[] block, int samplesPerRow, int rows, RasterDataType type,
        GeoTiffCompression compression, GeoTiffPredictor predictor, int deflateLevel = GeoTiffWriteOptions.DefaultDeflateLevel)
    {
        var scratch = _scratch ??= new Scratch();
        var sampleBytes = type.SizeInBytes();
        var rowBytes = samplesPerRow * sampleBytes;
        var length = rowBytes * rows;
        if (predictor != GeoTiffPredictor.None)
        {
            if (predictor == GeoTiffPredictor.FloatingPoint && scratch.Row.Length < rowBytes) scratch.Row = new byte[rowBytes];
            for (var r = 0; r < rows; r++)
            {
                var row = block.AsSpan(r * rowBytes, rowBytes);
                if (predictor == GeoTiffPredictor.Horizontal) HorizontalDifference(row, sampleBytes);
                else FloatingPointDifference(row, sampleBytes, scratch.Row);
            }
        }

        var data = block.AsSpan(0, length);
        return compression switch
        {
            GeoTiffCompression.None => new ArraySegment<byte>(block, 0, length),
            GeoTiffCompression.Lzw => Lzw(data, scratch),
            GeoTiffCompression.Deflate => Deflate(data, deflateLevel, scratch),
            GeoTiffCompression.PackBits => PackBits(data, scratch),
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, null),
        };
    }

    /// <summary>Predictor 2: each sample minus its left neighbour, in the sample's own integer width (wrapping).</summary>
    private static void HorizontalDifference(Span<byte> row, int sampleBytes)
    {
        switch (sampleBytes)
        {
            case 1:
                for (var i = row.Length - 1; i > 0; i--) row[i] = (byte)(row[i] - row[i - 1]);
                break;
            case 2:
                var s = MemoryMarshal.Cast<byte, ushort>(row);
                for (var i = s.Length - 1; i > 0; i--) s[i] = (ushort)(s[i] - s[i - 1]);
                break;
            case 4:
                var w = MemoryMarshal.Cast<byte, uint>(row);
                for (var i = w.Length - 1; i > 0; i--) w[i] -= w[i - 1];
                break;
            default:
                var l = MemoryMarshal.Cast<byte, ulong>(row);
                for (var i = l.Length - 1; i > 0; i--) l[i] -= l[i - 1];
                break;
        }
    }

    /// <summary>Predictor 3 (libtiff fpDiff): split the row's samples into byte planes, most significant first, then
    /// difference the bytes left to right.</summary>
    private static void FloatingPointDifference(Span<byte> row, int sampleBytes, byte[] scratch)
    {
        var count = row.Length / sampleBytes;
        var copy = scratch.AsSpan(0, row.Length);
        row.CopyTo(copy);
        if (sampleBytes == 4)
        {
            // The common Float32 case without the inner loop: four planes written from one 32-bit read.
            var words = MemoryMarshal.Cast<byte, uint>(copy);
            var p3 = row[..count];
            var p2 = row.Slice(count, count);
            var p1 = row.Slice(2 * count, count);
            var p0 = row.Slice(3 * count, count);
            for (var i = 0; i < words.Length; i++)
            {
                var v = words[i];
                p0[i] = (byte)v;
                p1[i] = (byte)(v >> 8);
                p2[i] = (byte)(v >> 16);
                p3[i] = (byte)(v >> 24);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
                for (var b = 0; b < sampleBytes; b++)
                    row[(sampleBytes - b - 1) * count + i] = copy[sampleBytes * i + b];
        }

        for (var i = row.Length - 1; i > 0; i--) row[i] = (byte)(row[i] - row[i - 1]);
    }

    private static ArraySegment<byte> Deflate(ReadOnlySpan<byte> data, int level, Scratch scratch)
    {
        var output = scratch.Deflated;
        output.SetLength(0);
        using (var z = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true)) z.Write(data);
        return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>PackBits: runs of 3 or more equal bytes as (1 - n, byte), the rest as literal groups (n - 1, bytes).</summary>
    private static ArraySegment<byte> PackBits(ReadOnlySpan<byte> data, Scratch scratch)
    {
        var output = scratch.Output(data.Length + data.Length / 128 + 2);
        var o = 0;
        var i = 0;
        while (i < data.Length)
        {
            var run = 1;
            while (i + run < data.Length && run < 128 && data[i + run] == data[i]) run++;
            if (run >= 3)
            {
                output[o++] = (byte)(sbyte)(1 - run);
                output[o++] = data[i];
                i += run;
                continue;
            }

            var start = i;
            var n = 0;
            while (i < data.Length && n < 128)
            {
                if (i + 2 < data.Length && data[i] == data[i + 1] && data[i] == data[i + 2]) break;
                i++;
                n++;
            }

            output[o++] = (byte)(n - 1);
            data.Slice(start, n).CopyTo(output.AsSpan(o));
            o += n;
        }

        return new ArraySegment<byte>(output, 0, o);
    }

    private const int ClearCode = 256;
    private const int EndOfInformation = 257;
    private const int FirstCode = 258;
    private const int MaxCode = 4095;

    /// <summary>TIFF LZW as libtiff writes it: MSB-first codes from 9 to 12 bits, widening when the next free code
    /// passes 2^bits - 1, and a clear code when the table reaches 4094 entries. The string table is an open-addressing
    /// hash of (prefix code, byte) reused across blocks, so encoding allocates nothing.</summary>
    private static ArraySegment<byte> Lzw(ReadOnlySpan<byte> data, Scratch scratch)
    {
        // Worst case: every byte its own 12-bit code, plus the clear codes and the end code.
        var output = scratch.Output(data.Length * 3 / 2 + data.Length / 2000 * 2 + 16);
        var keys = scratch.LzwKeys;
        var codes = scratch.LzwCodes;
        Array.Clear(keys);
        var o = 0;
        ulong bitBuffer = 0;
        var bitCount = 0;
        var bits = 9;
        var maxCode = 511;
        var next = FirstCode;

        void Put(int code, byte[] output, ref int o)
        {
            bitBuffer = (bitBuffer << bits) | (uint)code;
            bitCount += bits;
            while (bitCount >= 8)
            {
                bitCount -= 8;
                output[o++] = (byte)(bitBuffer >> bitCount);
            }
        }

        Put(ClearCode, output, ref o);
        if (data.IsEmpty)
        {
            Put(EndOfInformation, output, ref o);
        }
        else
        {
            int prefix = data[0];
            for (var i = 1; i < data.Length; i++)
            {
                var c = data[i];
                // Keys are stored plus one so that 0 marks an empty slot.
                var key = ((prefix << 8) | c) + 1;
                var slot = (int)(((uint)key * 2654435761u) >> (32 - LzwHashBits));
                while (true)
                {
                    var k = keys[slot];
                    if (k == key || k == 0) break;
                    slot = (slot + 1) & (LzwHashSize - 1);
                }

                if (keys[slot] == key)
                {
                    prefix = codes[slot];
                    continue;
                }

                Put(prefix, output, ref o);
                prefix = c;
                keys[slot] = key;
                codes[slot] = next++;
                if (next == MaxCode - 1)
                {
                    Put(ClearCode, output, ref o);
                    Array.Clear(keys);
                    next = FirstCode;
                    bits = 9;
                    maxCode = 511;
                }
                else if (next > maxCode)
                {
                    bits++;
                    maxCode = (1 << bits) - 1;
                }
            }

            Put(prefix, output, ref o);
            // The decoder adds a table entry after this last code too, so the width may step up before EOI.
            next++;
            if (next == MaxCode - 1) Put(ClearCode, output, ref o);
            else if (next > maxCode) bits++;
            if (next == MaxCode - 1) bits = 9;
            Put(EndOfInformation, output, ref o);
        }

        if (bitCount > 0) output[o++] = (byte)(bitBuffer << (8 - bitCount));
        return new ArraySegment<byte>(output, 0, o);
    }

    private const int LzwHashBits = 14;
    private const int LzwHashSize = 1 << LzwHashBits;

    /// <summary>One thread's reusable buffers.</summary>
    private sealed class Scratch
    {
        private byte[] output = [];

        public byte[] Row { get; set; } = [];

        public MemoryStream Deflated { get; } = new();

        public int[] LzwKeys { get; } = new int[LzwHashSize];

        public int[] LzwCodes { get; } = new int[LzwHashSize];

        public byte[] Output(int capacity)
        {
            if (output.Length < capacity) output = new byte[capacity];
            return output;
        }
    }
}
