using System.Text.Json;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage.PostGis;

/// <summary>A workspace in one PostgreSQL schema: each zone layer a table (fid, geom with a GiST index, typed attribute
/// columns) registered in sc_layers; the rest in sc_* tables created by versioned migrations at open. Names reach SQL
/// only through <see cref="SqlIdentifier.Quote(string)"/>, values only as parameters; spatial predicates and areas run
/// in the database.</summary>
public sealed class PostGisWorkspace : WorkspaceStoreBase, IConnectionLender
{
    private readonly NpgsqlDataSource _dataSource;

    private PostGisWorkspace(PostGisLocation location, NpgsqlDataSource dataSource)
    {
        Location = location;
        _dataSource = dataSource;
        Metadata = new WorkspaceMetadata(this, Table);
    }

    public PostGisLocation Location { get; }

    public override string Locator => Location.ToString();

    public override string RasterRoot => Directory.GetCurrentDirectory();

    /// <summary>Connects, makes sure PostGIS is installed in the database and applies the schema's migrations. With
    /// <paramref name="mustExist"/> (the commands that only read) a schema that holds no workspace is an error rather
    /// than a new empty workspace.</summary>
    /// <exception cref="InputException">The server cannot be reached, refuses the login, or lacks PostGIS; or the schema
    /// holds no workspace and <paramref name="mustExist"/> is set.</exception>
    public static PostGisWorkspace Open(PostGisLocation location, bool mustExist = false)
    {
        var builder = new NpgsqlDataSourceBuilder(location.ConnectionString());
        builder.UseNetTopologySuite();
        var dataSource = builder.Build();
        try
        {
            using (var connection = dataSource.OpenConnection())
            {
                if (mustExist && !HasWorkspace(connection, location.Schema))
                    throw new InputException(location.ToString(), null, $"schema '{location.Schema}' holds no workspace (copy one there with `spatialcarbon workspace copy`)");
                EnsurePostGis(connection, location);
                PostGisMigrations.Apply(connection, location.Schema);
            }

            return new PostGisWorkspace(location, dataSource);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            dataSource.Dispose();
            throw new InputException(location.ToString(), null, $"cannot open the PostGIS workspace: {e.Message}", e);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    T IConnectionLender.Use<T>(Func<System.Data.Common.DbConnection, T> work)
    {
        using var connection = _dataSource.OpenConnection();
        return work(connection);
    }

    /// <summary>The applied migration version.</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = _dataSource.OpenConnection();
            return PostGisMigrations.CurrentVersion(connection, Location.Schema);
        }
    }

    private protected override string LayerNamesSql => $"SELECT name FROM {Table("sc_layers")}";

    public override LayerSummary DescribeLayer(string name)
    {
        var info = Layer(name);
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT (SELECT count(*) FROM {Table(info.Name)}), (SELECT updated_at FROM {Table("sc_layers")} WHERE name = @name)", connection);
        command.Parameters.AddWithValue("name", info.Name);
        using var rows = command.ExecuteReader();
        rows.Read();
        return new LayerSummary(info.Name, rows.GetInt64(0), info.Crs?.Label ?? "none", info.GeometryType, rows.GetFieldValue<DateTime>(1));
    }

    public override VectorLayer ReadLayer(string name)
    {
        var info = Layer(name);
        var columns = string.Concat(info.Fields.Select(f => ", " + SqlIdentifier.Quote(f.Name)));
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT fid, geom{columns} FROM {Table(info.Name)} ORDER BY fid", connection);
        using var rows = command.ExecuteReader();
        var features = new List<VectorFeature>();
        while (rows.Read())
        {
            var geometry = rows.GetFieldValue<Geometry>(1);
            if (info.Crs?.Epsg is int epsg) geometry.SRID = epsg;
            var attributes = new Dictionary<string, object?>(info.Fields.Count, StringComparer.Ordinal);
            for (var i = 0; i < info.Fields.Count; i++)
                attributes[info.Fields[i].Name] = rows.IsDBNull(i + 2) ? null : rows.GetValue(i + 2);
            features.Add(new VectorFeature(rows.GetInt64(0), geometry, attributes));
        }

        return new VectorLayer(Locator, info.Name, info.Crs, info.Fields, features, GeometryIssues.None);
    }

