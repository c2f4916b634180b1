using Microsoft.Data.Sqlite;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>Reads tiles from an MBTiles archive (one read-only connection per call; SQLite pools them).</summary>
public sealed class MbTilesReader : ITileArchive
{
    private readonly string _connection;

    public MbTilesReader(string path)
    {
        Path = path;
        _connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        using var db = new SqliteConnection(_connection);
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT name, value FROM metadata WHERE name IN ('minzoom', 'maxzoom', 'format')";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var value = r.GetString(1);
            switch (r.GetString(0))
            {
                case "minzoom": MinZoom = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "maxzoom": MaxZoom = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "format": IsVector = value == "pbf"; break;
            }
        }
    }

    public string Path { get; }

    public int MinZoom { get; }

    public int MaxZoom { get; }

    public bool IsVector { get; }

    public byte[]? Read(TileCoord tile)
    {
        using var db = new SqliteConnection(_connection);
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = $z AND tile_column = $x AND tile_row = $y";
        cmd.Parameters.AddWithValue("$z", tile.Z);
        cmd.Parameters.AddWithValue("$x", tile.X);
        cmd.Parameters.AddWithValue("$y", (1 << tile.Z) - 1 - tile.Y);
        if (cmd.ExecuteScalar() is not byte[] data) return null;
        return IsVector ? PmTilesDirectory.Gunzip(data) : data;
    }

    public void Dispose()
    {
    }
}
