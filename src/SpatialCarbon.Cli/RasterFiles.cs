using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli;

/// <summary>Opens a raster for the commands: GeoTIFFs with the managed reader, anything else (or a GeoTIFF the managed
/// reader cannot decode) through the system GDAL.</summary>
internal static class RasterFiles
{
    /// <summary>Decoded-block cache of the managed reader: the commands read each block once, so a small one will do.</summary>
    private const long CacheBytes = 8 << 20;

    public static IRasterSource Open(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".tif" or ".tiff")
        {
            try
            {
                return GeoTiffReader.Open(path, CacheBytes);
            }
            catch (UnsupportedFormatException) when (GdalLibrary.IsAvailable)
            {
            }
        }

        GdalLibrary.EnsureAvailable(path);
        return new GdalRasterSource(path);
    }
}