    public override void WriteLayer(VectorLayer layer, DateTime? changed_utc = null)
    {
        LayerName.Validate(layer.Name, Locator);
        FieldNames.Validate(layer, Locator);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var srid = Srid(connection, layer.Crs);
        var table = Table(layer.Name);
        var columns = string.Concat(layer.Fields.Select(f => $", {SqlIdentifier.Quote(f.Name)} {PostGisColumnType.Sql(f.Type)}"));
        var geometryType = srid == 0 ? "geometry" : $"geometry(Geometry, {srid})";
        Execute(connection, $"""
            DROP TABLE IF EXISTS {table};
            CREATE TABLE {table} (fid bigint PRIMARY KEY, geom {geometryType} NOT NULL{columns});
            """);

        var names = string.Concat(layer.Fields.Select(f => ", " + SqlIdentifier.Quote(f.Name)));
        // Source ids are kept when all are positive and unique (as the GeoPackage writer does), else numbered from 1.
        var keepIds = layer.Features.All(f => f.Id > 0) && layer.Features.Select(f => f.Id).Distinct().Count() == layer.Features.Count;
        using (var copy = connection.BeginBinaryImport($"COPY {table} (fid, geom{names}) FROM STDIN (FORMAT BINARY)"))
        {
            long next = 1;
            foreach (var feature in layer.Features)
            {
                copy.StartRow();
                copy.Write(keepIds ? feature.Id : next++, NpgsqlDbType.Bigint);
                var geometry = feature.Geometry.Copy();
                geometry.SRID = srid;
                copy.Write(geometry, NpgsqlDbType.Geometry);
                foreach (var field in layer.Fields)
                {
                    var value = PostGisColumnType.ToDatabase(feature.Attributes.GetValueOrDefault(field.Name), field.Type);
                    if (value is null) copy.WriteNull();
                    else copy.Write(value, PostGisColumnType.DbType(field.Type));
                }
            }

            copy.Complete();
        }

        Execute(connection, $"CREATE INDEX ON {table} USING gist (geom)");
        Execute(connection, $"""
            INSERT INTO {Table("sc_layers")} (name, srid, crs_wkt, geometry_type, fields, updated_at)
            VALUES (@name, @srid, @wkt, @type, @fields::jsonb, coalesce(@changed, now()))
            ON CONFLICT (name) DO UPDATE SET srid = excluded.srid, crs_wkt = excluded.crs_wkt,
              geometry_type = excluded.geometry_type, fields = excluded.fields, updated_at = excluded.updated_at
            """,
            ("name", layer.Name), ("srid", srid), ("wkt", (object?)layer.Crs?.Wkt ?? DBNull.Value),
            ("type", GeometryTypeName(layer)),
            ("fields", JsonSerializer.Serialize(layer.Fields.Select(f => new[] { f.Name, f.Type.ToString() }))),
            ("changed", PostGisColumnType.ToDatabase(changed_utc, FieldType.DateTime) ?? DBNull.Value));
        transaction.Commit();
        Execute(connection, $"ANALYZE {table}");
    }

    public override IReadOnlyList<long> Intersecting(string layer, Geometry probe)
    {
        var info = Layer(layer);
        return Ids($"SELECT fid FROM {Table(info.Name)} WHERE ST_Intersects(geom, @probe) ORDER BY fid",
            ("probe", WithSrid(probe, info.Srid)));
    }

    public override IReadOnlyList<long> WithinDistance(string layer, Geometry probe, double distance_m)
    {
        var info = Layer(layer);
        var crs = info.Crs ?? throw new InputException(Locator, info.Name, "the layer has no CRS, so distances in metres cannot be measured");
        if (info.Srid == 0) throw new InputException(Locator, info.Name, "the layer's CRS has no EPSG code PostGIS knows, so it cannot be transformed");
        var gk = GeometryArea.GaussKrugerEpsg(probe, crs);
        // The && window (GK envelope grown by the distance, densified, back in the layer's CRS) lets the GiST index
        // pick the candidates; ST_DWithin then measures in the probe's GK zone.
        return Ids($"""
            WITH p AS (SELECT ST_Transform(@probe, @gk) AS g)
            SELECT t.fid FROM {Table(info.Name)} t, p
            WHERE t.geom && ST_Transform(ST_Segmentize(ST_Expand(p.g, @d), greatest(@d, 1.0) / 16), @srid)
              AND ST_DWithin(ST_Transform(t.geom, @gk), p.g, @d)
            ORDER BY t.fid
            """,
            ("probe", WithSrid(probe, info.Srid)), ("gk", gk), ("d", distance_m), ("srid", info.Srid));
    }

