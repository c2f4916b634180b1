using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>The demo's raster grid: 30 m cells (times a scale factor for quick test builds) in CGCS2000 / 3-degree
/// Gauss-Kruger CM 120E (EPSG:4549), covering the province with a 1 km margin, origin on whole kilometres.</summary>
public static class DemoGrid
{
    public const double CellSize_m = 30;

    public static RasterGrid Create(Envelope provinceExtent, int scale)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be 1 or more");
        var cell = CellSize_m * scale;
        var left = Math.Floor(provinceExtent.MinX / 1000) * 1000 - 1000;
        var top = Math.Ceiling(provinceExtent.MaxY / 1000) * 1000 + 1000;
        var width = (int)Math.Ceiling((provinceExtent.MaxX + 1000 - left) / cell);
        var height = (int)Math.Ceiling((top - (provinceExtent.MinY - 1000)) / cell);
        return new RasterGrid(width, height, GeoTransform.NorthUp(left, top, cell, cell), CrsRegistry.FromEpsg(4549));
    }
}
