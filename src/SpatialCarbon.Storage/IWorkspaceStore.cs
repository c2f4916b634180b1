using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>A workspace: zone layers, a raster catalogue, rules, class schemes, pool tables and a run history, kept in
/// a GeoPackage file or a PostGIS schema. Every write is one transaction; readers in other processes see either the
/// state before it or after it.</summary>
public interface IWorkspaceStore : IDisposable
{
    /// <summary>The locator the store was opened with (GeoPackage path or postgresql:// URI, never a password).</summary>
    string Locator { get; }

    /// <summary>The folder raster paths are relative to (the GeoPackage's folder; for PostGIS the current
    /// directory unless the caller knows better).</summary>
    string RasterRoot { get; }

    /// <summary>Zone layer names, ordered by name (ordinal).</summary>
    IReadOnlyList<string> LayerNames { get; }

    /// <exception cref="Core.InputException">No layer of that name.</exception>
    LayerSummary DescribeLayer(string name);

    /// <summary>Reads a whole zone layer into memory, features ordered by id; this is what the screen and the
    /// server take as zones.</summary>
    /// <exception cref="Core.InputException">No layer of that name.</exception>
    VectorLayer ReadLayer(string name);

    /// <summary>Writes a layer under its name, replacing one of the same name, in one transaction; the layer's change
    /// time is <paramref name="changed_utc"/> (a copy keeps the source's) or now.</summary>
    /// <exception cref="Core.InputException">The name is reserved or too long.</exception>
    void WriteLayer(VectorLayer layer, DateTime? changed_utc = null);

    /// <summary>Ids of the features whose geometry intersects <paramref name="probe"/> (given in the layer's CRS).</summary>
    IReadOnlyList<long> Intersecting(string layer, Geometry probe);

    /// <summary>Ids of the features within <paramref name="distance_m"/> metres of <paramref name="probe"/> (in the
    /// layer's CRS), measured in the CGCS2000 Gauss-Kruger zone of the probe's centroid.</summary>
    IReadOnlyList<long> WithinDistance(string layer, Geometry probe, double distance_m);

    /// <summary>Each feature's planar area in m² in the CGCS2000 3-degree Gauss-Kruger zone of its centroid.</summary>
    IReadOnlyDictionary<long, double> GaussKrugerAreas_m2(string layer);

    IReadOnlyList<RasterEntry> Rasters { get; }

    /// <summary>Adds a raster to the catalogue, or replaces the entry of the same name.</summary>
    void PutRaster(RasterEntry raster);

    /// <summary>The newest rules document, or null when none was stored.</summary>
    RulesDocument? ReadRules();

    /// <summary>Every rules document stored, oldest first.</summary>
    IReadOnlyList<RulesDocument> RulesHistory { get; }

    /// <summary>Stores a new rules document; the previous ones stay in the history.</summary>
    void WriteRules(RulesDocument rules);

    IReadOnlyList<string> ClassSchemeNames { get; }

    ClassScheme? ReadClassScheme(string name);

    /// <summary>Stores a class scheme, replacing one of the same name.</summary>
    void WriteClassScheme(ClassScheme scheme);

    IReadOnlyList<string> PoolTableNames { get; }

    PoolTable? ReadPoolTable(string name);

    /// <summary>Stores a pool table, replacing one of the same name.</summary>
    void WritePoolTable(PoolTable table);

    /// <summary>Every run recorded, oldest first.</summary>
    IReadOnlyList<RunRecord> Runs { get; }

    void AppendRun(RunRecord run);
}
