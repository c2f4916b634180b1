using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>The workspace's raster tile sources: land use per year (CLCD colours), carbon density per year and
/// density change between years, both from the land use and the pool table.</summary>
public static class RasterSources
{
    public static string LandUseId(int year) => $"landuse_{year}";

    public static string CarbonId(int year) => $"carbon_{year}";

    public static string ChangeId(int from, int to) => $"carbon_change_{from}_{to}";

    public static RasterTileSource LandUse(int year, RasterPyramid raster)
    {
        var nd = raster.Full.NoData ?? double.NaN;
        return new RasterTileSource(LandUseId(year), $"{year}年土地利用", $"Land use {year}", [raster],
            (a, _) => a == nd ? double.NaN : a, CategoricalStyle.Clcd);
    }

    public static RasterTileSource CarbonDensity(int year, RasterPyramid raster, CarbonPoolTable pools)
    {
        var density = Densities(pools);
        var nd = raster.Full.NoData ?? double.NaN;
        var style = new ContinuousStyle(0, pools.Density_mg_c_ha.Max(), ContinuousStyle.YellowGreen, "Mg C/ha");
        return new RasterTileSource(CarbonId(year), $"{year}年碳密度", $"Carbon density {year}", [raster],
            (a, _) => a == nd ? double.NaN : Lookup(density, a), style);
    }

    public static RasterTileSource CarbonChange(int from, RasterPyramid baseline, int to, RasterPyramid alternate, CarbonPoolTable pools)
    {
        var density = Densities(pools);
        var nd0 = baseline.Full.NoData ?? double.NaN;
        var nd1 = alternate.Full.NoData ?? double.NaN;
        var d = pools.Density_mg_c_ha;
        var span = d.Max() - d.Min();
        var style = new ContinuousStyle(-span, span, ContinuousStyle.RedGreen, "Mg C/ha", clearAtZero: true);
        return new RasterTileSource(ChangeId(from, to), $"{from}–{to}年碳密度变化", $"Carbon density change {from}–{to}", [baseline, alternate],
            (a, b) => a == nd0 || b == nd1 ? double.NaN : Lookup(density, b) - Lookup(density, a), style);
    }

    /// <summary>Density per class code 0–255 (NaN where the table has none).</summary>
    private static double[] Densities(CarbonPoolTable pools)
    {
        var d = new double[256];
        Array.Fill(d, double.NaN);
        foreach (var p in pools.Pools)
        {
            if (p.LuCode is >= 0 and < 256) d[p.LuCode] = p.Total_mg_c_ha;
        }

        return d;
    }

    private static double Lookup(double[] density, double code) =>
        code is >= 0 and < 256 ? density[(int)code] : double.NaN;
}
