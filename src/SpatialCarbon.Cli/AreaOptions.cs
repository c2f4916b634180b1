using System.CommandLine;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli;

/// <summary><c>--area-method ellipsoidal|planar</c> and <c>--assume-crs EPSG:n</c>, shared by every command that
/// measures areas or carbon, and the raster opening that goes with them.</summary>
internal static class AreaOptions
{
    public static Option<string> Method(string description = "ellipsoidal (default: each cell's true area on the ellipsoid, as China's land survey reports it) or planar (the cell's map area in the raster's CRS, as InVEST computes it)") => new("--area-method")
    {
        Description = description,
        DefaultValueFactory = _ => "ellipsoidal",
    };

    public static Option<string?> AssumeCrs() => new("--assume-crs")
    {
        Description = "CRS of rasters that carry none, e.g. EPSG:4549 (without it such rasters are refused: their areas would be in unknown units)",
    };

    public static AreaMethod ParseMethod(string? text) =>
        AreaMethods.Parse(text) ?? throw new InputException("--area-method", text, "expected ellipsoidal or planar");

    public static SpatialReference? ParseCrs(string? text)
    {
        if (text is null) return null;
        try
        {
            return CrsRegistry.Parse(text);
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException)
        {
            throw new InputException("--assume-crs", text, e.Message);
        }
    }

    /// <summary>Opens a raster whose areas will be measured: in <paramref name="assumed"/> when its file carries no
    /// CRS, refused when it carries none and none is assumed.</summary>
    public static IRasterSource OpenRaster(string path, SpatialReference? assumed)
    {
        var raster = DatasetOpener.OpenRaster(path);
        if (raster.Grid.Crs is null && assumed is null)
        {
            raster.Dispose();
            throw new InputException(path, null,
                "the raster has no CRS, so its cell areas in m² are unknown; give --assume-crs EPSG:n if you know its CRS");
        }

        return AssumedCrsRaster.Apply(raster, assumed);
    }
}
