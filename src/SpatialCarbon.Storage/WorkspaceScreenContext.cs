using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Screening;

namespace SpatialCarbon.Storage;

/// <summary>The siting screen's context from a workspace on either home: every zone layer, the land-use rasters of its
/// catalogue, the rules and the pool table, stamped with the workspace's data version.</summary>
public static class WorkspaceScreenContext
{
    /// <exception cref="Core.InputException">A layer, raster, rules or pool file cannot be read.</exception>
    public static ScreenContext Load(IWorkspaceStore store, RuleSet rules, string? poolsPath, Core.Zoning.FieldMapping? mapping = null)
    {
        var layers = store.ReadAll();
        var pools = poolsPath is null ? null : CarbonPoolTable.Read(poolsPath);
        return ScreenContextLoader.Build(layers, store.LandUseByYear(), rules, pools, mapping, WorkspaceDataVersion.Of(store, layers));
    }
}
