using Microsoft.Data.Sqlite;

namespace SpatialCarbon.Storage.GeoPackage;

/// <summary>Removes a feature table with everything that refers to it: its R-tree index (the table's triggers go with
/// the table), and its rows in gpkg_contents, gpkg_geometry_columns, gpkg_extensions and GDAL's gpkg_ogr_contents.</summary>
internal static class GeoPackageLayerTable
{
    /// <summary>Drops the layer if it exists, in the caller's transaction.</summary>
    public static void Drop(SqliteConnection connection, string layer)
    {
        string? geometryColumn;
        using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = $t";
            find.Parameters.AddWithValue("$t", layer);
            geometryColumn = find.ExecuteScalar() as string;
        }

        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$t", layer);
        var sql = "";
        if (geometryColumn is not null) sql += $"DROP TABLE IF EXISTS {SqlIdentifier.Quote($"rtree_{layer}_{geometryColumn}")};";
        sql += $"""
            DROP TABLE IF EXISTS {SqlIdentifier.Quote(layer)};
            DELETE FROM gpkg_extensions WHERE table_name = $t;
            DELETE FROM gpkg_geometry_columns WHERE table_name = $t;
            DELETE FROM gpkg_contents WHERE table_name = $t;
            """;
        if (HasTable(connection, "gpkg_ogr_contents")) sql += "DELETE FROM gpkg_ogr_contents WHERE table_name = $t;";
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return (long)command.ExecuteScalar()! > 0;
    }
}
