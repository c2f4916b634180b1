namespace SpatialCarbon.Tiles;

/// <summary>A vector layer as TileJSON lists it.</summary>
public sealed record TileJsonVectorLayer(string Id, IReadOnlyDictionary<string, string> Fields, int Minzoom, int Maxzoom, string Description);

/// <summary>A TileJSON 3.0.0 document (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0).</summary>
public sealed record TileJson(
    string Tilejson,
    IReadOnlyList<string> Tiles,
    string Name,
    string Description,
    string Scheme,
    int Minzoom,
    int Maxzoom,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<double> Center,
    IReadOnlyList<TileJsonVectorLayer>? VectorLayers,
    string? Attribution)
{
    /// <summary>The TileJSON of one raster source or of several vector sources combined in one tile URL.</summary>
    public static TileJson For(IReadOnlyList<TileSourceInfo> sources, string tileUrl)
    {
        var west = sources.Min(s => s.Bounds[0]);
        var south = sources.Min(s => s.Bounds[1]);
        var east = sources.Max(s => s.Bounds[2]);
        var north = sources.Max(s => s.Bounds[3]);
        var minZoom = sources.Min(s => s.MinZoom);
        var maxZoom = sources.Max(s => s.MaxZoom);
        var vector = sources[0].Kind == TileKind.Vector
            ? sources.Select(s => new TileJsonVectorLayer(s.Id, s.Fields ?? new Dictionary<string, string>(), s.MinZoom, s.MaxZoom, s.TitleEn)).ToArray()
            : null;
        return new TileJson("3.0.0", [tileUrl], string.Join(",", sources.Select(s => s.Id)),
            string.Join("; ", sources.Select(s => $"{s.TitleZh} / {s.TitleEn}")), "xyz", minZoom, maxZoom,
            [west, south, east, north], [(west + east) / 2, (south + north) / 2, Math.Clamp(8, minZoom, maxZoom)], vector,
            sources.Select(s => s.Attribution).FirstOrDefault(a => a is not null) ?? "SpatialCarbon (synthetic demo data)");
    }
}
