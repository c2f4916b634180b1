using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage.GeoPackage;

/// <summary>A workspace in one GeoPackage file, the embedded default: zone layers are ordinary feature tables with an
/// R-tree index (GDAL and QGIS open them as they are), the rest lives in sc_* attribute tables. The file is in WAL
/// mode so that readers carry on while a writer writes; each write is one IMMEDIATE transaction. The store keeps one
/// connection and each layer's table metadata for its lifetime (a footprint query then costs an R-tree lookup, not an
/// open and a metadata read); calls are serialised on that connection.</summary>
public sealed class GeoPackageWorkspace : WorkspaceStoreBase, IConnectionLender
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LayerInfo> _layers = new(StringComparer.Ordinal);
    private IReadOnlyList<RasterEntry> _folderRasters = [];

    private GeoPackageWorkspace(string path, SqliteConnection connection, bool readOnly, bool hasTables)
    {
        Path = path;
        _connection = connection;
        ReadOnly = readOnly;
        Metadata = new WorkspaceMetadata(this, SqlIdentifier.Quote, absent: !hasTables);
    }

    /// <summary>The GeoPackage file.</summary>
    public string Path { get; }

    /// <summary>Opened for reading: nothing is written to the file, not even the workspace tables it lacks.</summary>
    public bool ReadOnly { get; }

    public override string Locator => Path;

    public override string RasterRoot => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The stored catalogue, or, when it is empty, the rasters found beside the file (see
    /// <see cref="UseFolderRasters"/>).</summary>
    public override IReadOnlyList<RasterEntry> Rasters => base.Rasters is { Count: > 0 } stored ? stored : _folderRasters;

    /// <summary>Opens a GeoPackage as a workspace, adding the workspace tables it lacks; with
    /// <paramref name="create"/> a missing file is created empty. With <paramref name="readOnly"/> the file is opened
    /// read-only and left exactly as it is (the commands that only read a workspace: screen, serve, zonal, carbon).</summary>
    /// <exception cref="InputException">The file is missing (and not to be created) or not a GeoPackage.</exception>
    public static GeoPackageWorkspace Open(string path, bool create = false, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full) && (!create || readOnly)) throw new InputException(path, null, "workspace not found (a GeoPackage path, the demo folder, or a postgresql:// URI)");
        if (!File.Exists(full) && !Directory.Exists(System.IO.Path.GetDirectoryName(full)))
            throw new InputException(path, null, "the folder to create the GeoPackage in does not exist");
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(full, readOnly);
            if (!readOnly)
            {
                Execute(connection, "PRAGMA journal_mode = WAL;");
                using var transaction = connection.BeginTransaction(deferred: false);
                GeoPackageWriter.Initialize(connection);
                GeoPackageSchema.Ensure(connection);
                transaction.Commit();
            }
            else if (!GeoPackageLayerTable.HasTable(connection, "gpkg_contents"))
            {
                throw new InputException(path, null, "not a GeoPackage (it has no gpkg_contents table)");
            }

            return new GeoPackageWorkspace(full, connection, readOnly, !readOnly || GeoPackageSchema.Present(connection));
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new InputException(path, null, $"not a {(readOnly ? "readable" : "writable")} GeoPackage ({e.Message})", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Rasters to list when the stored catalogue is empty (a folder's files, when it is opened read-only and
    /// so cannot store them).</summary>
    public void UseFolderRasters(IReadOnlyList<RasterEntry> rasters) => _folderRasters = rasters;

    T IConnectionLender.Use<T>(Func<System.Data.Common.DbConnection, T> work)
    {
        lock (_gate) return work(_connection);
    }

    private protected override string LayerNamesSql =>
        "SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'";

    public override LayerSummary DescribeLayer(string name)
    {
        var info = Layer(name);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT (SELECT count(*) FROM {SqlIdentifier.Quote(info.Table)}), (SELECT last_change FROM gpkg_contents WHERE table_name = $t)";
            command.Parameters.AddWithValue("$t", info.Table);
            using var rows = command.ExecuteReader();
            rows.Read();
            var changed = rows.IsDBNull(1) ? DateTime.UnixEpoch : DateTime.Parse(rows.GetString(1), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new LayerSummary(info.Table, rows.GetInt64(0), info.Crs?.Label ?? "none", info.GeometryType, changed);
        }
    }

    public override VectorLayer ReadLayer(string name)
    {
        var info = Layer(name);
        var layer = new GeoPackageReader().Read(Path, info.Table);
        return layer with { Features = layer.Features.OrderBy(f => f.Id).ToArray() };
    }

    public override void WriteLayer(VectorLayer layer, DateTime? changed_utc = null)
    {
        LayerName.Validate(layer.Name, Path);
        FieldNames.Validate(layer, Path);
        lock (_gate)
        {
            _layers.Remove(layer.Name);
            using var transaction = _connection.BeginTransaction(deferred: false);
            GeoPackageLayerTable.Drop(_connection, layer.Name);
            GeoPackageWriter.WriteLayer(_connection, layer, changed_utc);
            transaction.Commit();
        }
    }

    public override IReadOnlyList<long> Intersecting(string layer, Geometry probe)
    {
        var prepared = PreparedGeometryFactory.Prepare(probe);
        return Candidates(Layer(layer), probe.EnvelopeInternal).Where(c => prepared.Intersects(c.Geometry)).Select(c => c.Id).ToArray();
    }

    public override IReadOnlyList<long> WithinDistance(string layer, Geometry probe, double distance_m)
    {
        var info = Layer(layer);
        var crs = info.Crs ?? throw new InputException(Path, info.Table, "the layer has no CRS, so distances in metres cannot be measured");
        var gk = CrsRegistry.FromEpsg(GeometryArea.GaussKrugerEpsg(probe, crs));
        var toGk = new GeometryReprojector(crs, gk);
        var probeGk = toGk.Transform(probe);
        // The search window: the probe's GK envelope grown by the distance, densified and taken back to the layer's CRS.
        var window = probeGk.EnvelopeInternal.Copy();
        window.ExpandBy(distance_m);
        var windowPolygon = NetTopologySuite.Densify.Densifier.Densify(probe.Factory.ToGeometry(window), Math.Max(window.Width, window.Height) / 64);
        var search = new GeometryReprojector(gk, crs).Transform(windowPolygon).EnvelopeInternal;
        return Candidates(info, search).Where(c => toGk.Transform(c.Geometry).IsWithinDistance(probeGk, distance_m)).Select(c => c.Id).ToArray();
    }

    public override IReadOnlyDictionary<long, double> GaussKrugerAreas_m2(string layer)
    {
        var info = Layer(layer);
        var crs = info.Crs ?? throw new InputException(Path, info.Table, "the layer has no CRS, so areas in m² cannot be measured");
        return ReadLayer(layer).Features.ToDictionary(f => f.Id, f => GeometryArea.GaussKruger_m2(f.Geometry, crs));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _connection.Dispose();
    }

    private sealed record LayerInfo(string Table, string GeometryColumn, string GeometryType, SpatialReference? Crs);

    // Cached: a layer's table, geometry column and CRS change only when this store rewrites it (which drops the entry).
    private LayerInfo Layer(string name)
    {
        lock (_gate)
        {
            if (_layers.TryGetValue(name, out var cached)) return cached;
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT g.table_name, g.column_name, g.geometry_type_name, s.organization, s.organization_coordsys_id, s.definition, s.srs_id
                FROM gpkg_geometry_columns g JOIN gpkg_contents c ON c.table_name = g.table_name
                LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
                WHERE c.data_type = 'features' AND g.table_name = $t
                """;
            command.Parameters.AddWithValue("$t", name);
            using var rows = command.ExecuteReader();
            if (!rows.Read()) throw new InputException(Path, null, $"no zone layer named '{name}'; layers: {string.Join(", ", LayerNames)}");
            SpatialReference? crs = null;
            if (!rows.IsDBNull(3) && rows.GetString(3).Equals("EPSG", StringComparison.OrdinalIgnoreCase)) crs = CrsRegistry.TryFromEpsg(rows.GetInt32(4));
            if (crs is null && !rows.IsDBNull(6) && rows.GetInt32(6) is not (-1 or 0) && !rows.IsDBNull(5)) crs = CrsRegistry.FromWkt(rows.GetString(5));
            var info = new LayerInfo(rows.GetString(0), rows.GetString(1), rows.GetString(2), crs);
            _layers[name] = info;
            return info;
        }
    }

    private sealed record Candidate(long Id, Geometry Geometry);

    // R-tree first, then the exact test on the candidates only.
    private List<Candidate> Candidates(LayerInfo info, Envelope window)
    {
        lock (_gate) return CandidatesLocked(info, window);
    }

    private List<Candidate> CandidatesLocked(LayerInfo info, Envelope window)
    {
        using var command = _connection.CreateCommand();
        var rtree = SqlIdentifier.Quote($"rtree_{info.Table}_{info.GeometryColumn}");
        command.CommandText = $"""
            SELECT t.fid, t.{SqlIdentifier.Quote(info.GeometryColumn)} FROM {SqlIdentifier.Quote(info.Table)} t
            JOIN {rtree} r ON r.id = t.fid
            WHERE r.minx <= $maxx AND r.maxx >= $minx AND r.miny <= $maxy AND r.maxy >= $miny ORDER BY t.fid
            """;
        command.Parameters.AddWithValue("$minx", window.MinX);
        command.Parameters.AddWithValue("$maxx", window.MaxX);
        command.Parameters.AddWithValue("$miny", window.MinY);
        command.Parameters.AddWithValue("$maxy", window.MaxY);
        var reader = new GeoPackageGeoReader();
        var result = new List<Candidate>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
            if (!rows.IsDBNull(1)) result.Add(new Candidate(rows.GetInt64(0), reader.Read((byte[])rows.GetValue(1))));
        return result;
    }

    private static SqliteConnection Connect(string path, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
