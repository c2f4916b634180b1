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
        var gpkg = GeoPackagePath(locator, create);
        var store = GeoPackageWorkspace.Open(gpkg, create);
        if (Directory.Exists(locator) && store.Rasters.Count == 0)
            foreach (var raster in RasterCatalogue.Discover(locator)) store.PutRaster(raster);
        return store;
    }

    /// <summary>Opens an existing workspace to read it without changing it (screen, serve, zonal, carbon): a GeoPackage
    /// is opened read-only, its catalogue, when it has none, being the rasters beside it; a PostGIS schema must already
    /// hold a workspace.</summary>
    /// <exception cref="InputException">The locator is malformed, holds a password, or names no workspace.</exception>
    public static IWorkspaceStore OpenForReading(string locator)
    {
        if (string.IsNullOrWhiteSpace(locator)) throw new InputException("--workspace", null, "no workspace given");
        if (PostGisLocation.IsUri(locator)) return PostGisWorkspace.Open(PostGisLocation.Parse(locator), mustExist: true);
        var store = GeoPackageWorkspace.Open(GeoPackagePath(locator, create: false), readOnly: true);
        store.UseFolderRasters(RasterCatalogue.Discover(store.RasterRoot));
        return store;
    }

    private static string GeoPackagePath(string locator, bool create)
    {
        if (Directory.Exists(locator))
        {
            var gpkg = Path.Combine(locator, FolderGeoPackage);
            if (!File.Exists(gpkg) && !create) throw new InputException(locator, null, $"the folder holds no {FolderGeoPackage}");
            return gpkg;
        }

        if (!Path.GetExtension(locator).Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
            throw new InputException(locator, null, "a workspace is a .gpkg file, a folder holding zones.gpkg, or a postgresql://user@host:port/db URI");
        return locator;
    }
}
