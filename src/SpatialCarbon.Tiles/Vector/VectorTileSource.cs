using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tiles.Mvt;

namespace SpatialCarbon.Tiles.Vector;

/// <summary>MVT tiles of one zone layer held in memory in EPSG:3857 and indexed with an STRtree: each tile gets the
/// features meeting the tile plus its buffer, clipped and snapped to the tile grid, with their ids and attributes.
/// Layers of more than <see cref="LargeLayer"/> features carry only their first <see cref="LowZoomFields"/>
/// fields below <see cref="FullAttributesZoom"/>, which keeps the tiles that show the whole province small.</summary>
public sealed class VectorTileSource : ITileSource
{
    public const int Buffer = 64;
    public const int LargeLayer = 1000;
    public const int LowZoomFields = 3;
    public const int FullAttributesZoom = 10;

    private readonly STRtree<ZoneFeature> _index = new();
    private readonly bool _large;

    public VectorTileSource(string id, IReadOnlyList<ZoneFeature> features, IReadOnlyList<FieldDefinition> fields, int minZoom = 0, int maxZoom = 16)
    {
        Features = features;
        foreach (var f in features) _index.Insert(f.Mercator.EnvelopeInternal, f);
        _index.Build();
        _large = features.Count > LargeLayer;
        var extent = new Envelope();
        foreach (var f in features) extent.ExpandToInclude(f.Mercator.EnvelopeInternal);
        var (west, south) = extent.IsNull ? (-180.0, -85.0) : WebMercator.ToLonLat(extent.MinX, extent.MinY);
        var (east, north) = extent.IsNull ? (180.0, 85.0) : WebMercator.ToLonLat(extent.MaxX, extent.MaxY);
        var (zh, en) = LayerTitles.For(id);
        Info = new TileSourceInfo(id, TileKind.Vector, zh, en, [west, south, east, north], minZoom, maxZoom,
            fields.ToDictionary(f => f.Name, f => f.Type is FieldType.Integer or FieldType.Real ? "Number" : f.Type == FieldType.Boolean ? "Boolean" : "String"));
    }

    public TileSourceInfo Info { get; }

    /// <summary>The features, in EPSG:3857.</summary>
    public IReadOnlyList<ZoneFeature> Features { get; }

    /// <summary>A source over an in-memory layer (from a GeoPackage, a workspace store...), reprojected to EPSG:3857.</summary>
    /// <exception cref="InputException">The layer has no CRS.</exception>
    public static VectorTileSource FromLayer(VectorLayer layer, string? id = null)
    {
        var crs = layer.Crs ?? throw new InputException(layer.SourcePath, layer.Name, "the layer has no CRS; tiles need to know where it is");
        var toMercator = new GeometryReprojector(crs, CrsRegistry.WebMercator);
        var features = layer.Features
            .Select(f => new ZoneFeature(f.Id, toMercator.Transform(f.Geometry),
                layer.Fields.Select(fd => new KeyValuePair<string, object?>(fd.Name, f.Attributes.GetValueOrDefault(fd.Name))).ToArray()))
            .ToArray();
        return new VectorTileSource(id ?? layer.Name, features, layer.Fields);
    }

    /// <summary>Features whose geometry meets a point given in EPSG:3857.</summary>
    public IEnumerable<ZoneFeature> At(double x, double y)
    {
        var point = new Point(x, y);
        return _index.Query(new Envelope(x, x, y, y)).Where(f => f.Mercator.Intersects(point)).OrderBy(f => f.Id);
    }

    public byte[]? GetTile(TileCoord tile)
    {
        if (!Info.ServesZoom(tile.Z)) return null;
        var bounds = WebMercator.TileBounds(tile);
        var pad = bounds.Width * Buffer / MvtEncoder.Extent;
        var query = new Envelope(bounds.MinX - pad, bounds.MaxX + pad, bounds.MinY - pad, bounds.MaxY + pad);
        var keep = _large && tile.Z < FullAttributesZoom ? LowZoomFields : int.MaxValue;
        var features = _index.Query(query)
            .OrderBy(f => f.Id)
            .Select(f => TileClipper.Clip(f.Mercator, bounds, MvtEncoder.Extent, Buffer) is { } g
                ? new MvtFeature(f.Id >= 0 ? (ulong)f.Id : null, g, keep >= f.Attributes.Count ? f.Attributes : f.Attributes.Take(keep).ToArray())
                : null)
            .OfType<MvtFeature>();
        return MvtEncoder.EncodeLayer(Info.Id, features);
    }
}
