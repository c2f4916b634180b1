using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace SpatialCarbon.Core.Raster;

/// <summary>Keeps LibTiff.NET's errors and warnings off the console: the last error of each thread is kept so the
/// GeoTIFF reader can put the reason into its one-line message.</summary>
internal sealed class CapturingTiffErrorHandler : TiffErrorHandler
{
    [ThreadStatic]
    private static string? lastError;

    /// <summary>Returns and clears the last LibTiff.NET error seen on this thread.</summary>
    public static string? TakeLastError()
    {
        var e = lastError;
        lastError = null;
        return e;
    }

    public static void Clear() => lastError = null;

    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
        lastError = $"{method}: {Format(format, args)}";

    public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }

    public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
    {
    }

    public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }

    private static string Format(string format, object[] args)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }
        catch (FormatException)
        {
            return format;
        }
    }
}
