using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>Opens any vector file the managed readers know, choosing the reader by extension and content; other
/// formats (KML, FileGDB, DXF, MapInfo, ...) raise <see cref="UnsupportedFormatException"/> so that callers can fall
/// back to the GDAL bridge.</summary>
public static class VectorFile
{
    private static readonly IVectorSource[] Readers =
    [
        new GeoJsonReader(),
        new ShapefileReader(),
        new GeoPackageReader(),
        new JiezhidianReader(),
    ];

    /// <summary>Reads a layer (the first when <paramref name="layer"/> is null). <paramref name="crs"/> is the CRS of
    /// WKT files without an SRID prefix, and of shapefiles without a .prj; other formats carry their own.</summary>
    /// <exception cref="InputException">The file cannot be read; <see cref="UnsupportedFormatException"/> for
    /// formats only GDAL reads.</exception>
    public static VectorLayer Read(string path, string? layer = null, SpatialReference? crs = null)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        return ReaderFor(path, crs).Read(path, layer);
    }

    public static IReadOnlyList<string> ListLayers(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        return ReaderFor(path, null).ListLayers(path);
    }

    private static IVectorSource ReaderFor(string path, SpatialReference? crs)
    {
        if (crs is not null && Path.GetExtension(path).Equals(".shp", StringComparison.OrdinalIgnoreCase)) return new ShapefileReader(crs);
        foreach (var reader in Readers)
            if (reader.CanRead(path)) return reader;
        var wkt = new WktReader(crs);
        if (wkt.CanRead(path)) return wkt;
        var extension = Path.GetExtension(path);
        throw new UnsupportedFormatException(path, string.IsNullOrEmpty(extension)
            ? "unknown vector format (no file extension)"
            : $"the managed readers do not read '{extension}' files");
    }
}
