using SpatialCarbon.Core;

namespace SpatialCarbon.Storage;

/// <summary>Rasters named through a workspace's catalogue: the path of an entry (relative to the workspace's raster
/// root), and the land-use rasters by year.</summary>
public static class WorkspaceRasters
{
    /// <summary>An existing file as it is, else the path of the catalogue entry of that name.</summary>
    /// <exception cref="InputException">Neither a file nor a catalogue entry; the problem lists the entries.</exception>
    public static string Resolve(this IWorkspaceStore store, string fileOrName, string option)
    {
        if (File.Exists(fileOrName)) return fileOrName;
        var rasters = store.Rasters;
        var entry = rasters.FirstOrDefault(r => r.Name == fileOrName)
            ?? throw new InputException(option, fileOrName,
                $"neither a file nor a raster of workspace {store.Locator} (its catalogue: {(rasters.Count == 0 ? "empty" : string.Join(", ", rasters.Select(r => r.Name)))})");
        return store.PathOf(entry);
    }

    /// <summary>Land-use rasters by year, as full paths.</summary>
    public static IReadOnlyDictionary<int, string> LandUseByYear(this IWorkspaceStore store) =>
        store.Rasters.Where(r => r is { Kind: RasterKind.LandUse, Year: not null })
            .GroupBy(r => r.Year!.Value)
            .ToDictionary(g => g.Key, g => store.PathOf(g.OrderBy(r => r.Name, StringComparer.Ordinal).First()));

    /// <summary>The path to store in <paramref name="to"/> for an entry of <paramref name="from"/>: as it is when both
    /// share a raster root or it is absolute; relative to a GeoPackage destination's folder when the file lies below
    /// it; else absolute (a PostGIS workspace has no folder of its own).</summary>
    public static string PathFor(IWorkspaceStore from, RasterEntry entry, IWorkspaceStore to)
    {
        if (Path.IsPathRooted(entry.Path) || from.RasterRoot == to.RasterRoot) return entry.Path;
        var full = from.PathOf(entry);
        if (to is GeoPackage.GeoPackageWorkspace && Path.GetRelativePath(to.RasterRoot, full) is var relative
            && !Path.IsPathRooted(relative) && !relative.StartsWith("..", StringComparison.Ordinal))
            return relative.Replace('\\', '/');
        return full;
    }

    /// <summary>An entry's path: relative ones are taken from the workspace's raster root.</summary>
    public static string PathOf(this IWorkspaceStore store, RasterEntry entry) =>
        Path.GetFullPath(Path.Combine(store.RasterRoot, entry.Path));
}
