using System.Diagnostics.CodeAnalysis;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Storage;

namespace SpatialCarbon.Cli;

/// <summary>Where <c>carbon</c> takes zones and rasters from: a zone file as before, or with <c>--workspace</c> a layer
/// of the workspace (read through the store) and rasters by catalogue name as well as by path.</summary>
internal sealed class CarbonWorkspace : IDisposable
{
    private CarbonWorkspace(string? zones, IWorkspaceStore? store)
    {
        Zones = zones;
        Store = store;
    }

    /// <summary>What the carbon request names as its zones: the zone file, the workspace's locator, or null.</summary>
    public string? Zones { get; }

    public IWorkspaceStore? Store { get; }

    /// <exception cref="InputException">A zone file and a workspace layer both given, or the workspace cannot be opened.</exception>
    public static CarbonWorkspace Open(string? zones, string? workspace, string? layer)
    {
        if (workspace is null) return new CarbonWorkspace(zones, null);
        if (zones is not null && layer is not null)
            throw new InputException("--zones", null, "give either --zones (a file) or --workspace with --zone-layer, not both");
        var store = WorkspaceStore.OpenForReading(workspace);
        return new CarbonWorkspace(zones ?? (layer is null ? null : store.Locator), store);
    }

    /// <summary>A raster option's value: a file as it is, or with a workspace a catalogue name.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Raster(string? value, string option) => value is null || Store is null ? value : Store.Resolve(value, option);

    /// <summary>The zone reader: the workspace's layers for its locator, files otherwise.</summary>
    public SourceLayer ReadZones(string path, string? layer)
    {
        if (Store is null || path != Store.Locator) return Commands.CarbonCommand.ReadZones(path, layer);
        return Store.ReadSource(layer ?? throw new InputException("--zone-layer", null, "--workspace needs --zone-layer: the name of the zone layer"));
    }

    public void Dispose() => Store?.Dispose();
}
