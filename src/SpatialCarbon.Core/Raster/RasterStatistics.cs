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
            var values = System.Buffers.ArrayPool<double>.Shared.Rent((int)window.CellCount);
            try
            {
                var span = values.AsSpan(0, (int)window.CellCount);
                source.ReadWindow(band, window, span);
                parts[i] = Partial.Of(span, noData);
            }
            finally
            {
                System.Buffers.ArrayPool<double>.Shared.Return(values);
            }

            if (progress is not null) progress.Report((double)Interlocked.Increment(ref done) / parts.Length);
        });

        var total = new Partial();
        foreach (var p in parts) total = total.Merge(p);
        if (total.Count == 0) return new RasterStatistics(0, total.NoData, double.NaN, double.NaN, double.NaN, double.NaN);
        return new RasterStatistics(total.Count, total.NoData, total.Min, total.Max, total.Mean, Math.Sqrt(total.M2 / total.Count));
    }

    /// <summary>Count, mean and sum of squared deviations of one chunk (two passes within, the first a Kahan sum, Chan et al. to merge): stable
    /// in float64 even when the mean is large against the spread.</summary>
    private readonly record struct Partial(long Count, long NoData, double Min, double Max, double Mean, double M2)
    {
        public Partial()
            : this(0, 0, double.PositiveInfinity, double.NegativeInfinity, 0, 0)
        {
        }

        /// <summary>Two passes over a chunk already in memory: the mean first, then squared deviations from it.</summary>
        public static Partial Of(ReadOnlySpan<double> values, double? noData)
        {
            long n = 0;
            double sum = 0, compensation = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            var nd = noData ?? double.NaN;
            foreach (var v in values)
            {
                if (double.IsNaN(v) || v == nd) continue;
                n++;
                var y = v - compensation;
                var t = sum + y;
                compensation = t - sum - y;
                sum = t;
                if (v < min) min = v;
                if (v > max) max = v;
            }

            if (n == 0) return new Partial(0, values.Length, double.PositiveInfinity, double.NegativeInfinity, 0, 0);
            var mean = sum / n;
            // Deviations from the chunk mean are well conditioned: a plain float64 sum keeps ~1e-13 relative here.
            double m2 = 0;
            foreach (var v in values)
            {
                if (double.IsNaN(v) || v == nd) continue;
                var d = v - mean;
                m2 += d * d;
            }

            return new Partial(n, values.Length - n, min, max, mean, m2);
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
