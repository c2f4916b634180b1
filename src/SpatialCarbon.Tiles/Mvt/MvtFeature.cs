namespace SpatialCarbon.Tiles.Mvt;

/// <summary>A feature ready for encoding: id (null when it has none), tile geometry and attributes in field order
/// (values long, double, string, bool or null; null attributes are left out of the tile).</summary>
public sealed record MvtFeature(ulong? Id, TileGeometry Geometry, IReadOnlyList<KeyValuePair<string, object?>> Attributes);
