namespace SpatialCarbon.Core.Raster;

/// <summary>Computes one overview level from the level above it (factor 2), block by block: a target block of
/// w × h cells reads a source window of at most 2w × 2h cells, so memory stays bounded. Nearest takes the top-left
/// cell of each 2 × 2 group, which is what GDAL 3.6 `gdaladdo -r nearest` picks.</summary>
public static class OverviewBuilder
{
    /// <summary>Size of the next level: ceil(n / 2), as GDAL sizes its overviews.</summary>
    public static (int Width, int Height) NextLevelSize(int width, int height) => ((width + 1) / 2, (height + 1) / 2);

    /// <summary>Fills <paramref name="destination"/> (target.Width × target.Height cells) with the overview of
    /// <paramref name="source"/>'s band over the target window.</summary>
    public static void ComputeWindow(IRasterSource source, int band, RasterWindow target, OverviewResampling resampling,
        double? noData, Span<double> destination)
    {
        var sx0 = target.X * 2;
        var sy0 = target.Y * 2;
        var sw = Math.Min(target.Width * 2, source.Grid.Width - sx0);
        var sh = Math.Min(target.Height * 2, source.Grid.Height - sy0);
        var src = new double[(long)sw * sh];
        source.ReadWindow(band, new RasterWindow(sx0, sy0, sw, sh), src);
        Reduce(src, sw, sh, target.Width, target.Height, resampling, noData, destination);
    }

    /// <summary>Reduces a source window of <paramref name="sw"/> × <paramref name="sh"/> cells (starting on an even
    /// cell of the level above) to <paramref name="tw"/> × <paramref name="th"/> cells, one per 2 × 2 group; groups
    /// cut by the raster edge use the cells they have.</summary>
    public static void Reduce(ReadOnlySpan<double> src, int sw, int sh, int tw, int th, OverviewResampling resampling,
        double? noData, Span<double> destination)
    {
        Span<double> group = stackalloc double[4];
        for (var r = 0; r < th; r++)
        {
            for (var c = 0; c < tw; c++)
            {
                var n = 0;
                for (var dy = 0; dy < 2; dy++)
                {
                    var y = 2 * r + dy;
                    if (y >= sh) break;
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var x = 2 * c + dx;
                        if (x >= sw) break;
                        group[n++] = src[y * sw + x];
                    }
                }

                destination[r * tw + c] = resampling switch
                {
                    OverviewResampling.Nearest => group[0],
                    OverviewResampling.Average => Average(group[..n], noData),
                    OverviewResampling.Mode => Mode(group[..n], noData),
                    _ => throw new ArgumentOutOfRangeException(nameof(resampling), resampling, "no overview resampling"),
                };
            }
        }
    }

    internal static bool IsValid(double v, double? noData) => !double.IsNaN(v) && v != noData;

    private static double Average(ReadOnlySpan<double> group, double? noData)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in group)
        {
            if (!IsValid(v, noData)) continue;
            sum += v;
            n++;
        }

        return n == 0 ? noData ?? double.NaN : sum / n;
    }

    /// <summary>The most frequent valid value of the group, the smallest on a tie; counted pairwise (a group has at
    /// most four cells), which picks what sorting and counting runs would.</summary>
    private static double Mode(Span<double> group, double? noData)
    {
        var best = noData ?? double.NaN;
        var bestCount = 0;
        for (var i = 0; i < group.Length; i++)
        {
            var v = group[i];
            if (!IsValid(v, noData)) continue;
            var count = 0;
            for (var k = 0; k < group.Length; k++) if (group[k] == v) count++;
            if (count > bestCount || (count == bestCount && v < best))
            {
                best = v;
                bestCount = count;
            }
        }

        return best;
    }
}
