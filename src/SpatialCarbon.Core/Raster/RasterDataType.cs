namespace SpatialCarbon.Core.Raster;

/// <summary>Pixel data types, as GDAL names them.</summary>
public enum RasterDataType
{
    Byte,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}

/// <summary>Sizes and traits of <see cref="RasterDataType"/>.</summary>
public static class RasterDataTypes
{
    public static int SizeInBytes(this RasterDataType t) => t switch
    {
        RasterDataType.Byte => 1,
        RasterDataType.UInt16 or RasterDataType.Int16 => 2,
        RasterDataType.UInt32 or RasterDataType.Int32 or RasterDataType.Float32 => 4,
        RasterDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    public static bool IsFloatingPoint(this RasterDataType t) => t is RasterDataType.Float32 or RasterDataType.Float64;
}
