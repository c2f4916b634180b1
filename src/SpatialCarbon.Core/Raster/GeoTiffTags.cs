using BitMiracle.LibTiff.Classic;

namespace SpatialCarbon.Core.Raster;

/// <summary>The GeoTIFF and GDAL private tags, registered with LibTiff.NET through its tag extender, and the
/// capturing error handler so that LibTiff.NET never prints to the console.</summary>
internal static class GeoTiffTags
{
    public const TiffTag ModelPixelScale = (TiffTag)33550;
    public const TiffTag ModelTiepoint = (TiffTag)33922;
    public const TiffTag ModelTransformation = (TiffTag)34264;
    public const TiffTag GeoKeyDirectory = (TiffTag)34735;
    public const TiffTag GeoDoubleParams = (TiffTag)34736;
    public const TiffTag GeoAsciiParams = (TiffTag)34737;
    public const TiffTag GdalMetadata = (TiffTag)42112;
    public const TiffTag GdalNoData = (TiffTag)42113;

    private static readonly Lock Gate = new();
    private static Tiff.TiffExtendProc? parent;
    private static bool installed;

    private static readonly TiffFieldInfo[] Fields =
    [
        new(ModelPixelScale, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScale"),
        new(ModelTiepoint, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepoint"),
        new(ModelTransformation, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformation"),
        new(GeoKeyDirectory, -1, -1, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectory"),
        new(GeoDoubleParams, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParams"),
        new(GeoAsciiParams, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GeoAsciiParams"),
        new(GdalMetadata, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GDALMetadata"),
        new(GdalNoData, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataValue"),
    ];

    /// <summary>Installs the tag extender and the error handler once per process; call before any Tiff.Open.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed) return;
            Tiff.SetErrorHandler(new CapturingTiffErrorHandler());
            parent = Tiff.SetTagExtender(Extend);
            installed = true;
        }
    }

    private static void Extend(Tiff tif)
    {
        tif.MergeFieldInfo(Fields, Fields.Length);
        parent?.Invoke(tif);
    }

    /// <summary>Doubles of a counted array tag, or null when absent.</summary>
    public static double[]? GetDoubles(Tiff tif, TiffTag tag)
    {
        var v = tif.GetField(tag);
        return v is { Length: >= 2 } ? v[1].ToDoubleArray() : null;
    }

    public static ushort[]? GetShorts(Tiff tif, TiffTag tag)
    {
        var v = tif.GetField(tag);
        return v is { Length: >= 2 } ? v[1].ToUShortArray() : null;
    }

    public static string? GetAscii(Tiff tif, TiffTag tag)
    {
        var v = tif.GetField(tag);
        if (v is not { Length: >= 1 }) return null;
        var s = v[^1].ToString();
        return s?.TrimEnd('\0');
    }
}
