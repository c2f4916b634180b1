using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Dissolves the polygonal parts of one zone that overlap, so that no cell counts twice. A valid MultiPolygon
/// has no overlapping parts (repair unions them), so only collections are left to do: a GeometryCollection of
/// polygons is checked by IsValid part by part, and its overlaps survive repair.</summary>
public static class PartDissolve
{
    /// <summary>The zone with its polygonal parts unioned, and whether any overlapped (the input itself when it is
    /// not a collection of two or more polygons).</summary>
    public static (Geometry Geometry, bool Dissolved) Apply(Geometry geometry)
    {
        if (geometry is not GeometryCollection || geometry is MultiPolygon or MultiLineString or MultiPoint) return (geometry, false);
        var polygons = PolygonExtracter.GetPolygons(geometry).Where(p => !p.IsEmpty).ToArray();
        if (polygons.Length == 0) return (geometry, false);
        var union = UnaryUnionOp.Union(polygons);
        var parts = polygons.Sum(p => p.Area);
        // Parts that only touch lose nothing; an overlap makes the union smaller than the sum of the parts.
        return (union, union.Area < parts * (1 - 1e-12));
    }
}
