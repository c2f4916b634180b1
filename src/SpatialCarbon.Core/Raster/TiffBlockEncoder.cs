using System.IO.Compression;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.Raster;

/// <summary>Encodes one TIFF block (predictor, then LZW / Deflate / PackBits) outside LibTiff.NET, so the writer can
/// compress blocks on several threads and only append the raw bytes under its lock. The byte streams follow libtiff's
/// encoders (TIFF 6.0 LZW with early change, zlib-wrapped Deflate, PackBits) so any TIFF reader decodes them.</summary>
internal static class TiffBlockEncoder
{
    /// <summary>Encodes <paramref name="rows"/> rows of <paramref name="samplesPerRow"/> native-order samples; the
    /// predictor is applied in place to <paramref name="block"/>.</summary>
    public static byte[] Encode(byte[] block, int samplesPerRow, int rows, RasterDataType type,
        GeoTiffCompression compression, GeoTiffPredictor predictor)
    {
        var sampleBytes = type.SizeInBytes();
        var rowBytes = samplesPerRow * sampleBytes;
        var length = rowBytes * rows;
        if (predictor != GeoTiffPredictor.None)
        {
            var scratch = predictor == GeoTiffPredictor.FloatingPoint ? new byte[rowBytes] : [];
            for (var r = 0; r < rows; r++)
            {
                var row = block.AsSpan(r * rowBytes, rowBytes);
                if (predictor == GeoTiffPredictor.Horizontal) HorizontalDifference(row, sampleBytes);
                else FloatingPointDifference(row, sampleBytes, scratch);
            }
        }

        return compression switch
        {
            GeoTiffCompression.None => block.AsSpan(0, length).ToArray(),
            GeoTiffCompression.Lzw => Lzw(block.AsSpan(0, length)),
            GeoTiffCompression.Deflate => Deflate(block.AsSpan(0, length)),
            GeoTiffCompression.PackBits => PackBits(block.AsSpan(0, length)),
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
        row.CopyTo(scratch);
        for (var i = 0; i < count; i++)
            for (var b = 0; b < sampleBytes; b++)
                row[(sampleBytes - b - 1) * count + i] = scratch[sampleBytes * i + b];
        for (var i = row.Length - 1; i > 0; i--) row[i] = (byte)(row[i] - row[i - 1]);
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    /// <summary>PackBits: runs of 3 or more equal bytes as (1 - n, byte), the rest as literal groups (n - 1, bytes).</summary>
    private static byte[] PackBits(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream(data.Length + data.Length / 128 + 2);
        var i = 0;
        while (i < data.Length)
        {
            var run = 1;
            while (i + run < data.Length && run < 128 && data[i + run] == data[i]) run++;
            if (run >= 3)
            {
                output.WriteByte((byte)(sbyte)(1 - run));
                output.WriteByte(data[i]);
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

            output.WriteByte((byte)(n - 1));
            output.Write(data.Slice(start, n));
        }

        return output.ToArray();
    }

    private const int ClearCode = 256;
    private const int EndOfInformation = 257;
    private const int FirstCode = 258;
    private const int MaxCode = 4095;

    /// <summary>TIFF LZW as libtiff writes it: MSB-first codes from 9 to 12 bits, widening when the next free code
    /// passes 2^bits - 1, and a clear code when the table reaches 4094 entries.</summary>
    private static byte[] Lzw(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length / 2 + 16);
        var table = new Dictionary<int, int>(4096);
        long bitBuffer = 0;
        var bitCount = 0;
        var bits = 9;
        var maxCode = 511;
        var next = FirstCode;

        void Put(int code)
        {
            bitBuffer = (bitBuffer << bits) | (uint)code;
            bitCount += bits;
            while (bitCount >= 8)
            {
                output.Add((byte)(bitBuffer >> (bitCount - 8)));
                bitCount -= 8;
            }

            bitBuffer &= (1L << bitCount) - 1;
        }

        Put(ClearCode);
        if (data.IsEmpty)
        {
            Put(EndOfInformation);
        }
        else
        {
            int prefix = data[0];
            for (var i = 1; i < data.Length; i++)
            {
                var c = data[i];
                var key = (prefix << 8) | c;
                if (table.TryGetValue(key, out var code))
                {
                    prefix = code;
                    continue;
                }

                Put(prefix);
                prefix = c;
                table[key] = next++;
                if (next == MaxCode - 1)
                {
                    Put(ClearCode);
                    table.Clear();
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

            Put(prefix);
            // The decoder adds a table entry after this last code too, so the width may step up before EOI.
            next++;
            if (next == MaxCode - 1) Put(ClearCode);
            else if (next > maxCode) bits++;
            if (next == MaxCode - 1) bits = 9;
            Put(EndOfInformation);
        }

        if (bitCount > 0) output.Add((byte)(bitBuffer << (8 - bitCount)));
        return output.ToArray();
    }
}
