using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SpatialCarbon.Core.Vector;

/// <summary>Writes vector layers to an OGC GeoPackage 1.3 that GDAL/QGIS open: the gpkg_* metadata tables, XY
/// geometry blobs, typed attribute columns and an R-tree spatial index per layer. The file is built under a temporary
/// name in the same folder and renamed at the end, so a failed write leaves nothing half-written.</summary>
public static class GeoPackageWriter
{
    private const string GeometryColumn = "geom";
    private const int FirstCustomSrsId = 100000;

    /// <summary>Writes the layers to a new GeoPackage, replacing any file at <paramref name="path"/>.
    /// <paramref name="lastChange"/> is stamped into gpkg_contents (default: now); pass a fixed time for
    /// reproducible, byte-identical files.</summary>
    public static void Write(string path, IReadOnlyList<VectorLayer> layers, DateTime? lastChange = null) =>
        Build(path, layers, append: false, lastChange);

    /// <summary>Adds layers to an existing GeoPackage (one this writer or GDAL made); the layer names must be new.</summary>
    public static void AddLayers(string path, IReadOnlyList<VectorLayer> layers, DateTime? lastChange = null) =>
        Build(path, layers, append: true, lastChange);

    /// <summary>Makes the open SQLite database a GeoPackage: the application id, version and gpkg_* metadata tables,
    /// unless gpkg_contents already exists. Runs in the caller's transaction when there is one.</summary>
    public static void Initialize(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'";
        if ((long)probe.ExecuteScalar()! > 0) return;
        Execute(connection, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;");
        CreateMetadata(connection);
    }

    /// <summary>Writes one layer (feature table, metadata rows, R-tree index and its triggers) into an open
    /// GeoPackage, in the caller's transaction; the layer name must be new.</summary>
    public static void WriteLayer(SqliteConnection connection, VectorLayer layer, DateTime? lastChange = null) =>
        WriteLayer(connection, layer, SrsId(connection, layer), Stamp(lastChange));

    private static string Stamp(DateTime? lastChange) => (lastChange ?? DateTime.UtcNow).ToUniversalTime()
        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void Build(string path, IReadOnlyList<VectorLayer> layers, bool append, DateTime? lastChange)
    {
        var stamp = Stamp(lastChange);
        var names = layers.Select(l => l.Name).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two layers are named '{duplicate.Key}'", nameof(layers));

        var full = Path.GetFullPath(path);
        IO.AtomicFile.Write(full, temp =>
        {
            if (append) File.Copy(full, temp, overwrite: true);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, append ? "BEGIN;" : "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; BEGIN;");
            if (append) EnsureNewNames(connection, path, names);
            else CreateMetadata(connection);
            foreach (var layer in layers) WriteLayer(connection, layer, SrsId(connection, layer), stamp);
            Execute(connection, "COMMIT;");
        });
    }

