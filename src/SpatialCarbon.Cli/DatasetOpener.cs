using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli;

/// <summary>Opens the rasters and vectors a command is given: the managed readers first, and the GDAL bridge for
/// what they refuse as an unsupported format; when GDAL cannot help either, the error says both why.</summary>
public static class DatasetOpener
{
    /// <summary>Opens a raster with <paramref name="managed"/>, falling back to <paramref name="gdal"/> when it
    /// throws <see cref="UnsupportedFormatException"/>.</summary>
    internal static IRasterSource OpenRaster(string path, Func<string, IRasterSource> managed, Func<string, IRasterSource> gdal) =>
        WithFallback(path, managed, gdal);

    /// <summary>Reads a vector layer with <paramref name="managed"/>, falling back to <paramref name="gdal"/> when
    /// it throws <see cref="UnsupportedFormatException"/>.</summary>
    internal static VectorLayer ReadVector(string path, string? layer, Func<string, string?, VectorLayer> managed,
        Func<string, string?, VectorLayer> gdal) =>
        WithFallback(path, p => managed(p, layer), p => gdal(p, layer));

    private static T WithFallback<T>(string path, Func<string, T> managed, Func<string, T> gdal)
    {
        UnsupportedFormatException refused;
        try
        {
            return managed(path);
        }
        catch (UnsupportedFormatException e)
        {
            refused = e;
        }

        try
        {
            return gdal(path);
        }
        catch (GdalUnavailableException e)
        {
            throw new InputException(path, refused.Record,
                $"{refused.Reason}; GDAL could read it but is not installed ({e.LibraryName} cannot be loaded): apt-get install libgdal32", e);
        }
        catch (InputException e)
        {
            throw new InputException(path, e.Record ?? refused.Record, $"{refused.Reason}; GDAL cannot read it either: {e.Problem}", e);
        }
    }
}
