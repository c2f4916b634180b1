using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>Zone layers read from a workspace into memory, as the screen and the server take them.</summary>
public static class WorkspaceLayers
{
    /// <summary>Every zone layer of the workspace by name (or only <paramref name="names"/>), read whole.</summary>
    public static IReadOnlyDictionary<string, VectorLayer> ReadAll(this IWorkspaceStore store, IEnumerable<string>? names = null) =>
        (names ?? store.LayerNames).ToDictionary(n => n, store.ReadLayer, StringComparer.Ordinal);
}
