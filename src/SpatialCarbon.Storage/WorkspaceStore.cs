using SpatialCarbon.Core;
using SpatialCarbon.Storage.GeoPackage;
using SpatialCarbon.Storage.PostGis;

namespace SpatialCarbon.Storage;

/// <summary>Opens a workspace by its locator: a GeoPackage path, a folder holding zones.gpkg (the demo workspace), or
/// a <c>postgresql://user@host:port/db[?schema=NAME]</c> URI.</summary>
public static class WorkspaceStore
{
    /// <summary>The GeoPackage a workspace folder holds.</summary>
    public const string FolderGeoPackage = "zones.gpkg";

    /// <summary>Opens the workspace; <paramref name="create"/> makes a missing GeoPackage (a PostGIS schema is always
    /// created when missing). A folder's rasters are entered in an empty catalogue.</summary>
    /// <exception cref="InputException">The locator is malformed, holds a password, or names nothing openable.</exception>
    public static IWorkspaceStore Open(string locator, bool create = false)
    {
        if (string.IsNullOrWhiteSpace(locator)) throw new InputException("--workspace", null, "no workspace given");
        if (PostGisLocation.IsUri(locator)) return PostGisWorkspace.Open(PostGisLocation.Parse(locator));
        if (Directory.Exists(locator))
        {
            var gpkg = Path.Combine(locator, FolderGeoPackage);
            if (!File.Exists(gpkg) && !create) throw new InputException(locator, null, $"the folder holds no {FolderGeoPackage}");
            var store = GeoPackageWorkspace.Open(gpkg, create);
            if (store.Rasters.Count == 0)
                foreach (var raster in RasterCatalogue.Discover(locator)) store.PutRaster(raster);
            return store;
        }

        if (!Path.GetExtension(locator).Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
            throw new InputException(locator, null, "a workspace is a .gpkg file, a folder holding zones.gpkg, or a postgresql://user@host:port/db URI");
        return GeoPackageWorkspace.Open(locator, create);
    }
}
