using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>Zone layers read from a workspace into memory, as the screen, the server, zonal and carbon take them.</summary>
public static class WorkspaceLayers
{
    /// <summary>Every zone layer of the workspace by name (or only <paramref name="names"/>), read whole.</summary>
    public static IReadOnlyDictionary<string, VectorLayer> ReadAll(this IWorkspaceStore store, IEnumerable<string>? names = null) =>
        (names ?? store.LayerNames).ToDictionary(n => n, store.ReadLayer, StringComparer.Ordinal);

    /// <summary>A zone layer as <see cref="Core.Zoning.Preparation.ZonePreparation.Prepare"/> takes it: the features
    /// in id order, with those the reader set aside for want of a geometry put back (empty) so that they keep their
    /// row, and the reader's repair notes.</summary>
    /// <exception cref="Core.InputException">No layer of that name.</exception>
    public static SourceLayer ReadSource(this IWorkspaceStore store, string name)
    {
        var layer = store.ReadLayer(name);
        var features = layer.Features.Concat(layer.Issues.SkippedFeatures)
            .OrderBy(f => f.Id)
            .Select(f => new SourceFeature(f.Id, f.Geometry, f.Attributes))
            .ToArray();
        return new SourceLayer(store.Locator, layer.Name, layer.Crs, layer.Fields, features, layer.Issues.Details);
    }
}
