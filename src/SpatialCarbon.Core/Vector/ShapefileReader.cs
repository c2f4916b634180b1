using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Vector;

/// <summary>Reads ESRI shapefiles, plain (.shp + .dbf, .prj, .cpg) or zipped (.zip holding one or more .shp, each a
/// layer named after it). The CRS comes from the .prj WKT (ESRI names are matched to EPSG codes by parameters), the
/// attribute encoding from the .cpg (GBK and UTF-8 both occur in Chinese data).</summary>
public sealed class ShapefileReader(SpatialReference? defaultCrs = null) : IVectorSource
{
    static ShapefileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public bool CanRead(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".shp") return true;
        if (extension != ".zip" || !File.Exists(path)) return false;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ShpEntries(zip).Count > 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> ListLayers(string path)
    {
        if (!IsZip(path)) return [Path.GetFileNameWithoutExtension(path)];
        using var zip = OpenZip(path);
        return ShpEntries(zip).Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToArray();
    }

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        if (!IsZip(path))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (layer is not null && !layer.Equals(name, StringComparison.OrdinalIgnoreCase))
                throw new InputException(path, null, $"layer '{layer}' not found (a .shp file has one layer, '{name}')");
            var dbf = Sidecar(path, ".dbf") ?? throw new InputException(path, null, "the .dbf file beside the .shp is missing");
            using var shp = File.OpenRead(path);
            using var dbfStream = File.OpenRead(dbf);
            return ReadStreams(path, name, shp, dbfStream, () => (File.OpenRead(path), File.OpenRead(dbf)),
                ReadText(Sidecar(path, ".prj")), ReadText(Sidecar(path, ".cpg")));
        }

        using var zip = OpenZip(path);
        var entries = ShpEntries(zip);
        if (entries.Count == 0) throw new InputException(path, null, "the zip holds no .shp file");
        var entry = layer is null
            ? entries[0]
            : entries.FirstOrDefault(e => Path.GetFileNameWithoutExtension(e.Name).Equals(layer, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(path, null, $"layer '{layer}' not found; layers: {MessageList.Cut(entries, e => Path.GetFileNameWithoutExtension(e.Name))}");
        var stem = entry.FullName[..^4];
        var layerName = Path.GetFileNameWithoutExtension(entry.Name);
        var dbfEntry = Sibling(zip, stem, ".dbf") ?? throw new InputException(path, entry.FullName, "the .dbf file beside the .shp is missing in the zip");
        long inflated = 0;
        using var shpCopy = Copy(path, entry, ref inflated);
        using var dbfCopy = Copy(path, dbfEntry, ref inflated);
        var prj = ReadEntry(path, Sibling(zip, stem, ".prj"), ref inflated);
        var cpg = ReadEntry(path, Sibling(zip, stem, ".cpg"), ref inflated);
        return ReadStreams(path, layerName, shpCopy, dbfCopy, () => (new MemoryStream(shpCopy.ToArray()), new MemoryStream(dbfCopy.ToArray())),
            prj, cpg);
    }

    // reopen gives fresh streams over the same .shp and .dbf, for a second pass over records with unclosed rings.
    private SourceLayer ReadStreams(string path, string layerName, Stream shp, Stream dbf, Func<(Stream Shp, Stream Dbf)> reopen,
        string? prj, string? cpg)
    {
        var crs = prj is null ? defaultCrs : ParsePrj(path, prj);
        var details = new List<string>();
        var encoding = EncodingFromCpg(path, cpg);
        if (encoding is null && GuessEncoding(dbf) is { } guessed)
        {
            encoding = guessed;
            details.Add($"no .cpg and no code page in the .dbf: attributes read as {(guessed is UTF8Encoding ? "UTF-8" : "GBK")}");
        }

        // Invalid shapes are left to GeometryRepair, which repairs and reports them, rather than aborting the read.
        ShapefileStructure.Check(shp, path, layerName);
        var options = new ShapefileReaderOptions { Encoding = encoding, GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes };
        var source = new List<SourceFeature>();
        var unclosed = new Dictionary<int, int>();
        FieldDefinition[] fields;
        try
        {
            using var reader = Shapefile.OpenRead(shp, dbf, options);
            fields = reader.Fields.Select(f => new FieldDefinition(f.Name, TypeOf(f))).ToArray();
            long id = 0;
            var record = 0;
            while (reader.Read(out var deleted))
            {
                record++;
                if (deleted) continue;
                var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++) attributes[fields[i].Name] = Value(reader.Fields[i].Value, fields[i].Type);
                if (HasUnclosedRing(reader.Geometry)) unclosed[record] = source.Count;
                source.Add(new SourceFeature(id, reader.Geometry, attributes));
                id++;
            }

            if (unclosed.Count > 0) CloseRings(source, unclosed, reopen, options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException or OverflowException)
        {
            throw new InputException(path, $"layer {layerName} record {source.Count}", $"cannot read the shapefile ({e.Message})", e);
        }

        return new SourceLayer(path, layerName, crs, fields, source, details);
    }

    // In IgnoreInvalidShapes mode the NTS reader stands in a ring of four (0, 0) points for an unclosed ring.
    private static bool HasUnclosedRing(NetTopologySuite.Geometries.Geometry? geometry) =>
        geometry is NetTopologySuite.Geometries.MultiPolygon m && m.Geometries.Cast<NetTopologySuite.Geometries.Polygon>()
            .SelectMany(p => p.InteriorRings.Prepend(p.ExteriorRing))
            .Any(r => r.NumPoints == 4 && r.Coordinates.All(c => c.X == 0 && c.Y == 0));

    // Records with unclosed rings are read again in QuickFixInvalidShapes mode, which closes rings as GDAL does (the
    // first point appended); the rest keep the strict reading.
    private static void CloseRings(List<SourceFeature> source, Dictionary<int, int> unclosed, Func<(Stream Shp, Stream Dbf)> reopen,
        ShapefileReaderOptions options)
    {
        var (shp, dbf) = reopen();
        using (shp)
        using (dbf)
        {
            var closing = new ShapefileReaderOptions { Encoding = options.Encoding, GeometryBuilderMode = GeometryBuilderMode.QuickFixInvalidShapes };
            using var reader = Shapefile.OpenRead(shp, dbf, closing);
            var record = 0;
            while (reader.Read(out _))
            {
                record++;
                if (unclosed.TryGetValue(record, out var index))
                    source[index] = source[index] with { Geometry = reader.Geometry, Note = RingClosure.Note };
            }
        }
    }

    private static SpatialReference ParsePrj(string path, string prj)
    {
        try
        {
            return CrsRegistry.FromWkt(prj);
        }
        catch (FormatException e)
        {
            throw new InputException(path, ".prj", e.Message, e);
        }
    }

    internal static Encoding? EncodingFromCpg(string path, string? cpg)
    {
        if (string.IsNullOrWhiteSpace(cpg)) return null;
        var name = cpg.Trim();
        try
        {
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage))
                return Encoding.GetEncoding(codePage == 65001 ? 65001 : codePage);
            if (name.StartsWith("CP", StringComparison.OrdinalIgnoreCase) && int.TryParse(name[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var cp))
                return Encoding.GetEncoding(cp);
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException e)
        {
            throw new InputException(path, ".cpg", $"unknown attribute encoding '{name}'", e);
        }
    }

    /// <summary>For a .dbf without a code page (language driver id 0) and no .cpg: UTF-8 when its records decode as
    /// UTF-8, else GBK, the usual encoding of Chinese shapefiles; null when the .dbf names its code page.</summary>
    internal static Encoding? GuessEncoding(Stream dbf)
    {
        var start = dbf.Position;
        var bytes = new byte[dbf.Length - start];
        dbf.ReadExactly(bytes);
        dbf.Position = start;
        if (bytes.Length < 32 || bytes[29] != 0) return null;
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        if (headerLength >= bytes.Length) return null;
        var records = bytes.AsSpan(headerLength);
        if (!records.ContainsAnyExceptInRange((byte)0, (byte)0x7F)) return null;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(records);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GBK");
        }
    }

    private static FieldType TypeOf(NetTopologySuite.IO.Esri.Dbf.Fields.DbfField field) => field.FieldType switch
    {
        DbfType.Numeric when field.NumericScale == 0 => FieldType.Integer,
        DbfType.Numeric or DbfType.Float => FieldType.Real,
        DbfType.Logical => FieldType.Boolean,
        DbfType.Date => FieldType.DateTime,
        _ => FieldType.String,
    };

    private static object? Value(object? value, FieldType type) => value switch
    {
        null => null,
        string s when type == FieldType.String => s,
        _ => type switch
        {
            FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            FieldType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            FieldType.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            FieldType.DateTime => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        },
    };

    private static bool IsZip(string path) => Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    private static ZipArchive OpenZip(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, null, $"not a readable zip file ({e.Message})", e);
        }

        if (zip.Entries.Count > InputLimits.ZipEntries)
        {
            var count = zip.Entries.Count;
            zip.Dispose();
            throw new InputException(path, null, $"the zip holds {count:N0} entries, more than the {InputLimits.ZipEntries:N0} accepted (SPATIALCARBON_MAX_ZIP_ENTRIES)");
        }

        return zip;
    }

    private static List<ZipArchiveEntry> ShpEntries(ZipArchive zip) => zip.Entries
        .Where(e => e.Name.EndsWith(".shp", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
        .OrderBy(e => e.FullName, StringComparer.Ordinal)
        .ToList();

    private static ZipArchiveEntry? Sibling(ZipArchive zip, string stem, string extension) =>
        zip.Entries.FirstOrDefault(e => e.FullName.Equals(stem + extension, StringComparison.OrdinalIgnoreCase));

    private static MemoryStream Copy(string path, ZipArchiveEntry entry, ref long inflated)
    {
        var limit = ZipEntryLimit(path, entry, inflated);
        var copy = new MemoryStream();
        try
        {
            using var s = entry.Open();
            var buffer = new byte[81920];
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                if (copy.Length + n > limit) throw ZipBomb(path, entry, $"inflates past {limit:N0} bytes");
                copy.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, entry.FullName, "the zip entry is corrupt and cannot be inflated", e);
        }

        inflated += copy.Length;
        copy.Position = 0;
        return copy;
    }

    /// <summary>The most bytes <paramref name="entry"/> may inflate to: refused at once when its declared size already
    /// breaks a limit, and enforced while inflating in case the declared size is forged.</summary>
    private static long ZipEntryLimit(string path, ZipArchiveEntry entry, long inflatedSoFar)
    {
        if (entry.Length > InputLimits.ZipEntryBytes)
            throw ZipBomb(path, entry, $"declares {entry.Length:N0} bytes, more than the {InputLimits.ZipEntryBytes:N0} accepted (SPATIALCARBON_MAX_ZIP_ENTRY_MB)");
        if (inflatedSoFar + entry.Length > InputLimits.ZipTotalBytes)
            throw ZipBomb(path, entry, $"would bring the inflated total past {InputLimits.ZipTotalBytes:N0} bytes (SPATIALCARBON_MAX_ZIP_TOTAL_MB)");
        var byRatio = Math.Max(1L << 20, (long)(entry.CompressedLength * InputLimits.ZipRatio));
        if (entry.Length > byRatio)
            throw ZipBomb(path, entry, $"inflates {entry.Length / (double)Math.Max(1, entry.CompressedLength):N0} times, more than the {InputLimits.ZipRatio:N0} accepted (SPATIALCARBON_MAX_ZIP_RATIO)");
        return Math.Min(Math.Min(InputLimits.ZipEntryBytes, InputLimits.ZipTotalBytes - inflatedSoFar), Math.Max(entry.Length, 0));
    }

    private static InputException ZipBomb(string path, ZipArchiveEntry entry, string problem) =>
        new(path, entry.FullName, $"refused: the entry {problem}");

    private static string? ReadEntry(string path, ZipArchiveEntry? entry, ref long inflated)
    {
        if (entry is null) return null;
        using var copy = Copy(path, entry, ref inflated);
        using var reader = new StreamReader(copy);
        return reader.ReadToEnd();
    }

    private static string? Sidecar(string shpPath, string extension)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(shpPath))!;
        var stem = Path.GetFileNameWithoutExtension(shpPath);
        return Directory.EnumerateFiles(dir, stem + ".*")
            .FirstOrDefault(f => Path.GetFileName(f).Equals(stem + extension, StringComparison.OrdinalIgnoreCase));
    }

    private static string? ReadText(string? path) => path is null ? null : File.ReadAllText(path);
}
