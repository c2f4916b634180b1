using System.Collections.Concurrent;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Gdal;

/// <summary>A raster in any format GDAL opens (JPEG-compressed GeoTIFF, ERDAS .img, netCDF, ENVI, ASCII grids, ...),
/// read window by window through GDALRasterIO into doubles.</summary>
/// <remarks>A GDAL dataset handle must not be used by two threads at once, so each concurrent reader borrows its own
/// handle from a small pool (as many handles as threads ever read at the same time); GDAL's block cache is shared.</remarks>
public sealed unsafe class GdalRasterSource : IRasterSource
{
    private readonly ConcurrentBag<nint> _idle = [];
    private readonly ConcurrentQueue<nint> _all = new();
    private int _disposed;

    /// <summary>Opens a raster with GDAL.</summary>
    /// <exception cref="GdalUnavailableException">GDAL is not installed.</exception>
    /// <exception cref="InputException">GDAL cannot open the file, or it has no bands or an unsupported data type.</exception>
    public GdalRasterSource(string path)
    {
        Path = path;
        GdalLibrary.EnsureAvailable(path);
        var handle = Open();
        try
        {
            Driver = GdalNative.Utf8(GdalNative.GDALGetDriverShortName(GdalNative.GDALGetDatasetDriver(handle))) ?? "unknown";
            BandCount = GdalNative.GDALGetRasterCount(handle);
            if (BandCount < 1) throw new InputException(path, null, $"GDAL ({Driver}) opened it but found no raster band");
            var width = GdalNative.GDALGetRasterXSize(handle);
            var height = GdalNative.GDALGetRasterYSize(handle);
            var gt = stackalloc double[6];
            var transform = GdalNative.GDALGetGeoTransform(handle, gt) == GdalNative.CeNone
                ? GeoTransform.FromArray(new ReadOnlySpan<double>(gt, 6))
                : new GeoTransform(0, 1, 0, 0, 0, 1); // GDAL's own default: pixel coordinates, rows going down
            var (crs, _) = GdalCrs.From(GdalNative.GDALGetSpatialRef(handle), path, "coordinate system");
            Grid = new RasterGrid(width, height, transform, crs);

            var band = GdalNative.GDALGetRasterBand(handle, 1);
            var gdalType = GdalNative.GDALGetRasterDataType(band);
            DataType = MapDataType(gdalType)
                ?? throw new InputException(path, "band 1", $"GDAL data type {GdalNative.Utf8(GdalNative.GDALGetDataTypeName(gdalType))} is not supported (use Byte, (U)Int16, (U)Int32, Float32 or Float64)");
            int bw, bh, hasNoData;
            GdalNative.GDALGetBlockSize(band, &bw, &bh);
            BlockWidth = Math.Max(1, bw);
            BlockHeight = Math.Max(1, bh);
            var noData = GdalNative.GDALGetRasterNoDataValue(band, &hasNoData);
            NoData = hasNoData != 0 ? noData : null;
            var compression = GdalNative.Utf8(GdalNative.GDALGetMetadataItem(handle, "COMPRESSION", "IMAGE_STRUCTURE"));
            LossyCompression = compression is not null && Driver == "GTiff" && compression.StartsWith("LERC", StringComparison.OrdinalIgnoreCase)
                ? LercErrorBound.Lossy(path, band, compression, DataType)
                : Lossy(Driver, compression, GdalNative.Utf8(GdalNative.GDALGetMetadataItem(handle, "COMPRESSION_REVERSIBILITY", "IMAGE_STRUCTURE")));
        }
        catch
        {
            GdalNative.GDALClose(handle);
            throw;
        }

        _all.Enqueue(handle);
        _idle.Add(handle);
    }

    public string Path { get; }

    /// <summary>GDAL's short name of the driver that opened the file (GTiff, HFA, netCDF, ...).</summary>
    public string Driver { get; }

    public RasterGrid Grid { get; }

    public int BandCount { get; }

    public RasterDataType DataType { get; }

    public double? NoData { get; }

    public string? LossyCompression { get; }

    /// <summary>The codec's name when GDAL reports a lossy one: JPEG always; WebP and JPEG 2000 unless GDAL says the
    /// file is lossless. (LERC: <see cref="LercErrorBound"/>.)</summary>
    internal static string? Lossy(string driver, string? compression, string? reversibility)
    {
        if (string.Equals(reversibility, "LOSSY", StringComparison.OrdinalIgnoreCase)) return compression ?? driver;
        if (string.Equals(reversibility, "LOSSLESS", StringComparison.OrdinalIgnoreCase)) return null;
        var c = (compression ?? "").ToUpperInvariant();
        if (c.Contains("JPEG", StringComparison.Ordinal) && !c.Contains("2000", StringComparison.Ordinal) && !c.Contains("XL", StringComparison.Ordinal))
            return "JPEG";
        return c == "WEBP" ? "WebP" : null;
    }

    public int BlockWidth { get; }

    public int BlockHeight { get; }

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (band < 1 || band > BandCount) throw new ArgumentOutOfRangeException(nameof(band), band, $"{Path} has {BandCount} band(s)");
        if (window.IsEmpty || window.X < 0 || window.Y < 0 || window.X + window.Width > Grid.Width || window.Y + window.Height > Grid.Height)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"window outside the {Grid.Width}x{Grid.Height} raster");
        if (destination.Length < window.CellCount)
            throw new ArgumentException($"destination holds {destination.Length} values, the window needs {window.CellCount}", nameof(destination));

        var handle = Rent();
        try
        {
            int err;
            fixed (double* buffer = destination)
            {
                GdalNative.CPLErrorReset();
                err = GdalNative.GDALRasterIO(GdalNative.GDALGetRasterBand(handle, band), GdalNative.GfRead,
                    window.X, window.Y, window.Width, window.Height, buffer, window.Width, window.Height,
                    GdalNative.GdtFloat64, 0, 0);
            }

            if (err != GdalNative.CeNone)
                throw new InputException(Path, $"band {band} window {window.X},{window.Y} {window.Width}x{window.Height}",
                    GdalNative.LastError("GDAL failed to read the pixels"));
        }
        finally
        {
            _idle.Add(handle);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        while (_all.TryDequeue(out var handle)) GdalNative.GDALClose(handle);
        _idle.Clear();
    }

    private nint Rent()
    {
        if (_idle.TryTake(out var handle)) return handle;
        handle = Open();
        _all.Enqueue(handle);
        return handle;
    }

    private nint Open()
    {
        GdalNative.CPLErrorReset();
        var handle = GdalNative.GDALOpenEx(Path, GdalNative.OfRaster | GdalNative.OfReadOnly | GdalNative.OfVerboseError, 0, 0, 0);
        return handle != 0
            ? handle
            : throw new InputException(Path, null, "GDAL cannot open it as a raster: " + GdalNative.LastError("unrecognised format"));
    }

    private static RasterDataType? MapDataType(int gdalType) => gdalType switch
    {
        1 => RasterDataType.Byte,
        2 => RasterDataType.UInt16,
        3 => RasterDataType.Int16,
        4 => RasterDataType.UInt32,
        5 => RasterDataType.Int32,
        6 => RasterDataType.Float32,
        7 => RasterDataType.Float64,
        _ => null, // complex and 64-bit integer bands do not fit the engine's model
    };
}
