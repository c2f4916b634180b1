namespace SpatialCarbon.Tiles.Mvt;

/// <summary>MVT geometry types (vector_tile.proto GeomType).</summary>
public enum MvtGeometryType
{
    Point = 1,
    LineString = 2,
    Polygon = 3,
}

/// <summary>A point on the tile's integer grid (0..extent, y down).</summary>
public readonly record struct TilePoint(long X, long Y);

/// <summary>One feature's geometry in tile coordinates: for polygons a list of rings (each ring open: its first
/// point is not repeated; exterior rings first of each polygon, wound as MVT requires); for lines, parts; for points,
/// one part holding every point.</summary>
public sealed record TileGeometry(MvtGeometryType Type, IReadOnlyList<TilePoint[]> Parts)
{
    public bool IsEmpty => Parts.Count == 0;
}
