using Npgsql;

namespace SpatialCarbon.Storage.PostGis;

/// <summary>The workspace schema's versioned migrations, applied in order when a store opens and recorded in
/// schema_migrations; an advisory lock on the schema name keeps two processes from applying them at once.</summary>
internal static class PostGisMigrations
{
    /// <summary>Each migration's version, name and SQL; {0} stands for the quoted schema. Append, never edit.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "workspace tables", """
            CREATE TABLE {0}.sc_layers (
              name text PRIMARY KEY, srid integer NOT NULL, crs_wkt text, geometry_type text NOT NULL,
              fields jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE {0}.sc_rasters (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE,
              kind text NOT NULL CHECK (kind IN ('landuse', 'forest_type', 'stand_age', 'derived')),
              year integer, path text NOT NULL);
            CREATE TABLE {0}.sc_rules (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, version text NOT NULL, json text NOT NULL, stored_at text NOT NULL);
            CREATE TABLE {0}.sc_class_schemes (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE, json text NOT NULL);
            CREATE TABLE {0}.sc_pool_tables (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE, csv text NOT NULL);
            CREATE TABLE {0}.sc_runs (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, command text NOT NULL, input_hashes text NOT NULL,
              outputs text NOT NULL, time_utc text NOT NULL);
            """),
    ];

    /// <summary>Creates the schema when missing and applies the migrations it lacks, in one transaction.</summary>
    public static void Apply(NpgsqlConnection connection, string schema)
    {
        var s = SqlIdentifier.Quote(schema);
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(hashtext(@schema))", ("schema", schema));
        Execute(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.schema_migrations (
              version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """);
        var applied = new HashSet<int>();
        using (var command = new NpgsqlCommand($"SELECT version FROM {s}.schema_migrations", connection))
        using (var rows = command.ExecuteReader())
            while (rows.Read()) applied.Add(rows.GetInt32(0));
        foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            Execute(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, s));
            Execute(connection, $"INSERT INTO {s}.schema_migrations (version, name) VALUES (@v, @n)", ("v", version), ("n", name));
        }

        transaction.Commit();
    }

    /// <summary>The newest migration applied to the schema.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {SqlIdentifier.Quote(schema)}.schema_migrations", connection);
        return (int)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
