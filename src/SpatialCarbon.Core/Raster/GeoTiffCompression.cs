namespace SpatialCarbon.Core.Raster;

/// <summary>Compressions the managed GeoTIFF reader and writer handle.</summary>
public enum GeoTiffCompression
{
    None,
    Lzw,
    Deflate,
    PackBits,
}
