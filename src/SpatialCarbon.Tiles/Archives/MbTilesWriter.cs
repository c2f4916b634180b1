using Microsoft.Data.Sqlite;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>Writes an MBTiles 1.3 archive (SQLite; TMS rows, MVT gzipped) to a temporary sibling, renamed on
/// <see cref="Complete"/>.</summary>
public sealed class MbTilesWriter : ITileArchiveWriter
{
    private readonly string _path;
    private readonly string _temp;
    private readonly TileKind _kind;
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private SqliteTransaction? _tx;

    public MbTilesWriter(string path, TileKind kind)
    {
        _path = System.IO.Path.GetFullPath(path);
        _temp = _path + ".tmp";
        _kind = kind;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        File.Delete(_temp);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _temp, Pooling = false }.ToString());
        _db.Open();
        Exec("CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);");
        _tx = _db.BeginTransaction();
    }

    public void Add(TileCoord tile, byte[] data)
    {
        var blob = _kind == TileKind.Vector ? PmTilesDirectory.Gzip(data) : data;
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = "INSERT INTO tiles VALUES ($z, $x, $y, $d)";
            cmd.Parameters.AddWithValue("$z", tile.Z);
            cmd.Parameters.AddWithValue("$x", tile.X);
            cmd.Parameters.AddWithValue("$y", (1 << tile.Z) - 1 - tile.Y);
            cmd.Parameters.AddWithValue("$d", blob);
            cmd.ExecuteNonQuery();
        }
    }

    public void Complete(TileSourceInfo info, int minZoom, int maxZoom)
    {
        lock (_gate)
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var meta = new Dictionary<string, string>
            {
                ["name"] = info.Id,
                ["format"] = info.Kind == TileKind.Vector ? "pbf" : "png",
                ["bounds"] = string.Join(",", info.Bounds.Select(v => v.ToString("R", ci))),
                ["minzoom"] = minZoom.ToString(ci),
                ["maxzoom"] = maxZoom.ToString(ci),
                ["type"] = "overlay",
                ["json"] = TileArchives.MetadataJson(info, minZoom, maxZoom),
            };
            foreach (var (k, v) in meta)
            {
                using var cmd = _db.CreateCommand();
                cmd.Transaction = _tx;
                cmd.CommandText = "INSERT INTO metadata VALUES ($k, $v)";
                cmd.Parameters.AddWithValue("$k", k);
                cmd.Parameters.AddWithValue("$v", v);
                cmd.ExecuteNonQuery();
            }

            _tx!.Commit();
            _tx = null;
            Exec("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");
            _db.Close();
            File.Move(_temp, _path, overwrite: true);
        }
    }

    private void Exec(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _tx?.Dispose();
        _db.Dispose();
        File.Delete(_temp);
    }
}
