using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli;

/// <summary>Opens a raster for the commands: the system GDAL reads it (GeoTIFF and every other raster format).</summary>
internal static class RasterFiles
{
    public static IRasterSource Open(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        GdalLibrary.EnsureAvailable(path);
        return new GdalRasterSource(path);
    }
}
