namespace SpatialCarbon.Core.Raster;

/// <summary>One overview level of a band held in memory as native samples (a quarter of the level above), so the
/// writer builds its pyramid without decoding what it has just written. Windows read and write as doubles; writes to
/// disjoint windows may run on several threads.</summary>
internal sealed class OverviewLevel(int width, int height, RasterDataType dataType, double? noData) : IRasterSource
{
    private readonly byte[] samples = new byte[(long)width * height * dataType.SizeInBytes()];

    /// <summary>Bytes needed for a level of this size.</summary>
    public static long Bytes(int width, int height, RasterDataType dataType) => (long)width * height * dataType.SizeInBytes();

    public string Path => "overview";

    public RasterGrid Grid { get; } = new(width, height, new GeoTransform(0, 1, 0, 0, 0, -1), null);

    public int BandCount => 1;

    public RasterDataType DataType => dataType;

    public double? NoData => noData;

    public int BlockWidth => width;

    public int BlockHeight => 1;

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        for (var r = 0; r < window.Height; r++)
            SampleConverter.ToDouble(dataType, samples, (window.Y + r) * width + window.X, 1, destination.Slice(r * window.Width, window.Width));
    }

    /// <summary>Copies a window's native samples into <paramref name="buffer"/>, rows <paramref name="stride"/> samples
    /// apart: what <see cref="ReadWindow"/> and a conversion back to the file's type would give, without the doubles.</summary>
    public void CopyWindow(RasterWindow window, byte[] buffer, int stride)
    {
        var size = dataType.SizeInBytes();
        for (var r = 0; r < window.Height; r++)
        {
            var offset = (int)(((long)(window.Y + r) * width + window.X) * size);
            samples.AsSpan(offset, window.Width * size).CopyTo(buffer.AsSpan(r * stride * size));
        }
    }

    /// <summary>Reduces a block of the level above, Byte samples rows <paramref name="stride"/> apart, into this level
    /// (see <see cref="ByteOverviewReducer"/>); the block starts on even cells.</summary>
    public void ReduceBytesFrom(RasterWindow block, byte[] buffer, int stride, OverviewResampling resampling)
    {
        var tw = (block.Width + 1) / 2;
        var th = (block.Height + 1) / 2;
        ByteOverviewReducer.Reduce(buffer, stride, block.Width, block.Height, tw, th, resampling, noData,
            samples.AsSpan(block.Y / 2 * width + block.X / 2), width);
    }

    public void WriteWindow(RasterWindow window, ReadOnlySpan<double> values)
    {
        for (var r = 0; r < window.Height; r++)
            SampleConverter.FromDouble(dataType, values.Slice(r * window.Width, window.Width), samples, (window.Y + r) * width + window.X);
    }

    /// <summary>The next level (factor 2), computed here in parallel over row bands.</summary>
    public OverviewLevel Reduce(OverviewResampling resampling)
    {
        var (w, h) = OverviewBuilder.NextLevelSize(width, height);
        var next = new OverviewLevel(w, h, dataType, noData);
        const int rows = 64;
        if (ByteOverviewReducer.Supports(dataType, resampling))
        {
            Parallel.For(0, (h + rows - 1) / rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
            {
                var th = Math.Min(rows, h - b * rows);
                var sh = Math.Min(2 * th, height - 2 * b * rows);
                ByteOverviewReducer.Reduce(samples.AsSpan(2 * b * rows * width), width, width, sh, w, th, resampling, noData,
                    next.samples.AsSpan(b * rows * w), w);
            });
            return next;
        }

        Parallel.For(0, (h + rows - 1) / rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var target = new RasterWindow(0, b * rows, w, Math.Min(rows, h - b * rows));
            var values = new double[target.CellCount];
            OverviewBuilder.ComputeWindow(this, 1, target, resampling, noData, values);
            next.WriteWindow(target, values);
        });
        return next;
    }

    public void Dispose()
    {
    }
}
