namespace SpatialCarbon.Core.LandCover;

/// <summary>The CLCD (China Land Cover Dataset, Yang &amp; Huang 2021) class scheme with its published legend colours.</summary>
public static class ClcdScheme
{
    public const byte Cropland = 1;
    public const byte Forest = 2;
    public const byte Shrub = 3;
    public const byte Grassland = 4;
    public const byte Water = 5;
    public const byte SnowIce = 6;
    public const byte Barren = 7;
    public const byte Impervious = 8;
    public const byte Wetland = 9;

    public static IReadOnlyList<LandCoverClass> Classes { get; } =
    [
        new(Cropland, "耕地", "Cropland", 250, 227, 156),
        new(Forest, "林地", "Forest", 68, 111, 51),
        new(Shrub, "灌木", "Shrub", 51, 160, 44),
        new(Grassland, "草地", "Grassland", 171, 211, 127),
        new(Water, "水体", "Water", 30, 105, 180),
        new(SnowIce, "冰雪", "Snow/ice", 166, 206, 227),
        new(Barren, "裸地", "Barren", 207, 189, 163),
        new(Impervious, "不透水面", "Impervious", 226, 66, 144),
        new(Wetland, "湿地", "Wetland", 40, 155, 232),
    ];

    public static LandCoverClass? Find(int code) => Classes.FirstOrDefault(c => c.Code == code);
}
