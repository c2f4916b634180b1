using System.Runtime.InteropServices;

namespace SpatialCarbon.Gdal;

/// <summary>P/Invoke declarations for the parts of GDAL's C API the bridge uses (GDAL 3.6, libgdal.so.32).</summary>
/// <remarks>The library name is the logical <see cref="Library"/>; <see cref="GdalLibrary"/> resolves it to the
/// versioned system library, so nothing here is bound until GDAL is known to be loadable. Functions returning
/// <c>const char*</c> return nint: GDAL owns that memory and it is read with Marshal.PtrToStringUTF8.</remarks>
internal static unsafe partial class GdalNative
{
    public const string Library = "spatialcarbon-gdal";

    // GDALOpenEx flags (gdal.h).
    public const uint OfReadOnly = 0x00;
    public const uint OfRaster = 0x02;
    public const uint OfVector = 0x04;
    public const uint OfVerboseError = 0x40;

    public const int CeNone = 0;
    public const int GfRead = 0;
    public const int GdtFloat64 = 7;
    public const int WkbNdr = 1;
    public const int OamsTraditionalGisOrder = 0;

    [LibraryImport(Library)]
    public static partial void GDALAllRegister();

    [LibraryImport(Library)]
    public static partial void GDALSetCacheMax64(long bytes);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GDALOpenEx(string path, uint flags, nint allowedDrivers, nint openOptions, nint siblingFiles);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GDALIdentifyDriverEx(string path, uint flags, nint allowedDrivers, nint siblingFiles);

    [LibraryImport(Library)]
    public static partial void GDALClose(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetDatasetDriver(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetDriverShortName(nint driver);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterXSize(nint dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GDALGetMetadataItem(nint majorObject, string name, string domain);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterYSize(nint dataset);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterCount(nint dataset);

    [LibraryImport(Library)]
    public static partial int GDALGetGeoTransform(nint dataset, double* transform);

    [LibraryImport(Library)]
    public static partial nint GDALGetProjectionRef(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetSpatialRef(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetRasterBand(nint dataset, int band);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterDataType(nint band);

    [LibraryImport(Library)]
    public static partial nint GDALGetDataTypeName(int type);

    [LibraryImport(Library)]
    public static partial void GDALGetBlockSize(nint band, int* x, int* y);

    [LibraryImport(Library)]
    public static partial double GDALGetRasterNoDataValue(nint band, int* hasNoData);

    [LibraryImport(Library)]
    public static partial int GDALRasterIO(nint band, int rwFlag, int x, int y, int width, int height, void* data,
        int bufferWidth, int bufferHeight, int bufferType, int pixelSpace, int lineSpace);

    [LibraryImport(Library)]
    public static partial int GDALDatasetGetLayerCount(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALDatasetGetLayer(nint dataset, int index);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GDALDatasetGetLayerByName(nint dataset, string name);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetName(nint layer);

    [LibraryImport(Library)]
    public static partial void OGR_L_ResetReading(nint layer);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetNextFeature(nint layer);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetLayerDefn(nint layer);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetSpatialRef(nint layer);

    [LibraryImport(Library)]
    public static partial int OGR_FD_GetFieldCount(nint featureDefn);

    [LibraryImport(Library)]
    public static partial nint OGR_FD_GetFieldDefn(nint featureDefn, int index);

    [LibraryImport(Library)]
    public static partial nint OGR_Fld_GetNameRef(nint fieldDefn);

    [LibraryImport(Library)]
    public static partial int OGR_Fld_GetType(nint fieldDefn);

    [LibraryImport(Library)]
    public static partial int OGR_Fld_GetSubType(nint fieldDefn);

    [LibraryImport(Library)]
    public static partial long OGR_F_GetFID(nint feature);

    [LibraryImport(Library)]
    public static partial nint OGR_F_GetGeometryRef(nint feature);

    [LibraryImport(Library)]
    public static partial int OGR_F_IsFieldSetAndNotNull(nint feature, int index);

    [LibraryImport(Library)]
    public static partial long OGR_F_GetFieldAsInteger64(nint feature, int index);

    [LibraryImport(Library)]
    public static partial double OGR_F_GetFieldAsDouble(nint feature, int index);

    [LibraryImport(Library)]
    public static partial nint OGR_F_GetFieldAsString(nint feature, int index);

    [LibraryImport(Library)]
    public static partial int OGR_F_GetFieldAsDateTimeEx(nint feature, int index, int* year, int* month, int* day,
        int* hour, int* minute, float* second, int* tzFlag);

    [LibraryImport(Library)]
    public static partial void OGR_F_Destroy(nint feature);

    [LibraryImport(Library)]
    public static partial int OGR_G_IsEmpty(nint geometry);

    [LibraryImport(Library)]
    public static partial int OGR_G_HasCurveGeometry(nint geometry, int lookForNonLinear);

    [LibraryImport(Library)]
    public static partial nint OGR_G_GetLinearGeometry(nint geometry, double maxAngleStepDegrees, nint options);

    [LibraryImport(Library)]
    public static partial void OGR_G_DestroyGeometry(nint geometry);

    [LibraryImport(Library)]
    public static partial int OGR_G_WkbSize(nint geometry);

    [LibraryImport(Library)]
    public static partial int OGR_G_ExportToIsoWkb(nint geometry, int byteOrder, byte* buffer);

    [LibraryImport(Library)]
    public static partial nint OSRClone(nint srs);

    [LibraryImport(Library)]
    public static partial void OSRDestroySpatialReference(nint srs);

    [LibraryImport(Library)]
    public static partial void OSRSetAxisMappingStrategy(nint srs, int strategy);

    [LibraryImport(Library)]
    public static partial int OSRAutoIdentifyEPSG(nint srs);

    [LibraryImport(Library)]
    public static partial nint OSRGetAuthorityName(nint srs, nint targetKey);

    [LibraryImport(Library)]
    public static partial nint OSRGetAuthorityCode(nint srs, nint targetKey);

    [LibraryImport(Library)]
    public static partial int OSRExportToWkt(nint srs, nint* wkt);

    [LibraryImport(Library)]
    public static partial void VSIFree(nint memory);

    [LibraryImport(Library)]
    public static partial nint CPLGetLastErrorMsg();

    [LibraryImport(Library)]
    public static partial void CPLErrorReset();

    [LibraryImport(Library)]
    public static partial nint CPLSetErrorHandler(nint handler);

    /// <summary>A GDAL-owned UTF-8 string, or null for a null pointer.</summary>
    public static string? Utf8(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>The last error GDAL recorded on this thread, or a fallback when it recorded none.</summary>
    public static string LastError(string fallback) =>
        Utf8(CPLGetLastErrorMsg()) is { Length: > 0 } message ? message.ReplaceLineEndings(" ") : fallback;
}
