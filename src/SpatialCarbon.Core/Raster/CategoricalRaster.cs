namespace SpatialCarbon.Core.Raster;

/// <summary>Checks a raster of class codes (land use, forest type) before it is used: codes must be stored as whole
/// numbers and without a lossy codec, since a JPEG-blurred or floating-point code is a different class or none.</summary>
public static class CategoricalRaster
{
    /// <summary>Returns <paramref name="raster"/> when it can hold class codes; otherwise disposes it and throws
    /// <see cref="InputException"/> naming the file, the <paramref name="role"/> ("land use") and the fix.</summary>
    public static IRasterSource Ensure(IRasterSource raster, string role)
    {
        string? problem = null;
        if (raster.DataType.IsFloatingPoint())
        {
            problem = $"{role} holds class codes, but this raster stores {raster.DataType} values; save it with an integer type (gdal_translate -ot Int16)";
        }
        else if (raster.LossyCompression is { } codec)
        {
            problem = $"{role} holds class codes, but this raster is stored with lossy {codec} compression, which changes codes; save it losslessly (gdal_translate -co COMPRESS=DEFLATE)";
        }

        if (problem is null) return raster;
        raster.Dispose();
        throw new InputException(raster.Path, null, problem);
    }
}
