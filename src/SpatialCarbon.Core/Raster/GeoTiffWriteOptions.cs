namespace SpatialCarbon.Core.Raster;

/// <summary>How <see cref="GeoTiffWriter"/> lays out a GeoTIFF. <paramref name="BigTiff"/> null means automatic
/// (BigTIFF when the uncompressed data with overviews would pass ~3.9 GB); <paramref name="BlockSize"/> is the tile
/// edge, or the rows per strip when <paramref name="Tiled"/> is false; <paramref name="DeflateLevel"/> is zlib's level
/// (1 fastest … 9 smallest) when <paramref name="Compression"/> is Deflate.</summary>
public sealed record GeoTiffWriteOptions(
    RasterDataType DataType,
    double? NoData = null,
    GeoTiffCompression Compression = GeoTiffCompression.Lzw,
    GeoTiffPredictor Predictor = GeoTiffPredictor.None,
    bool Tiled = true,
    int BlockSize = 256,
    bool? BigTiff = null,
    OverviewResampling Overviews = OverviewResampling.None,
    int BandCount = 1,
    int DeflateLevel = GeoTiffWriteOptions.DefaultDeflateLevel)
{
    /// <summary>zlib's own default level, which GDAL also uses (ZLEVEL=6).</summary>
    public const int DefaultDeflateLevel = 6;

    /// <summary>Uncompressed size above which BigTIFF is chosen automatically.</summary>
    public const long BigTiffThresholdBytes = 3_900_000_000;

    /// <summary>Throws <see cref="ArgumentException"/> for combinations TIFF cannot hold.</summary>
    public void Validate()
    {
        if (DeflateLevel is < 1 or > 9) throw new ArgumentException($"DeflateLevel must be 1 to 9, got {DeflateLevel}");
        if (BandCount < 1) throw new ArgumentException($"BandCount must be at least 1, got {BandCount}");
        if (BlockSize < 16 || (Tiled && BlockSize % 16 != 0))
            throw new ArgumentException($"BlockSize must be at least 16 and, for tiles, a multiple of 16; got {BlockSize}");
        if (Predictor == GeoTiffPredictor.FloatingPoint && !DataType.IsFloatingPoint())
            throw new ArgumentException($"the floating-point predictor needs Float32 or Float64 data, not {DataType}");
        if (Predictor == GeoTiffPredictor.Horizontal && DataType == RasterDataType.Float64)
            throw new ArgumentException("the horizontal predictor is not available for Float64 data; use the floating-point predictor");
        if (Predictor != GeoTiffPredictor.None && Compression is not (GeoTiffCompression.Lzw or GeoTiffCompression.Deflate))
            throw new ArgumentException("a predictor needs LZW or Deflate compression");
    }

    /// <summary>Whether the file is written as BigTIFF for a raster of this size.</summary>
    public bool UseBigTiff(long width, long height)
    {
        if (BigTiff is bool forced) return forced;
        var bytes = width * height * BandCount * DataType.SizeInBytes();
        if (Overviews != OverviewResampling.None) bytes += bytes / 3;
        return bytes > BigTiffThresholdBytes;
    }
}
