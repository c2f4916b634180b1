using Microsoft.Data.Sqlite;

namespace SpatialCarbon.Storage.GeoPackage;

/// <summary>The workspace tables a GeoPackage carries beside its feature tables: plain attribute tables registered in
/// gpkg_contents (data_type 'attributes'), each with an integer primary key so that GDAL and QGIS list them.</summary>
internal static class GeoPackageSchema
{
    private static readonly (string Table, string Columns, string Description)[] Tables =
    [
        ("sc_rasters", "name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, year INTEGER, path TEXT NOT NULL", "raster catalogue (paths relative to the workspace)"),
        ("sc_rules", "version TEXT NOT NULL, json TEXT NOT NULL, stored_at TEXT NOT NULL", "screening rules documents, newest last"),
        ("sc_class_schemes", "name TEXT NOT NULL UNIQUE, json TEXT NOT NULL", "land-use class schemes"),
        ("sc_pool_tables", "name TEXT NOT NULL UNIQUE, csv TEXT NOT NULL", "carbon pool tables (Mg C/ha)"),
        ("sc_runs", "command TEXT NOT NULL, input_hashes TEXT NOT NULL, outputs TEXT NOT NULL, time_utc TEXT NOT NULL", "run history"),
    ];

    /// <summary>Whether every workspace table exists (a GeoPackage opened read-only may never have been a workspace).</summary>
    public static bool Present(SqliteConnection connection) => Tables.All(t => GeoPackageLayerTable.HasTable(connection, t.Table));

    /// <summary>Creates the missing workspace tables, in the caller's transaction.</summary>
    public static void Ensure(SqliteConnection connection)
    {
        foreach (var (name, columns, description) in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE IF NOT EXISTS {SqlIdentifier.Quote(name)} (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {columns});
                INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ($t, 'attributes', $t, $d);
                """;
            command.Parameters.AddWithValue("$t", name);
            command.Parameters.AddWithValue("$d", description);
            command.ExecuteNonQuery();
        }
    }
}
