using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Vector;

namespace SpatialCarbon.Bench;

/// <summary>Uncached MVT of control_unit for bench/tiles/run.sh, one side per call so that both run on the same tile
/// list: our <see cref="VectorTileSource"/> on one thread, and PostGIS <c>ST_AsMVT</c> with Martin's query on one
/// connection. Each reports wall and CPU time (ours: this process; PostGIS: its backend, from /proc), so tiles per
/// CPU-second is the per-core rate whatever else loads the machine.</summary>
public static class TilesBenchmark
{
    /// <summary>At most this many tiles per zoom: every tile over the bounds, or an even stride through them.</summary>
    private const int TilesPerZoom = 600;

    /// <summary>A zoom's list is run again until this much CPU time is measured (or <see cref="MaxWallSeconds"/> pass).</summary>
    private const double MinCpuSeconds = 2.0;

    private const double MaxWallSeconds = 30.0;

    /// <summary>Writes "z x y" lines: tiles over the lon/lat bounds at each zoom, thinned to an even stride.</summary>
    public static void WriteTileList(string path, double[] bounds, int[] zooms)
    {
        using var w = new StreamWriter(path);
        foreach (var z in zooms)
        {
            var (x0, y0, x1, y1) = WebMercator.TileRange(bounds, z);
            var count = (double)(x1 - x0 + 1) * (y1 - y0 + 1);
            var stride = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(count / TilesPerZoom)));
            for (var y = y0; y <= y1; y += stride)
            {
                for (var x = x0; x <= x1; x += stride) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{z} {x} {y}"));
            }
        }
    }

    /// <summary>Our side: the layer read once, then every tile of each zoom encoded on this thread (one warm-up pass,
    /// then timed passes).</summary>
    public static void Ours(string gpkg, string tileList)
    {
        var layer = new GeoPackageReader().Read(gpkg, "control_unit");
        var source = VectorTileSource.FromLayer(layer);
        Run("ours", tileList, t => source.GetTile(t)?.Length ?? 0, () => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    }

    /// <summary>PostGIS side: Martin's query (ST_AsMVTGeom of the geometry in EPSG:3857 clipped to the tile plus a 64-unit
    /// buffer, the && filter on the tile envelope with that margin in the table's SRID) as one prepared statement per
    /// tile on one connection, selecting the same attributes our tile carries at that zoom.</summary>
    public static void PostGis(string connection, string table, int srid, string tileList)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        using var pidCommand = new NpgsqlCommand("SELECT pg_backend_pid()", db);
        var pid = (int)pidCommand.ExecuteScalar()!;
        var commands = new Dictionary<bool, NpgsqlCommand>();
        NpgsqlCommand For(int z)
        {
            var few = z < VectorTileSource.FullAttributesZoom;
            if (commands.TryGetValue(few, out var c)) return c;
            using var columns = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = @t AND column_name NOT IN ('fid', 'geom') ORDER BY ordinal_position", db);
            columns.Parameters.AddWithValue("t", table);
            var names = new List<string>();
            using (var r = columns.ExecuteReader())
            {
                while (r.Read()) names.Add(r.GetString(0));
            }

            var kept = string.Join(", ", names.Take(few ? VectorTileSource.LowZoomFields : names.Count).Select(n => $"\"{n}\""));
            c = new NpgsqlCommand($"""
                SELECT ST_AsMVT(tile, '{table}', 4096, 'geom', 'fid') FROM (
                  SELECT fid, {kept}, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
                  FROM "{table}"
                  WHERE geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => (64.0 / 4096)), {srid})
                ) AS tile
                """, db);
            for (var i = 0; i < 3; i++) c.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            c.Prepare();
            commands[few] = c;
            return c;
        }

        Run("postgis", tileList, t =>
        {
            var c = For(t.Z);
            c.Parameters[0].Value = t.Z;
            c.Parameters[1].Value = t.X;
            c.Parameters[2].Value = t.Y;
            return c.ExecuteScalar() is byte[] b ? b.Length : 0;
        }, () => BackendCpuSeconds(pid));
        foreach (var c in commands.Values) c.Dispose();
    }

    private static void Run(string side, string tileList, Func<TileCoord, int> tile, Func<double> cpu)
    {
        var tiles = File.ReadLines(tileList).Select(l => l.Split(' ')).Select(p => new TileCoord(int.Parse(p[0], CultureInfo.InvariantCulture),
            int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture))).ToArray();
        foreach (var zoom in tiles.GroupBy(t => t.Z).OrderBy(g => g.Key))
        {
            var list = zoom.ToArray();
            long bytes = 0, nonEmpty = 0;
            foreach (var t in list)
            {
                var n = tile(t);
                bytes += n;
                if (n > 0) nonEmpty++;
            }

            // Timed passes over the list until enough CPU time is measured to read at 10 ms tick resolution.
            var passes = 0;
            var cpu0 = cpu();
            var clock = Stopwatch.StartNew();
            double used;
            do
            {
                foreach (var t in list) tile(t);
                passes++;
                used = cpu() - cpu0;
            }
            while ((used < MinCpuSeconds && clock.Elapsed.TotalSeconds < MaxWallSeconds) || passes < 2);

            var wall = clock.Elapsed.TotalSeconds;
            var count = list.Length * passes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{side} z{zoom.Key}: {list.Length} tiles ({nonEmpty} non-empty, {bytes / (double)Math.Max(1, nonEmpty) / 1024:F1} KiB each) x{passes} passes = {count}; wall {wall:F2} s ({count / wall:F0} tiles/s), CPU {used:F2} s ({count / Math.Max(used, 0.01):F0} tiles per CPU-second), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
    }

    /// <summary>utime + stime of a process from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double BackendCpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
