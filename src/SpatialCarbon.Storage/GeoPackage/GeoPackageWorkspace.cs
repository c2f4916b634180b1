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
/// mode so that readers carry on while a writer writes; each write is one IMMEDIATE transaction.</summary>
public sealed class GeoPackageWorkspace : IWorkspaceStore
{
    private readonly WorkspaceMetadata _metadata;

    private GeoPackageWorkspace(string path)
    {
        Path = path;
        _metadata = new WorkspaceMetadata(Connect, SqlIdentifier.Quote);
    }

    /// <summary>The GeoPackage file.</summary>
    public string Path { get; }

    public string Locator => Path;

    public string RasterRoot => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Opens a GeoPackage as a workspace, adding the workspace tables it lacks; with
    /// <paramref name="create"/> a missing file is created empty.</summary>
    /// <exception cref="InputException">The file is missing (and not to be created) or not a GeoPackage.</exception>
    public static GeoPackageWorkspace Open(string path, bool create = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full) && !create) throw new InputException(path, null, "workspace not found (a GeoPackage path, the demo folder, or a postgresql:// URI)");
        if (!File.Exists(full) && !Directory.Exists(System.IO.Path.GetDirectoryName(full)))
            throw new InputException(path, null, "the folder to create the GeoPackage in does not exist");
        var workspace = new GeoPackageWorkspace(full);
        try
        {
            using var connection = workspace.Connect();
            Execute(connection, "PRAGMA journal_mode = WAL;");
            using var transaction = connection.BeginTransaction(deferred: false);
            GeoPackageWriter.Initialize(connection);
            GeoPackageSchema.Ensure(connection);
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new InputException(path, null, $"not a writable GeoPackage ({e.Message})", e);
        }

        return workspace;
    }

    public IReadOnlyList<string> LayerNames
    {
        get
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'";
            using var rows = command.ExecuteReader();
            var names = new List<string>();
            while (rows.Read()) names.Add(rows.GetString(0));
            return names.Order(StringComparer.Ordinal).ToArray();
        }
    }

    public LayerSummary DescribeLayer(string name)
    {
        var info = Layer(name);
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SqlIdentifier.Quote(info.Table)}";
        var count = (long)command.ExecuteScalar()!;
        return new LayerSummary(info.Table, count, info.Crs?.Label ?? "none", info.GeometryType);
    }

    public VectorLayer ReadLayer(string name)
    {
        var info = Layer(name);
        var layer = new GeoPackageReader().Read(Path, info.Table);
        return layer with { Features = layer.Features.OrderBy(f => f.Id).ToArray() };
    }

    public void WriteLayer(VectorLayer layer)
    {
        LayerName.Validate(layer.Name, Path);
        FieldNames.Validate(layer, Path);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        GeoPackageLayerTable.Drop(connection, layer.Name);
        GeoPackageWriter.WriteLayer(connection, layer);
        transaction.Commit();
    }

    public IReadOnlyList<long> Intersecting(string layer, Geometry probe)
    {
        var prepared = PreparedGeometryFactory.Prepare(probe);
        return Candidates(Layer(layer), probe.EnvelopeInternal).Where(c => prepared.Intersects(c.Geometry)).Select(c => c.Id).ToArray();
    }

    public IReadOnlyList<long> WithinDistance(string layer, Geometry probe, double distance_m)
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

    public IReadOnlyDictionary<long, double> GaussKrugerAreas_m2(string layer)
    {
        var info = Layer(layer);
        var crs = info.Crs ?? throw new InputException(Path, info.Table, "the layer has no CRS, so areas in m² cannot be measured");
        return ReadLayer(layer).Features.ToDictionary(f => f.Id, f => GeometryArea.GaussKruger_m2(f.Geometry, crs));
    }

    public IReadOnlyList<RasterEntry> Rasters => _metadata.Rasters;

    public void PutRaster(RasterEntry raster) => _metadata.PutRaster(raster);

    public RulesDocument? ReadRules() => _metadata.RulesHistory.LastOrDefault();

    public IReadOnlyList<RulesDocument> RulesHistory => _metadata.RulesHistory;

    public void WriteRules(RulesDocument rules) => _metadata.WriteRules(rules);

    public IReadOnlyList<string> ClassSchemeNames => _metadata.Names("sc_class_schemes");

    public ClassScheme? ReadClassScheme(string name) =>
        _metadata.Text("sc_class_schemes", "json", name) is { } json ? new ClassScheme(name, json) : null;

    public void WriteClassScheme(ClassScheme scheme) => _metadata.PutText("sc_class_schemes", "json", scheme.Name, scheme.Json);

    public IReadOnlyList<string> PoolTableNames => _metadata.Names("sc_pool_tables");

    public PoolTable? ReadPoolTable(string name) =>
        _metadata.Text("sc_pool_tables", "csv", name) is { } csv ? new PoolTable(name, csv) : null;

    public void WritePoolTable(PoolTable table) => _metadata.PutText("sc_pool_tables", "csv", table.Name, table.Csv);

    public IReadOnlyList<RunRecord> Runs => _metadata.Runs;

    public void AppendRun(RunRecord run) => _metadata.AppendRun(run);

    public void Dispose()
    {
        // Connections are opened per call; nothing stays open between calls.
    }

    private sealed record LayerInfo(string Table, string GeometryColumn, string GeometryType, SpatialReference? Crs);

    private LayerInfo Layer(string name)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
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
        return new LayerInfo(rows.GetString(0), rows.GetString(1), rows.GetString(2), crs);
    }

    private sealed record Candidate(long Id, Geometry Geometry);

    // R-tree first, then the exact test on the candidates only.
    private List<Candidate> Candidates(LayerInfo info, Envelope window)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
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

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
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
