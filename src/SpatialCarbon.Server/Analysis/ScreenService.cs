using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Demo;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Storage;

namespace SpatialCarbon.Server.Analysis;

/// <summary>The siting screen behind <c>POST /api/screen</c>: the zoning index and rules loaded once on first use (the
/// same Core function the CLI calls), and the latest results kept by id so that their PDF report can be asked for.</summary>
public sealed class ScreenService(ServedWorkspace workspace)
{
    /// <summary>Results kept for report requests; the oldest go first.</summary>
    private const int KeptResults = 1000;

    private readonly Lazy<ScreenContext> context = new(() => Load(workspace));
    private readonly ConcurrentDictionary<string, (ScreenResult Result, Geometry LonLat)> results = new();
    private readonly ConcurrentQueue<string> order = new();

    public ScreenContext Context => context.Value;

    /// <summary>Screens one footprint and keeps the result under a new id.</summary>
    public ScreenResult Screen(Geometry footprint, SpatialReference crs, ScreenRequest request)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var result = SiteScreen.Screen(Context, footprint, crs, request, id);
        results[id] = (result, FootprintShape.Create(footprint, crs, request.AreaMethod).LonLat);
        order.Enqueue(id);
        while (order.Count > KeptResults && order.TryDequeue(out var old)) results.TryRemove(old, out _);
        return result;
    }

    /// <summary>A kept result and its footprint in lon/lat, or null when the id is unknown or expired.</summary>
    public (ScreenResult Result, Geometry LonLat)? Find(string id) => results.TryGetValue(id, out var r) ? r : null;

    private static ScreenContext Load(ServedWorkspace workspace)
    {
        var locator = workspace.Locator ?? throw new InputException(workspace.Name, null, "the siting screen needs a workspace (a folder, a GeoPackage or a postgresql:// URI)");
        using var store = WorkspaceStore.OpenForReading(locator);
        var rules = WorkspaceRules.Read(store, null, DemoWorkspace.FindRepositoryRoot() is { } root ? DemoWorkspace.ForRepository(root).RulesFile : null);
        return WorkspaceScreenContext.Load(store, rules, workspace.Pools.Path);
    }
}
