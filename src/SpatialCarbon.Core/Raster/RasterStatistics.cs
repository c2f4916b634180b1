namespace SpatialCarbon.Core.Raster;

/// <summary>Summary statistics of one band over its valid cells, as `gdalinfo -stats` reports them (population
/// standard deviation). Computed block by block in float64 with compensated sums.</summary>
public sealed record RasterStatistics(long ValidCount, long NoDataCount, double Min, double Max, double Mean, double StdDev)
{
    /// <summary>Reads the band block row by block row (bounded memory); nodata and NaN cells are skipped and counted
    /// in <see cref="NoDataCount"/>. Blocks are summed in parallel, then merged in a fixed order so the result does not
    /// depend on thread timing.</summary>
    public static RasterStatistics Compute(IRasterSource source, int band = 1, IProgress<double>? progress = null)
    {
        var grid = source.Grid;
        var rowsPerChunk = Math.Max(1, source.BlockHeight);
        var colsPerChunk = source.BlockWidth >= grid.Width ? grid.Width : Math.Max(1, source.BlockWidth) * Math.Max(1, 1024 / Math.Max(1, source.BlockWidth));
        var across = (grid.Width + colsPerChunk - 1) / colsPerChunk;
        var down = (grid.Height + rowsPerChunk - 1) / rowsPerChunk;
        var parts = new Partial[across * down];
        var noData = source.NoData;
        long done = 0;
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var x = i % across * colsPerChunk;
            var y = i / across * rowsPerChunk;
            var window = new RasterWindow(x, y, Math.Min(colsPerChunk, grid.Width - x), Math.Min(rowsPerChunk, grid.Height - y));
            var values = new double[window.CellCount];
            source.ReadWindow(band, window, values);
            parts[i] = Partial.Of(values, noData);
            if (progress is not null) progress.Report((double)Interlocked.Increment(ref done) / parts.Length);
        });

        var total = new Partial();
        foreach (var p in parts) total = total.Merge(p);
        if (total.Count == 0) return new RasterStatistics(0, total.NoData, double.NaN, double.NaN, double.NaN, double.NaN);
        return new RasterStatistics(total.Count, total.NoData, total.Min, total.Max, total.Mean, Math.Sqrt(total.M2 / total.Count));
    }

    /// <summary>Count, mean and sum of squared deviations of one chunk (Welford within, Chan et al. to merge): stable
    /// in float64 even when the mean is large against the spread.</summary>
    private readonly record struct Partial(long Count, long NoData, double Min, double Max, double Mean, double M2)
    {
        public Partial()
            : this(0, 0, double.PositiveInfinity, double.NegativeInfinity, 0, 0)
        {
        }

        public static Partial Of(ReadOnlySpan<double> values, double? noData)
        {
            long n = 0, skipped = 0;
            double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in values)
            {
                if (!OverviewBuilder.IsValid(v, noData))
                {
                    skipped++;
                    continue;
                }

                n++;
                var d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
                if (v < min) min = v;
                if (v > max) max = v;
            }

            return new Partial(n, skipped, min, max, mean, m2);
        }

        public Partial Merge(Partial o)
        {
            if (o.Count == 0) return this with { NoData = NoData + o.NoData };
            if (Count == 0) return o with { NoData = NoData + o.NoData };
            var n = Count + o.Count;
            var d = o.Mean - Mean;
            return new Partial(n, NoData + o.NoData, Math.Min(Min, o.Min), Math.Max(Max, o.Max),
                Mean + d * o.Count / n, M2 + o.M2 + d * d * Count * o.Count / n);
        }
    }
}
