using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
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
    /// hash of (prefix code, byte) reused across blocks, so encoding allocates nothing. Runs of one byte (most of a
    /// land-cover tile) skip the hash: the strings c, cc, ccc, ... of a run byte c are kept by length, so a run costs
    /// one step per code it emits instead of one lookup per byte, with the same codes in the same order.</summary>
    private static ArraySegment<byte> Lzw(ReadOnlySpan<byte> data, Scratch scratch)
    {
        // Worst case: every byte its own 12-bit code, plus the clear codes and the end code.
        var output = scratch.Output(data.Length * 3 / 2 + data.Length / 2000 * 2 + 16);
        var table = scratch.LzwTable;
        var runCodes = scratch.LzwRunCodes;
        var runLength = scratch.LzwRunLength;
        Array.Clear(table);
        Array.Fill(runLength, 1);
        ref var slots = ref MemoryMarshal.GetArrayDataReference(table);
        var bits = new BitWriter(output);
        var width = 9;
        var maxCode = 511;
        var next = FirstCode;

        bits.Put(ClearCode, width);
        if (data.IsEmpty)
        {
            bits.Put(EndOfInformation, width);
            return bits.Finish();
        }

        ref var src = ref MemoryMarshal.GetReference(data);
        var length = data.Length;
        uint prefix = src;
        for (var i = 1; i < length; i++)
        {
            uint c = Unsafe.Add(ref src, i);
            if (prefix == c)
            {
                // A one-byte string followed by more of the same byte. Pure-run strings are only ever made here, and
                // for each byte they exist for every length up to runLength[c] (each is added one longer than the last).
                var r = data[i..].IndexOfAnyExcept((byte)c);
                if (r < 0) r = length - i;
                var codesOfC = runCodes.AsSpan((int)c * LzwRunCodesPerByte, LzwRunCodesPerByte);
                var j = 1;
                while (true)
                {
                    var t = Math.Min(r, runLength[c] - j);
                    j += t;
                    r -= t;
                    i += t;
                    if (r == 0) break;
                    // c^(j+1) is not in the table: emit c^j, add c^(j+1), and start again from the next c.
                    bits.Put(j == 1 ? c : codesOfC[j], width);
                    runLength[c] = j + 1;
                    codesOfC[j + 1] = (ushort)next;
                    if (NextCode(ref next, ref width, ref maxCode, ref bits))
                    {
                        Array.Clear(table);
                        Array.Fill(runLength, 1);
                    }

                    j = 1;
                    r--;
                    i++;
                    if (r == 0) break;
                }

                prefix = j == 1 ? c : codesOfC[j];
                i--; // the loop steps onto the byte after the run
                continue;
            }

            var key = (prefix << 8) | c;
            var slot = (key * 2654435761u) >> (32 - LzwHashBits);
            uint entry;
            while (true)
            {
                entry = Unsafe.Add(ref slots, (int)slot);
                if (entry == 0 || entry >> 12 == key) break;
                slot = (slot + 1) & (LzwHashSize - 1);
            }

            if (entry != 0)
            {
                prefix = entry & 0xFFF;
                continue;
            }

            bits.Put(prefix, width);
            prefix = c;
            // Entries hold the key above the 12-bit code; codes start at 258, so no entry is 0 (an empty slot).
            Unsafe.Add(ref slots, (int)slot) = (key << 12) | (uint)next;
            if (NextCode(ref next, ref width, ref maxCode, ref bits))
            {
                Array.Clear(table);
                Array.Fill(runLength, 1);
            }
        }

        bits.Put(prefix, width);
        // The decoder adds a table entry after this last code too, so the width may step up before EOI.
        next++;
        if (next == MaxCode - 1) bits.Put(ClearCode, width);
        else if (next > maxCode) width++;
        if (next == MaxCode - 1) width = 9;
        bits.Put(EndOfInformation, width);
        return bits.Finish();
    }

    /// <summary>Takes the next free code after an entry was added: widens the codes when they pass 2^width - 1, or
    /// emits a clear code and restarts the table when it is full (true: the caller empties its tables).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextCode(ref int next, ref int width, ref int maxCode, ref BitWriter bits)
    {
        next++;
        if (next == MaxCode - 1)
        {
            bits.Put(ClearCode, width);
            next = FirstCode;
            width = 9;
            maxCode = 511;
            return true;
        }

        if (next > maxCode)
        {
            width++;
            maxCode = (1 << width) - 1;
        }

        return false;
    }

    /// <summary>MSB-first bit packing, 32 bits at a time.</summary>
    private struct BitWriter(byte[] output)
    {
        private ulong buffer;
        private int count;
        private int length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Put(uint code, int width)
        {
            buffer = (buffer << width) | code;
            count += width;
            if (count < 32) return;
            count -= 32;
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(length, 4), (uint)(buffer >> count));
            length += 4;
        }

        public ArraySegment<byte> Finish()
        {
            while (count >= 8)
            {
                count -= 8;
                output[length++] = (byte)(buffer >> count);
            }

            if (count > 0) output[length++] = (byte)(buffer << (8 - count));
            count = 0;
            return new ArraySegment<byte>(output, 0, length);
        }
    }

    private const int LzwHashBits = 14;
    private const int LzwHashSize = 1 << LzwHashBits;
    private const int LzwRunCodesPerByte = MaxCode + 1;

    /// <summary>One thread's reusable buffers.</summary>
    private sealed class Scratch
    {
        private byte[] output = [];

        public byte[] Row { get; set; } = [];

        public MemoryStream Deflated { get; } = new();

        public uint[] LzwTable { get; } = new uint[LzwHashSize];

        /// <summary>Code of the run string c^k at [c * 4096 + k], valid for k up to LzwRunLength[c].</summary>
        public ushort[] LzwRunCodes { get; } = new ushort[256 * LzwRunCodesPerByte];

        public int[] LzwRunLength { get; } = new int[256];

        public byte[] Output(int capacity)
        {
            if (output.Length < capacity) output = new byte[capacity];
            return output;
        }
    }
}
