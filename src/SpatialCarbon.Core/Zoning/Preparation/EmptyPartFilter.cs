using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Drops the empty parts of a multi-part geometry and keeps the others: a MultiPolygon with one empty part
/// is its other parts, not an empty zone.</summary>
public static class EmptyPartFilter
{
    /// <summary>The note a reader puts on a feature whose empty parts it had to drop to decode it at all.</summary>
    public const string DecodeNote = "empty part(s) dropped, the others kept";

    /// <summary>The geometry without its empty parts, and how many were dropped (the input itself when none).</summary>
    public static (Geometry Geometry, int Dropped) Apply(Geometry geometry)
    {
        if (geometry is not GeometryCollection collection || geometry.IsEmpty) return (geometry, 0);
        var parts = new List<Geometry>(collection.NumGeometries);
        var dropped = 0;
        for (var i = 0; i < collection.NumGeometries; i++)
        {
            var part = collection.GetGeometryN(i);
            if (part.IsEmpty) dropped++;
            else parts.Add(part);
        }

        if (dropped == 0) return (geometry, 0);
        var f = geometry.Factory;
        Geometry kept = geometry switch
        {
            MultiPolygon => f.CreateMultiPolygon(parts.Cast<Polygon>().ToArray()),
            MultiLineString => f.CreateMultiLineString(parts.Cast<LineString>().ToArray()),
            MultiPoint => f.CreateMultiPoint(parts.Cast<Point>().ToArray()),
            _ => f.CreateGeometryCollection(parts.ToArray()),
        };
        return (kept, dropped);
    }
}
