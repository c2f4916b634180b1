namespace SpatialCarbon.Demo;

/// <summary>Codes of the demo forest-type raster (0 = not forest).</summary>
public static class ForestTypes
{
    public const byte Coniferous = 1;
    public const byte Broadleaf = 2;
    public const byte Mixed = 3;
    public const byte Bamboo = 4;

    public static IReadOnlyList<(byte Code, string Name)> All { get; } =
        [(Coniferous, "coniferous"), (Broadleaf, "broadleaf"), (Mixed, "mixed"), (Bamboo, "bamboo")];
}