    public override IReadOnlyDictionary<long, double> GaussKrugerAreas_m2(string layer)
    {
        var info = Layer(layer);
        if (info.Srid == 0) throw new InputException(Locator, info.Name, "the layer's CRS has no EPSG code PostGIS knows, so it cannot be transformed");
        // The zone of the centroid (4534 + zone - 25, zone = round(lon / 3)); a layer already in a CGCS2000 GK CRS is
        // measured as it is. Edges are densified first as GeometryArea.GaussKruger_m2 does (0.001° or 100 m): a
        // straight edge in lon/lat is a curve in GK, worth ~1,000 m² on a 5 km edge if only the vertices moved.
        var sql = info.Srid is >= 4513 and <= 4554
            ? $"SELECT fid, ST_Area(geom) FROM {Table(info.Name)}"
            : $"""
              SELECT fid, ST_Area(ST_Transform(ST_Segmentize(geom, @densify),
                4534 + floor(ST_X(ST_Transform(ST_Centroid(geom), 4490)) / 3 + 0.5)::int - 25))
              FROM {Table(info.Name)}
              """;
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("densify", info.Crs is { IsGeographic: true } ? 0.001 : 100.0 / (info.Crs?.LinearUnitMetres ?? 1.0));
        using var rows = command.ExecuteReader();
        var areas = new Dictionary<long, double>();
        while (rows.Read()) areas[rows.GetInt64(0)] = rows.GetDouble(1);
        return areas;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _dataSource.Dispose();
    }

    private sealed record LayerInfo(string Name, int Srid, SpatialReference? Crs, string GeometryType, IReadOnlyList<FieldDefinition> Fields);

    private LayerInfo Layer(string name)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT srid, crs_wkt, geometry_type, fields::text FROM {Table("sc_layers")} WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        using var rows = command.ExecuteReader();
        if (!rows.Read()) throw new InputException(Locator, null, $"no zone layer named '{name}'; layers: {string.Join(", ", LayerNames)}");
        var srid = rows.GetInt32(0);
        var wkt = rows.IsDBNull(1) ? null : rows.GetString(1);
        var crs = (srid > 0 ? CrsRegistry.TryFromEpsg(srid) : null) ?? (wkt is null ? null : CrsRegistry.FromWkt(wkt));
        var fields = JsonSerializer.Deserialize<string[][]>(rows.GetString(3))!
            .Select(f => new FieldDefinition(f[0], PostGisColumnType.Parse(f[1]))).ToArray();
        return new LayerInfo(name, srid, crs, rows.GetString(2), fields);
    }

    // The layer's EPSG code when PostGIS knows it (so ST_Transform works), else 0 with the WKT kept in sc_layers.
    private static int Srid(NpgsqlConnection connection, SpatialReference? crs)
    {
        if (crs?.Epsg is not int epsg) return 0;
        using var command = new NpgsqlCommand("SELECT count(*) FROM spatial_ref_sys WHERE srid = @srid", connection);
        command.Parameters.AddWithValue("srid", epsg);
        return (long)command.ExecuteScalar()! > 0 ? epsg : 0;
    }

    private static Geometry WithSrid(Geometry probe, int srid)
    {
        var copy = probe.Copy();
        copy.SRID = srid;
        return copy;
    }

    private static string GeometryTypeName(VectorLayer layer)
    {
        var types = layer.Features.Select(f => f.Geometry.GeometryType).Distinct().Order(StringComparer.Ordinal).ToArray();
        return types.Length switch
        {
            0 => "Geometry",
            1 => types[0],
            _ => string.Join("/", types),
        };
    }

    private List<long> Ids(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var rows = command.ExecuteReader();
        var ids = new List<long>();
        while (rows.Read()) ids.Add(rows.GetInt64(0));
        return ids;
    }

    private static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private string Table(string name) => SqlIdentifier.Quote(Location.Schema, name);

    private static bool HasWorkspace(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
        command.Parameters.AddWithValue("t", SqlIdentifier.Quote(schema, "sc_layers"));
        return (bool)command.ExecuteScalar()!;
    }

    private static void EnsurePostGis(NpgsqlConnection connection, PostGisLocation location)
    {
        using var check = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'", connection);
        if ((long)check.ExecuteScalar()! > 0) return;
        try
        {
            using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            create.ExecuteNonQuery();
        }
        catch (PostgresException e)
        {
            throw new InputException(location.ToString(), null,
                $"PostGIS is not installed in database '{location.Database}' and cannot be created here ({e.MessageText}); run CREATE EXTENSION postgis as a superuser", e);
        }

        connection.ReloadTypes();
    }
}