    private static void EnsureNewNames(SqliteConnection connection, string path, string[] names)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var rows = command.ExecuteReader())
            while (rows.Read()) existing.Add(rows.GetString(0));
        if (!existing.Contains("gpkg_contents") || !existing.Contains("gpkg_extensions"))
            throw new ArgumentException($"{path} is not a GeoPackage with gpkg_contents and gpkg_extensions tables", nameof(path));
        var clash = names.FirstOrDefault(existing.Contains);
        if (clash is not null) throw new ArgumentException($"{path} already has a table named '{clash}'", nameof(names));
    }

    private static void CreateMetadata(SqliteConnection connection)
    {
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
              scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        // EPSG:4326 must always be present (GeoPackage 1.3, requirement 11).
        InsertSrs(connection, 4326, "WGS 84", "EPSG", 4326, Crs.CrsRegistry.Wgs84.Wkt);
    }

    // Reuses the srs_id already defined for the layer's EPSG code (or WKT), else defines one.
    private static int SrsId(SqliteConnection connection, VectorLayer layer)
    {
        if (layer.Crs is null) return -1;
        using var find = connection.CreateCommand();
        if (layer.Crs.Epsg is int epsg)
        {
            find.CommandText = "SELECT srs_id FROM gpkg_spatial_ref_sys WHERE upper(organization) = 'EPSG' AND organization_coordsys_id = $code";
            find.Parameters.AddWithValue("$code", epsg);
            if (find.ExecuteScalar() is long existing) return (int)existing;
            InsertSrs(connection, epsg, layer.Crs.Name, "EPSG", epsg, layer.Crs.Wkt);
            return epsg;
        }

        find.CommandText = "SELECT srs_id FROM gpkg_spatial_ref_sys WHERE definition = $wkt";
        find.Parameters.AddWithValue("$wkt", layer.Crs.Wkt);
        if (find.ExecuteScalar() is long same) return (int)same;
        find.CommandText = $"SELECT max({FirstCustomSrsId - 1}, max(srs_id)) + 1 FROM gpkg_spatial_ref_sys";
        var id = (int)(long)find.ExecuteScalar()!;
        InsertSrs(connection, id, layer.Crs.Name, "NONE", id, layer.Crs.Wkt);
        return id;
    }

    private static void InsertSrs(SqliteConnection connection, int srsId, string name, string organization, int code, string wkt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, $org, $code, $wkt, NULL)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", srsId);
        command.Parameters.AddWithValue("$org", organization);
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$wkt", wkt);
        command.ExecuteNonQuery();
    }

    private static void WriteLayer(SqliteConnection connection, VectorLayer layer, int srsId, string lastChange)
    {
        var table = GeoPackageReader.Quote(layer.Name);
        var typeName = GeometryTypeName(layer.Features);
        var promoteToMulti = typeName.StartsWith("MULTI", StringComparison.Ordinal);
        var columns = string.Concat(layer.Fields.Select(f => $", {GeoPackageReader.Quote(f.Name)} {SqlType(f.Type)}"));
        Execute(connection, $"CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {GeometryColumn} {typeName}{columns})");

        var extent = layer.Extent;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, min_x, min_y, max_x, max_y, srs_id)
                VALUES ($t, 'features', $t, $lc, $minx, $miny, $maxx, $maxy, $srs);
                INSERT INTO gpkg_geometry_columns VALUES ($t, $g, $type, $srs, 0, 0);
                """;
            command.Parameters.AddWithValue("$t", layer.Name);
            command.Parameters.AddWithValue("$lc", lastChange);
            command.Parameters.AddWithValue("$g", GeometryColumn);
            command.Parameters.AddWithValue("$type", typeName);
            command.Parameters.AddWithValue("$srs", srsId);
            command.Parameters.AddWithValue("$minx", extent.IsNull ? DBNull.Value : extent.MinX);
            command.Parameters.AddWithValue("$miny", extent.IsNull ? DBNull.Value : extent.MinY);
            command.Parameters.AddWithValue("$maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
            command.Parameters.AddWithValue("$maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
            command.ExecuteNonQuery();
        }

        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        using (var insert = connection.CreateCommand())
        {
            var names = string.Concat(layer.Fields.Select(f => ", " + GeoPackageReader.Quote(f.Name)));
            var values = string.Concat(layer.Fields.Select((_, i) => $", $a{i}"));
            insert.CommandText = $"INSERT INTO {table} (fid, {GeometryColumn}{names}) VALUES ($fid, $geom{values})";
            var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var attrs = layer.Fields.Select((_, i) => insert.Parameters.Add($"$a{i}", SqliteType.Text)).ToArray();
            // Source ids are kept as fids when all are positive and unique; otherwise features are numbered from 1.
            var keepIds = layer.Features.All(f => f.Id > 0) && layer.Features.Select(f => f.Id).Distinct().Count() == layer.Features.Count;
            long next = 1;
            foreach (var feature in layer.Features)
            {
                fid.Value = keepIds ? feature.Id : next++;
                var g = promoteToMulti ? ToMulti(feature.Geometry) : feature.Geometry.Copy();
                g.SRID = srsId;
                geom.Value = writer.Write(g);
                for (var i = 0; i < attrs.Length; i++)
                {
                    var field = layer.Fields[i];
                    var (type, value) = SqlValue(feature.Attributes.GetValueOrDefault(field.Name), field.Type);
                    attrs[i].SqliteType = type;
                    attrs[i].Value = value;
                }

                insert.ExecuteNonQuery();
            }
        }

        WriteSpatialIndex(connection, layer.Name);
    }

    // The index is filled directly from the envelopes; the update triggers GDAL expects are created afterwards
    // (they call ST_* functions that only GDAL/SpatiaLite define, so they must not fire during our own inserts).
    private static void WriteSpatialIndex(SqliteConnection connection, string layerName)
    {
        var rtreeName = $"rtree_{layerName}_{GeometryColumn}";
        var rtree = GeoPackageReader.Quote(rtreeName);
        var table = GeoPackageReader.Quote(layerName);
        Execute(connection, $"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)");
        var reader = new GeoPackageGeoReader();
        using (var select = connection.CreateCommand())
        using (var insert = connection.CreateCommand())
        {
            select.CommandText = $"SELECT fid, {GeometryColumn} FROM {table}";
            insert.CommandText = $"INSERT INTO {rtree} VALUES ($id, $minx, $maxx, $miny, $maxy)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var minx = insert.Parameters.Add("$minx", SqliteType.Real);
            var maxx = insert.Parameters.Add("$maxx", SqliteType.Real);
            var miny = insert.Parameters.Add("$miny", SqliteType.Real);
            var maxy = insert.Parameters.Add("$maxy", SqliteType.Real);
            using var rows = select.ExecuteReader();
            while (rows.Read())
            {
                var e = reader.Read((byte[])rows.GetValue(1)).EnvelopeInternal;
                if (e.IsNull) continue;
                id.Value = rows.GetInt64(0);
                minx.Value = e.MinX;
                maxx.Value = e.MaxX;
                miny.Value = e.MinY;
                maxy.Value = e.MaxY;
                insert.ExecuteNonQuery();
            }
        }

        using (var ext = connection.CreateCommand())
        {
            ext.CommandText = "INSERT INTO gpkg_extensions VALUES ($t, $g, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')";
            ext.Parameters.AddWithValue("$t", layerName);
            ext.Parameters.AddWithValue("$g", GeometryColumn);
            ext.ExecuteNonQuery();
        }

        var t = table;
        var g = GeometryColumn;
        var r = rtree;
        string Trigger(string suffix) => GeoPackageReader.Quote($"{rtreeName}_{suffix}");
        Execute(connection, $"""
            CREATE TRIGGER {Trigger("insert")} AFTER INSERT ON {t} WHEN (new.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END;
            CREATE TRIGGER {Trigger("update1")} AFTER UPDATE OF {g} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END;
            CREATE TRIGGER {Trigger("update2")} AFTER UPDATE OF {g} ON {t} WHEN OLD.fid = NEW.fid AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            CREATE TRIGGER {Trigger("update3")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END;
            CREATE TRIGGER {Trigger("update4")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER {Trigger("delete")} AFTER DELETE ON {t} WHEN old.{g} NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            """);
    }

    private static string GeometryTypeName(IReadOnlyList<VectorFeature> features)
    {
        var types = features.Select(f => f.Geometry.OgcGeometryType).Distinct().ToArray();
        if (types.Length == 0) return "GEOMETRY";
        if (types.Length == 1) return types[0] switch
        {
            OgcGeometryType.Point => "POINT",
            OgcGeometryType.LineString => "LINESTRING",
            OgcGeometryType.Polygon => "POLYGON",
            OgcGeometryType.MultiPoint => "MULTIPOINT",
            OgcGeometryType.MultiLineString => "MULTILINESTRING",
            OgcGeometryType.MultiPolygon => "MULTIPOLYGON",
            OgcGeometryType.GeometryCollection => "GEOMETRYCOLLECTION",
            _ => "GEOMETRY",
        };
        var set = types.ToHashSet();
        if (set.IsSubsetOf([OgcGeometryType.Polygon, OgcGeometryType.MultiPolygon])) return "MULTIPOLYGON";
        if (set.IsSubsetOf([OgcGeometryType.LineString, OgcGeometryType.MultiLineString])) return "MULTILINESTRING";
        if (set.IsSubsetOf([OgcGeometryType.Point, OgcGeometryType.MultiPoint])) return "MULTIPOINT";
        return "GEOMETRY";
    }

    private static Geometry ToMulti(Geometry g) => g switch
    {
        Polygon p => g.Factory.CreateMultiPolygon([(Polygon)p.Copy()]),
        LineString l => g.Factory.CreateMultiLineString([(LineString)l.Copy()]),
        Point p => g.Factory.CreateMultiPoint([(Point)p.Copy()]),
        _ => g.Copy(),
    };

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        FieldType.Boolean => "BOOLEAN",
        FieldType.DateTime => "DATETIME",
        _ => "TEXT",
    };

    private static (SqliteType Type, object Value) SqlValue(object? value, FieldType type) => (value, type) switch
    {
        (null, _) => (SqliteType.Text, DBNull.Value),
        (_, FieldType.Integer) => (SqliteType.Integer, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        (_, FieldType.Real) => (SqliteType.Real, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        (bool b, FieldType.Boolean) => (SqliteType.Integer, b ? 1L : 0L),
        (DateTime d, FieldType.DateTime) => (SqliteType.Text,
            (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        _ => (SqliteType.Text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
