namespace SpatialCarbon.Tiles;

/// <summary>What a tile source serves: Mapbox vector tiles or PNG images.</summary>
public enum TileKind
{
    Vector,
    Raster,
}
