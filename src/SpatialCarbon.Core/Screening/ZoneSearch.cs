using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Finds the zones under and around a footprint: the overlap of each zone it meets (intersection in lon/lat
/// measured on the ellipsoid, or intersection in the footprint's Gauss-Kruger zone for planar areas) and, for the
/// sensitive layers, the distance in metres in that zone to every feature within the search radius.</summary>
public static class ZoneSearch
{
    public static List<ZoneHit> Find(ZoningIndex zones, FootprintShape footprint, double searchRadius_m, AreaMethod method)
    {
        var hits = new List<ZoneHit>();
        var near = Expand(footprint.LonLat.EnvelopeInternal, searchRadius_m);
        var cgcs = CrsRegistry.Cgcs2000;
        foreach (var layer in zones.Layers)
        {
            var sensitive = ZoneKinds.Sensitive.Contains(layer.Kind);
            var candidates = layer.Query(sensitive ? near : footprint.LonLat.EnvelopeInternal);
            foreach (var i in candidates)
            {
                var prepared = layer.Prepared(i);
                if (prepared.Intersects(footprint.LonLat))
                {
                    double overlap;
                    // A footprint wholly inside the zone (the usual case for control units and districts) overlaps it
                    // by its own area: no overlay of the zone's thousands of vertices is needed.
                    if (prepared.Contains(footprint.LonLat)) overlap = footprint.Area_m2;
                    else if (method == AreaMethod.Planar)
                        overlap = OverlayNGRobust.Overlay(footprint.Gk, layer.InGaussKruger(i, footprint.GkEpsg).Geometry, SpatialFunction.Intersection).Area;
                    else
                        overlap = GeometryArea.Ellipsoidal_m2(OverlayNGRobust.Overlay(footprint.LonLat, layer.Zones[i].LonLat, SpatialFunction.Intersection), cgcs);
                    hits.Add(new ZoneHit(layer, i, overlap, footprint.Area_m2 > 0 ? Math.Min(1, overlap / footprint.Area_m2) : 0, 0, true));
                }
                else if (sensitive)
                {
                    var distance = layer.InGaussKruger(i, footprint.GkEpsg).Facets.Distance(footprint.Gk);
                    if (distance <= searchRadius_m) hits.Add(new ZoneHit(layer, i, 0, 0, distance, false));
                }
            }
        }

        return hits;
    }

    /// <summary>An envelope grown by a distance in metres, generously (1 % more, at the higher latitude).</summary>
    public static Envelope Expand(Envelope lonLat, double distance_m)
    {
        var lat = Math.Min(89, Math.Max(Math.Abs(lonLat.MinY), Math.Abs(lonLat.MaxY)));
        var dLat = distance_m * 1.01 / 110_574.0;
        var dLon = distance_m * 1.01 / (111_320.0 * Math.Cos(lat * Math.PI / 180));
        return new Envelope(lonLat.MinX - dLon, lonLat.MaxX + dLon, lonLat.MinY - dLat, lonLat.MaxY + dLat);
    }
}
