namespace SpatialCarbon.Core.Raster;

/// <summary>Nearest and mode overview reduction of Byte samples done on the bytes themselves: the same cells as
/// <see cref="OverviewBuilder.Reduce"/> picks (a byte survives the trip through double unchanged), without
/// converting every cell of the pyramid to double and back.</summary>
internal static class ByteOverviewReducer
{
    /// <summary>True when Byte samples with this resampling can be reduced here.</summary>
    public static bool Supports(RasterDataType type, OverviewResampling resampling) =>
        type == RasterDataType.Byte && resampling is OverviewResampling.Nearest or OverviewResampling.Mode;

    /// <summary>The nodata value as a byte, or -1 when no byte can equal it (none, NaN, fractional or out of range):
    /// every byte is then valid, as <see cref="OverviewBuilder.IsValid"/> finds.</summary>
    public static int NoDataByte(double? noData) =>
        noData is double d && d >= 0 && d <= 255 && d == Math.Floor(d) ? (int)d : -1;

    /// <summary>Reduces <paramref name="sw"/> × <paramref name="sh"/> source cells (rows <paramref name="sourceStride"/>
    /// bytes apart, starting on an even cell of the level above) to <paramref name="tw"/> × <paramref name="th"/>
    /// cells, rows <paramref name="targetStride"/> bytes apart; groups cut by the raster edge use the cells they have.</summary>
    public static void Reduce(ReadOnlySpan<byte> source, int sourceStride, int sw, int sh, int tw, int th,
        OverviewResampling resampling, double? noData, Span<byte> target, int targetStride)
    {
        var nd = NoDataByte(noData);
        Span<int> group = stackalloc int[4];
        for (var r = 0; r < th; r++)
        {
            var top = source.Slice(2 * r * sourceStride);
            var hasBottom = 2 * r + 1 < sh;
            var bottom = hasBottom ? source.Slice((2 * r + 1) * sourceStride) : default;
            var row = target.Slice(r * targetStride, tw);
            if (resampling == OverviewResampling.Nearest)
            {
                for (var c = 0; c < tw; c++) row[c] = top[2 * c];
                continue;
            }

            for (var c = 0; c < tw; c++)
            {
                var x = 2 * c;
                var hasRight = x + 1 < sw;
                var a = top[x];
                // Whole groups of one value (most of a land-cover raster, nodata included) need no counting.
                if (hasRight && hasBottom && top[x + 1] == a && bottom[x] == a && bottom[x + 1] == a)
                {
                    row[c] = a;
                    continue;
                }

                var n = 0;
                group[n++] = a;
                if (hasRight) group[n++] = top[x + 1];
                if (hasBottom)
                {
                    group[n++] = bottom[x];
                    if (hasRight) group[n++] = bottom[x + 1];
                }

                row[c] = Mode(group[..n], nd);
            }
        }
    }

    /// <summary>The most frequent valid value, the smallest on a tie; nodata when none is valid.</summary>
    private static byte Mode(ReadOnlySpan<int> group, int noData)
    {
        var best = -1;
        var bestCount = 0;
        for (var i = 0; i < group.Length; i++)
        {
            var v = group[i];
            if (v == noData) continue;
            var count = 0;
            for (var k = 0; k < group.Length; k++) if (group[k] == v) count++;
            if (count > bestCount || (count == bestCount && v < best))
            {
                best = v;
                bestCount = count;
            }
        }

        return (byte)(bestCount == 0 ? Math.Max(noData, 0) : best);
    }
}
