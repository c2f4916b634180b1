using NetTopologySuite.Geometries;

namespace SpatialCarbon.Tiles.Vector;

/// <summary>A zone feature held for tiling: its source id, its geometry in EPSG:3857 and its attributes in field order.</summary>
public sealed record ZoneFeature(long Id, Geometry Mercator, IReadOnlyList<KeyValuePair<string, object?>> Attributes);
