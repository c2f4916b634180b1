using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>Opens any vector file the managed readers know, choosing the reader by extension and content; other
/// formats (KML, FileGDB, DXF, MapInfo, ...) raise <see cref="UnsupportedFormatException"/> so that callers can fall
/// back to the GDAL bridge.</summary>
public static class VectorFile
{
    /// <summary>Reads a layer (the first when <paramref name="layer"/> is null). <paramref name="crs"/> is the CRS of
    /// WKT files without an SRID prefix, and of shapefiles without a .prj; other formats carry their own.</summary>
    /// <exception cref="InputException">The file cannot be read; <see cref="UnsupportedFormatException"/> for
    /// formats only GDAL reads.</exception>
    public static VectorLayer Read(string path, string? layer = null, SpatialReference? crs = null)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException(path, null, "file not found");
        return Guarded(path, () => ReaderFor(path, crs).Read(path, layer));
    }

    /// <summary>Reads a layer as decoded, geometries unrepaired, for <see cref="Zoning.Preparation.ZonePreparation"/>;
    /// the arguments are those of <see cref="Read"/>.</summary>
    /// <exception cref="InputException">The file cannot be read; <see cref="UnsupportedFormatException"/> for
    /// formats only GDAL reads.</exception>
    public static SourceLayer ReadSource(string path, string? layer = null, SpatialReference? crs = null)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException(path, null, "file not found");
        return Guarded(path, () => ReaderFor(path, crs).ReadSource(path, layer));
    }

    public static IReadOnlyList<string> ListLayers(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException(path, null, "file not found");
        return ReaderFor(path, null).ListLayers(path);
    }

    /// <summary>What SQLite and NetTopologySuite throw on a corrupt file (a damaged GeoPackage schema, a coordinate
    /// array of the wrong length) is the file's fault: one line naming the file, found by the mutation fuzzer.</summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new InputException(path, null, $"not a readable GeoPackage: {e.Message.Split('\n')[0]}", e);
        }
        catch (Exception e) when (Unwrap(e) is ArgumentOutOfRangeException or IndexOutOfRangeException or NetTopologySuite.Geometries.TopologyException)
        {
            throw new InputException(path, null, "a geometry is malformed (coordinates of the wrong shape or length)", e);
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? Unwrap(a.InnerExceptions[0]) : e;

    private static IVectorSource ReaderFor(string path, SpatialReference? crs)
    {
        if (Directory.Exists(path))
            throw new UnsupportedFormatException(path, "a folder dataset (such as a FileGDB .gdb) is not read by the managed readers");
        // Content-sniffing readers (界址点) come before WKT, which takes any .txt.
        IVectorSource[] readers = [new GeoJsonReader(), new ShapefileReader(crs), new GeoPackageReader(), new JiezhidianReader(), new WktReader(crs)];
        if (readers.FirstOrDefault(r => r.CanRead(path)) is { } reader) return reader;
        var extension = Path.GetExtension(path);
        throw new UnsupportedFormatException(path, string.IsNullOrEmpty(extension)
            ? "unknown vector format (no file extension)"
            : $"the managed readers do not read '{extension}' files");
    }
}
