namespace SpatialCarbon.Tiles;

/// <summary>What a catalog and TileJSON say about a source: id, kind, titles, lon/lat bounds (west, south, east,
/// north, EPSG:4326) and the zooms it serves; vector sources also list their layer's fields.</summary>
public sealed record TileSourceInfo(
    string Id,
    TileKind Kind,
    string TitleZh,
    string TitleEn,
    IReadOnlyList<double> Bounds,
    int MinZoom,
    int MaxZoom,
    IReadOnlyDictionary<string, string>? Fields = null,
    string? Attribution = null)
{
    /// <summary>Tile file extension: "mvt" or "png".</summary>
    public string Format => Kind == TileKind.Vector ? "mvt" : "png";

    public string ContentType => Kind == TileKind.Vector ? "application/vnd.mapbox-vector-tile" : "image/png";

    public bool ServesZoom(int z) => z >= MinZoom && z <= MaxZoom;
}
