using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>Tiny rasters and pool tables whose totals can be worked out by hand.</summary>
internal static class CarbonFixtures
{
    /// <summary>Class 1: 10+2+50+0 = 62; class 2: 80+20+100+5 = 205; class 5 (water): 0 Mg C/ha.</summary>
    public const string Pools = """
        LUCODE,Name,C_Above,C_Below,C_Soil,C_Dead,c_above_sd,source
        1,cropland,10,2,50,0,1,test
        2,forest,80,20,100,5,8,test
        5,water,0,0,0,0,0,test
        """;

    /// <summary>A north-up grid in EPSG:4549 with 30 m cells (900 m² = 0.09 ha each).</summary>
    public static RasterGrid Projected(int width, int height) =>
        new(width, height, GeoTransform.NorthUp(400_000, 3_500_000, 30, 30), CrsRegistry.FromEpsg(4549));

    /// <summary>Planar cell areas (exactly 0.09 ha for <see cref="Projected"/> grids), for totals checked by hand.</summary>
    public static CarbonRunOptions Planar { get; } = new(AreaMethod: AreaMethod.Planar);

    public static MemoryRaster Raster(RasterGrid grid, double[] values, double? noData = 0, string path = "mem.tif", int block = 2) =>
        new(grid, values, RasterDataType.Byte, noData, path, block, block);
}
