using SpatialCarbon.Core;

namespace SpatialCarbon.Tiles.Archives;

/// <summary>Chooses the archive format by extension: .pmtiles (PMTiles v3) or .mbtiles (MBTiles 1.3).</summary>
public static class TileArchives
{
    public static ITileArchiveWriter Create(string path, TileKind kind) => Extension(path) switch
    {
        ".pmtiles" => new PmTilesWriter(path, kind),
        _ => new MbTilesWriter(path, kind),
    };

    public static ITileArchive Open(string path) => Extension(path) switch
    {
        ".pmtiles" => new PmTilesReader(path),
        _ => new MbTilesReader(path),
    };

    private static string Extension(string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext is ".pmtiles" or ".mbtiles" ? ext : throw new InputException(path, null, "the archive must end in .pmtiles or .mbtiles");
    }

    /// <summary>Archive metadata as TileJSON-like JSON (vector_layers for MVT, as PMTiles and MBTiles expect).</summary>
    internal static string MetadataJson(TileSourceInfo info, int minZoom, int maxZoom)
    {
        var json = TileJson.For([info], "");
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            name = info.Id,
            description = $"{info.TitleZh} / {info.TitleEn}",
            attribution = json.Attribution,
            type = "overlay",
            format = info.Format == "mvt" ? "pbf" : "png",
            minzoom = minZoom,
            maxzoom = maxZoom,
            bounds = info.Bounds,
            vector_layers = json.VectorLayers?.Select(l => new { id = l.Id, fields = l.Fields, minzoom = l.Minzoom, maxzoom = l.Maxzoom, description = l.Description }),
        });
    }
}
