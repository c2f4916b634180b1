namespace SpatialCarbon.Storage;

/// <summary>What a catalogued raster holds.</summary>
public enum RasterKind
{
    LandUse,
    ForestType,
    StandAge,
    Derived,
}

/// <summary>The stored names of <see cref="RasterKind"/> (landuse, forest_type, stand_age, derived).</summary>
public static class RasterKinds
{
    public static string Name(this RasterKind kind) => kind switch
    {
        RasterKind.LandUse => "landuse",
        RasterKind.ForestType => "forest_type",
        RasterKind.StandAge => "stand_age",
        _ => "derived",
    };

    /// <exception cref="FormatException">Not one of the four names.</exception>
    public static RasterKind Parse(string name) => name switch
    {
        "landuse" => RasterKind.LandUse,
        "forest_type" => RasterKind.ForestType,
        "stand_age" => RasterKind.StandAge,
        "derived" => RasterKind.Derived,
        _ => throw new FormatException($"unknown raster kind '{name}' (landuse, forest_type, stand_age, derived)"),
    };
}
