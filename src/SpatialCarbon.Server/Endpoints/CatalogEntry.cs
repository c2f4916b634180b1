using SpatialCarbon.Tiles;

namespace SpatialCarbon.Server.Endpoints;

/// <summary>Titles of a source in both languages.</summary>
public sealed record Title(string Zh, string En);

/// <summary>One line of <c>GET /catalog</c>: a tile source, where its tiles, TileJSON and legend are.</summary>
public sealed record CatalogEntry(string Id, string Kind, Title Title, IReadOnlyList<double> Bounds, int Minzoom, int Maxzoom,
    string Tiles, string Tilejson, string? Legend, bool Archived)
{
    public static CatalogEntry From(ITileSource s) => new(
        s.Id, s.Info.Kind == TileKind.Vector ? "vector" : "raster", new Title(s.Info.TitleZh, s.Info.TitleEn), s.Info.Bounds,
        s.Info.MinZoom, s.Info.MaxZoom, $"/tiles/{s.Id}/{{z}}/{{x}}/{{y}}.{s.Info.Format}", $"/tiles/{s.Id}.json",
        s.Info.Kind == TileKind.Raster ? $"/legend/{s.Id}" : null, s is Tiles.Archives.ArchiveTileSource);
}
