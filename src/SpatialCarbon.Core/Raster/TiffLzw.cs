namespace SpatialCarbon.Core.Raster;

/// <summary>A fast decoder for TIFF's LZW (codes of 9–12 bits, most significant bit first, early change), which
/// land-cover rasters are nearly always compressed with. Every table entry's string already lies in the output (it is
/// the previous string plus the first byte of the next, and the two were written one after the other), so an entry is
/// a (start, length) pair and decoding a code is one copy, instead of a walk down a chain of prefixes.</summary>
/// <remarks>Only a stream that fills the block exactly is accepted; anything else (old-style LZW, a corrupt or short
/// stream) returns false so that the caller decodes it with libtiff, which has the last word on odd files.</remarks>
internal static class TiffLzw
{
    private const int Clear = 256;
    private const int EndOfInformation = 257;
    private const int FirstFree = 258;
    private const int TableSize = 4096;

    [ThreadStatic]
    private static int[]? t_start;

    [ThreadStatic]
    private static int[]? t_length;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>; false when the stream is not
    /// one this decoder vouches for (the destination then holds garbage).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // Old-style (pre-TIFF 6) LZW is stored least significant bit first: libtiff detects it by these two bytes.
        if (source.Length >= 2 && source[0] == 0 && (source[1] & 1) != 0) return false;
        var start = t_start ??= new int[TableSize];
        var length = t_length ??= new int[TableSize];

        ulong bits = 0;
        var bitCount = 0;
        var input = 0;
        var width = 9;
        var next = FirstFree;
        int prevStart = -1, prevLength = 0;
        var o = 0;
        while (true)
        {
            while (bitCount < width)
            {
                if (input >= source.Length) return o == destination.Length;
                bits = (bits << 8) | source[input++];
                bitCount += 8;
            }

            bitCount -= width;
            var code = (int)(bits >> bitCount) & ((1 << width) - 1);
            if (code == EndOfInformation) return o == destination.Length;
            if (code == Clear)
            {
                width = 9;
                next = FirstFree;
                prevStart = -1;
                continue;
            }

            int curLength;
            if (code < Clear)
            {
                if (o >= destination.Length) return false;
                destination[o] = (byte)code;
                curLength = 1;
            }
            else if (code < next)
            {
                curLength = length[code];
                if (o + curLength > destination.Length) return false;
                destination.Slice(start[code], curLength).CopyTo(destination.Slice(o, curLength));
            }
            else if (code == next && prevStart >= 0)
            {
                // The string being defined: the previous one plus its own first byte.
                curLength = prevLength + 1;
                if (o + curLength > destination.Length) return false;
                destination.Slice(prevStart, prevLength).CopyTo(destination.Slice(o, prevLength));
                destination[o + prevLength] = destination[prevStart];
            }
            else
            {
                return false;
            }

            if (prevStart >= 0 && next < TableSize)
            {
                start[next] = prevStart;
                length[next] = prevLength + 1;
                next++;
                if (next == (1 << width) - 1 && width < 12) width++;
            }

            prevStart = o;
            prevLength = curLength;
            o += curLength;
        }
    }
}
