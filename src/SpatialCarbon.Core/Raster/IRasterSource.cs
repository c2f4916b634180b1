namespace SpatialCarbon.Core.Raster;

/// <summary>A raster opened for block-wise reading. Implemented by the managed GeoTIFF reader, the GDAL bridge and
/// in-memory rasters for tests. <see cref="ReadWindow"/> must be safe to call from several threads at once.</summary>
public interface IRasterSource : IDisposable
{
    /// <summary>The file (or a name for in-memory data).</summary>
    string Path { get; }

    RasterGrid Grid { get; }

    int BandCount { get; }

    RasterDataType DataType { get; }

    /// <summary>The nodata value of band 1, if any.</summary>
    double? NoData { get; }

    /// <summary>Natural block size: reads aligned to it decode each block once.</summary>
    int BlockWidth { get; }

    int BlockHeight { get; }

    /// <summary>The lossy codec the file is stored with (JPEG, WebP, lossy JPEG 2000 or LERC), or null: such codecs alter cell
    /// values, harmless for imagery but wrong for class codes (<see cref="CategoricalRaster"/>).</summary>
    string? LossyCompression => null;

    /// <summary>Reads a window of one band (1-based) into <paramref name="destination"/>, row-major, width × height values.</summary>
    void ReadWindow(int band, RasterWindow window, Span<double> destination);

    /// <summary>Reads a window as <see cref="ReadWindow"/> does, for a caller that will not read these blocks again (an
    /// overlay reads each block once): a source with a block cache uses the blocks it already holds and decodes the
    /// others into a buffer it reuses, without caching them, so that the run neither allocates blocks nor evicts
    /// other readers' blocks.</summary>
    void ReadWindowOnce(int band, RasterWindow window, Span<double> destination) => ReadWindow(band, window, destination);
}
