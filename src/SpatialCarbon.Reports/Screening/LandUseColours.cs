using SkiaSharp;

namespace SpatialCarbon.Reports.Screening;

/// <summary>Display colours and names of the CLCD land-cover classes (the published legend), for report maps.</summary>
internal static class LandUseColours
{
    private static readonly (int Code, string Zh, string En, SKColor Colour)[] Classes =
    [
        (1, "耕地", "Cropland", new SKColor(250, 227, 156)), (2, "林地", "Forest", new SKColor(68, 111, 51)),
        (3, "灌木", "Shrub", new SKColor(51, 160, 44)), (4, "草地", "Grassland", new SKColor(171, 211, 127)),
        (5, "水体", "Water", new SKColor(30, 105, 180)), (6, "冰雪", "Snow/ice", new SKColor(166, 206, 227)),
        (7, "裸地", "Barren", new SKColor(207, 189, 163)), (8, "不透水面", "Impervious", new SKColor(226, 66, 144)),
        (9, "湿地", "Wetland", new SKColor(40, 155, 232)),
    ];

    public static SKColor Colour(int code)
    {
        foreach (var c in Classes)
            if (c.Code == code) return c.Colour;
        return SKColors.White;
    }

    public static string Name(int code, bool english)
    {
        foreach (var c in Classes)
            if (c.Code == code) return english ? c.En : c.Zh;
        return code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<int> Codes => Classes.Select(c => c.Code);
}
