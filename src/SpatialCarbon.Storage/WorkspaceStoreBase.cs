using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>What both homes share: the non-spatial part of a workspace (catalogue, rules, schemes, pool tables, runs)
/// is the same SQL on either, through <see cref="WorkspaceMetadata"/>; only zone layers differ per backend.</summary>
public abstract class WorkspaceStoreBase : IWorkspaceStore
{
    private WorkspaceMetadata? _metadata;

    public abstract string Locator { get; }

    public abstract string RasterRoot { get; }

    public IReadOnlyList<string> LayerNames => Metadata.SortedStrings(LayerNamesSql);

    public virtual IReadOnlyList<RasterEntry> Rasters => Metadata.Rasters;

    public IReadOnlyList<RulesDocument> RulesHistory => Metadata.RulesHistory;

    public IReadOnlyList<string> ClassSchemeNames => Metadata.Names("sc_class_schemes");

    public IReadOnlyList<string> PoolTableNames => Metadata.Names("sc_pool_tables");

    public IReadOnlyList<RunRecord> Runs => Metadata.Runs;

    /// <summary>Set once by the backend's constructor.</summary>
    private protected WorkspaceMetadata Metadata
    {
        get => _metadata ?? throw new InvalidOperationException("the store's metadata was not set up");
        set => _metadata = value;
    }

    /// <summary>The query listing the zone layers' names.</summary>
    private protected abstract string LayerNamesSql { get; }

    public abstract LayerSummary DescribeLayer(string name);

    public abstract VectorLayer ReadLayer(string name);

    public abstract void WriteLayer(VectorLayer layer, DateTime? changed_utc = null);

    public abstract IReadOnlyList<long> Intersecting(string layer, Geometry probe);

    public abstract IReadOnlyList<long> WithinDistance(string layer, Geometry probe, double distance_m);

    public abstract IReadOnlyDictionary<long, double> GaussKrugerAreas_m2(string layer);

    public void PutRaster(RasterEntry raster) => Metadata.PutRaster(raster);

    public RulesDocument? ReadRules() => Metadata.RulesHistory.LastOrDefault();

    public void WriteRules(RulesDocument rules) => Metadata.WriteRules(rules);

    public ClassScheme? ReadClassScheme(string name) =>
        Metadata.Text("sc_class_schemes", "json", name) is { } json ? new ClassScheme(name, json) : null;

    public void WriteClassScheme(ClassScheme scheme) => Metadata.PutText("sc_class_schemes", "json", scheme.Name, scheme.Json);

    public PoolTable? ReadPoolTable(string name) =>
        Metadata.Text("sc_pool_tables", "csv", name) is { } csv ? new PoolTable(name, csv) : null;

    public void WritePoolTable(PoolTable table) => Metadata.PutText("sc_pool_tables", "csv", table.Name, table.Csv);

    public void AppendRun(RunRecord run) => Metadata.AppendRun(run);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
