using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace SpatialCarbon.Storage;

/// <summary>The non-spatial part of a workspace (raster catalogue, rules, class schemes, pool tables, run history),
/// read and written with the same parameterised SQL on SQLite and PostgreSQL; only the table names differ.</summary>
/// <param name="connections">Lends the connection each call here runs on.</param>
/// <param name="table">The quoted (for PostGIS schema-qualified) name of an sc_* table.</param>
/// <param name="absent">The tables do not exist (a GeoPackage opened for reading that never was a workspace): reads
/// find nothing, writes are refused.</param>
internal sealed class WorkspaceMetadata(IConnectionLender connections, Func<string, string> table, bool absent = false)
{
    public IReadOnlyList<RasterEntry> Rasters => Query(
        $"SELECT name, kind, year, path FROM {table("sc_rasters")} ORDER BY name",
        r => new RasterEntry(r.GetString(0), RasterKinds.Parse(r.GetString(1)),
            r.IsDBNull(2) ? null : Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), r.GetString(3)));

    public void PutRaster(RasterEntry raster) => Execute(
        $"""
        INSERT INTO {table("sc_rasters")} (name, kind, year, path) VALUES (@name, @kind, @year, @path)
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, year = excluded.year, path = excluded.path
        """,
        ("name", raster.Name), ("kind", raster.Kind.Name()), ("year", raster.Year), ("path", raster.Path));

    public IReadOnlyList<RulesDocument> RulesHistory => Query(
        $"SELECT version, json FROM {table("sc_rules")} ORDER BY id",
        r => new RulesDocument(r.GetString(0), r.GetString(1)));

    public void WriteRules(RulesDocument rules) => Execute(
        $"INSERT INTO {table("sc_rules")} (version, json, stored_at) VALUES (@version, @json, @at)",
        ("version", rules.Version), ("json", rules.Json), ("at", Iso(DateTime.UtcNow)));

    public IReadOnlyList<string> Names(string kind) =>
        Query($"SELECT name FROM {table(kind)} ORDER BY name", r => r.GetString(0)).Order(StringComparer.Ordinal).ToArray();

    public string? Text(string kind, string column, string name) =>
        Query($"SELECT {SqlIdentifier.Quote(column)} FROM {table(kind)} WHERE name = @name", r => r.GetString(0), ("name", name)).FirstOrDefault();

    public void PutText(string kind, string column, string name, string text) => Execute(
        $"""
        INSERT INTO {table(kind)} (name, {SqlIdentifier.Quote(column)}) VALUES (@name, @text)
        ON CONFLICT (name) DO UPDATE SET {SqlIdentifier.Quote(column)} = excluded.{SqlIdentifier.Quote(column)}
        """,
        ("name", name), ("text", text));

    public IReadOnlyList<RunRecord> Runs => Query(
        $"SELECT command, input_hashes, outputs, time_utc FROM {table("sc_runs")} ORDER BY id",
        r => new RunRecord(r.GetString(0),
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(1)) ?? [],
            JsonSerializer.Deserialize<string[]>(r.GetString(2)) ?? [],
            DateTime.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)));

    public void AppendRun(RunRecord run) => Execute(
        $"INSERT INTO {table("sc_runs")} (command, input_hashes, outputs, time_utc) VALUES (@command, @hashes, @outputs, @time)",
        ("command", run.Command),
        ("hashes", JsonSerializer.Serialize(run.InputHashes.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary())),
        ("outputs", JsonSerializer.Serialize(run.Outputs)),
        ("time", Iso(run.Time_utc)));

    /// <summary>The first column of a query's rows, in ordinal order; runs whether or not the sc_* tables exist (it
    /// lists zone layers).</summary>
    public IReadOnlyList<string> SortedStrings(string sql) => connections.Use(connection =>
    {
        using var command = Command(connection, sql, []);
        using var rows = command.ExecuteReader();
        var result = new List<string>();
        while (rows.Read()) result.Add(rows.GetString(0));
        return result.Order(StringComparer.Ordinal).ToArray();
    });

    /// <summary>ISO 8601 UTC with milliseconds, so that text order is time order.</summary>
    internal static string Iso(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        if (absent) return [];
        return connections.Use(connection =>
        {
            using var command = Command(connection, sql, parameters);
            using var rows = command.ExecuteReader();
            var result = new List<T>();
            while (rows.Read()) result.Add(map(rows));
            return result;
        });
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        if (absent) throw new InvalidOperationException("the workspace was opened for reading only");
        connections.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = Command(connection, sql, parameters);
            command.Transaction = transaction;
            command.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
