using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Gdal;

/// <summary>Opens the rasters and vectors a command is given: the managed readers first, and the GDAL bridge for
/// what they refuse as an unsupported format; when GDAL cannot help either, the error says both why.</summary>
public static class DatasetOpener
{
    /// <summary>Opens a raster: a GeoTIFF with the managed reader, anything else (or a GeoTIFF it refuses, e.g. JPEG
    /// compressed) with GDAL.</summary>
    /// <exception cref="InputException">Neither reader can open it; the message says why for both.</exception>
    public static IRasterSource OpenRaster(string path)
    {
        RequireExists(path);
        return OpenRaster(path, ManagedRaster, p => new GdalRasterSource(p));
    }

    /// <summary>Reads a vector layer (the first when <paramref name="layer"/> is null): GeoJSON, shapefile,
    /// GeoPackage, WKT and 界址点 TXT with the managed readers, anything else (KML, FileGDB, DXF, MapInfo...) with
    /// GDAL. <paramref name="crs"/> is the CRS of WKT files and shapefiles that do not carry one.</summary>
    /// <exception cref="InputException">Neither reader can read it; the message says why for both.</exception>
    public static VectorLayer ReadVector(string path, string? layer = null, SpatialReference? crs = null)
    {
        RequireExists(path);
        return ReadVector(path, layer, (p, l) => VectorFile.Read(p, l, crs), new OgrVectorSource().Read);
    }

    /// <summary>Reads a vector layer as decoded, geometries unrepaired, for zone preparation; the readers are chosen as
    /// by <see cref="ReadVector(string, string?, SpatialReference?)"/>.</summary>
    /// <exception cref="InputException">Neither reader can read it; the message says why for both.</exception>
    public static SourceLayer ReadVectorSource(string path, string? layer = null, SpatialReference? crs = null)
    {
        RequireExists(path);
        return WithFallback(path, p => VectorFile.ReadSource(p, layer, crs), p => new OgrVectorSource().ReadSource(p, layer));
    }

    /// <summary>The layer names of a vector dataset, by the same choice of reader as <see cref="ReadVector(string, string?, SpatialReference?)"/>.</summary>
    public static IReadOnlyList<string> ListLayers(string path)
    {
        RequireExists(path);
        return WithFallback(path, p => VectorFile.ListLayers(p), new OgrVectorSource().ListLayers);
    }

    /// <summary>Opens a raster with <paramref name="managed"/>, falling back to <paramref name="gdal"/> when it
    /// throws <see cref="UnsupportedFormatException"/>.</summary>
    internal static IRasterSource OpenRaster(string path, Func<string, IRasterSource> managed, Func<string, IRasterSource> gdal) =>
        WithFallback(path, managed, gdal);

    /// <summary>Reads a vector layer with <paramref name="managed"/>, falling back to <paramref name="gdal"/> when
    /// it throws <see cref="UnsupportedFormatException"/>.</summary>
    internal static VectorLayer ReadVector(string path, string? layer, Func<string, string?, VectorLayer> managed,
        Func<string, string?, VectorLayer> gdal) =>
        WithFallback(path, p => managed(p, layer), p => gdal(p, layer));

    private static void RequireExists(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException(path, null, "file not found");
        if (FileKind.SpecialKind(path) is { } kind) throw new InputException(path, null, $"is {kind}, not a file that can be read");
    }

    private static IRasterSource ManagedRaster(string path)
    {
        // The managed reader knows only TIFF and calls anything else corrupt; other formats are GDAL's to judge.
        Span<byte> head = stackalloc byte[4];
        var read = 0;
        if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        }

        var isTiff = read == 4 && (head.SequenceEqual("II*\0"u8) || head.SequenceEqual("MM\0*"u8)
            || head.SequenceEqual("II+\0"u8) || head.SequenceEqual("MM\0+"u8));
        if (!isTiff)
            throw new UnsupportedFormatException(path, $"not a TIFF{Extension(path)}, the only raster format the managed reader decodes");
        return GeoTiffReader.Open(path);
    }

    private static string Extension(string path) =>
        Path.GetExtension(path) is { Length: > 0 } e ? $" ('{e}' file)" : "";

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
