using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Vector;

/// <summary>Reads the feature tables of an OGC GeoPackage (.gpkg) with SQLite; the CRS comes from
/// gpkg_spatial_ref_sys (EPSG code, else its WKT definition).</summary>
public sealed class GeoPackageReader : IVectorSource
{
    public bool CanRead(string path) => Path.GetExtension(path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> ListLayers(string path)
    {
        using var connection = Open(path);
        return Layers(path, connection).Select(l => l.Table).ToArray();
    }

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        using var connection = Open(path);
        var layers = Layers(path, connection);
        if (layers.Count == 0) throw new InputException(path, null, "the GeoPackage holds no feature table");
        var info = layer is null
            ? layers[0]
            : layers.FirstOrDefault(l => l.Table.Equals(layer, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(path, null, $"layer '{layer}' not found; layers: {MessageList.Cut(layers, l => l.Table)}");

        var crs = ReadCrs(path, connection, info.SrsId);
        var columns = Columns(connection, info.Table);
        var fid = columns.FirstOrDefault(c => c.PrimaryKey)?.Name;
        var fields = columns
            .Where(c => !c.PrimaryKey && !c.Name.Equals(info.GeometryColumn, StringComparison.OrdinalIgnoreCase))
            .Select(c => new FieldDefinition(c.Name, TypeOf(c.DeclaredType)))
            .ToArray();

        var select = string.Join(", ", new[] { fid ?? "rowid", info.GeometryColumn }.Concat(fields.Select(f => f.Name)).Select(Quote));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {Quote(info.Table)}";
        var decoder = new GeoPackageBlobDecoder(info.SrsId);
        var names = fields.Select(f => f.Name).ToArray();
        var source = new List<SourceFeature>();

        // SQLite hands rows over one at a time; decoding the blobs is most of the read's work, so rows are taken in
        // chunks and each chunk's blobs are decoded on all cores (a chunk bounds the blobs held at once).
        var chunk = new List<(long Id, byte[]? Blob, object?[] Values)>(DecodeChunk);
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                var id = rows.GetInt64(0);
                var blob = rows.IsDBNull(1) ? null : (byte[])rows.GetValue(1);
                var values = new object?[fields.Length];
                for (var i = 0; i < fields.Length; i++)
                    values[i] = ReadValue(path, info.Table, id, rows, i + 2, fields[i]);
                chunk.Add((id, blob, values));
                if (chunk.Count == DecodeChunk) Flush(chunk, decoder, names, source);
            }
        }

        Flush(chunk, decoder, names, source);
        return new SourceLayer(path, info.Table, crs, fields, source, []);
    }

    /// <summary>Rows whose blobs are decoded together.</summary>
    private const int DecodeChunk = 8192;

    private static void Flush(List<(long Id, byte[]? Blob, object?[] Values)> chunk, GeoPackageBlobDecoder decoder,
        string[] names, List<SourceFeature> source)
    {
        var decoded = new SourceFeature[chunk.Count];
        Parallel.For(0, chunk.Count, () => new GeoPackageBlobDecoder.Readers(), (i, _, readers) =>
        {
            var (id, blob, values) = chunk[i];
            var (geometry, note) = blob is null ? (null, null) : decoder.Decode(blob, readers);
            decoded[i] = new SourceFeature(id, geometry, new FieldValues(names, values), note);
            return readers;
        }, _ => { });
        source.AddRange(decoded);
        chunk.Clear();
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static SqliteConnection Open(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InputException(path, null, $"not a readable GeoPackage ({e.Message})", e);
        }
    }

    private sealed record LayerInfo(string Table, string GeometryColumn, int SrsId);

    private sealed record ColumnInfo(string Name, string DeclaredType, bool PrimaryKey);

    private static List<LayerInfo> Layers(string path, SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type = 'features' ORDER BY c.table_name
            """;
        try
        {
            using var rows = command.ExecuteReader();
            var result = new List<LayerInfo>();
            while (rows.Read()) result.Add(new LayerInfo(rows.GetString(0), rows.GetString(1), rows.GetInt32(2)));
            return result;
        }
        catch (SqliteException e)
        {
            throw new InputException(path, "gpkg_contents", $"not a GeoPackage ({e.Message})", e);
        }
    }

    private static List<ColumnInfo> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({Quote(table)})";
        using var rows = command.ExecuteReader();
        var result = new List<ColumnInfo>();
        while (rows.Read()) result.Add(new ColumnInfo(rows.GetString(1), rows.IsDBNull(2) ? "" : rows.GetString(2), rows.GetInt32(5) > 0));
        return result;
    }

    private static SpatialReference? ReadCrs(string path, SqliteConnection connection, int srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var rows = command.ExecuteReader();
        if (!rows.Read()) throw new InputException(path, "gpkg_spatial_ref_sys", $"srs_id {srsId} is not defined");
        var organization = rows.IsDBNull(0) ? "" : rows.GetString(0);
        var code = rows.IsDBNull(1) ? 0 : rows.GetInt32(1);
        var definition = rows.IsDBNull(2) ? "" : rows.GetString(2);
        if (organization.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && CrsRegistry.TryFromEpsg(code) is { } known) return known;
        if (srsId is -1 or 0 || definition.Equals("undefined", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return CrsRegistry.FromWkt(definition);
        }
        catch (FormatException e)
        {
            throw new InputException(path, $"gpkg_spatial_ref_sys srs_id {srsId}", $"{organization}:{code} is not in the CRS registry and {e.Message}", e);
        }
    }

    private static FieldType TypeOf(string declared)
    {
        var t = declared.ToUpperInvariant();
        if (t.Contains("INT", StringComparison.Ordinal)) return FieldType.Integer;
        if (t is "REAL" or "FLOAT" or "DOUBLE" || t.StartsWith("DOUBLE", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal)) return FieldType.Real;
        if (t == "BOOLEAN") return FieldType.Boolean;
        if (t is "DATETIME" or "DATE") return FieldType.DateTime;
        return FieldType.String;
    }

    private static object? ReadValue(string path, string table, long id, SqliteDataReader rows, int ordinal, FieldDefinition field)
    {
        if (rows.IsDBNull(ordinal)) return null;
        var value = rows.GetValue(ordinal);
        try
        {
            return field.Type switch
            {
                FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                FieldType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                FieldType.Boolean => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
                FieldType.DateTime => DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ => value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }
        catch (FormatException e)
        {
            throw new InputException(path, $"{table} fid {id}", $"field '{field.Name}' holds '{value}', not a {field.Type}", e);
        }
    }
}
