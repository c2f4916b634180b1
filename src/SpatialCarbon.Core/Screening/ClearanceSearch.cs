using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;

namespace SpatialCarbon.Core.Screening;

/// <summary>How to clear the zone overlaps that set a verdict, in the footprint's Gauss-Kruger zone: the part of the
/// footprint to cut off (its intersection with the obstacles), and the smallest rigid shift found by marching along
/// bearings every 15° in steps of a tenth of the footprint's size (at least 10 m, stopping at the best so far),
/// refined by bisection to 1 m. Obstacles are every zone in the setting rules' scopes near the footprint, so a shift
/// never lands in another zone of the same kind.</summary>
public static class ClearanceSearch
{
    private const int Bearings = 24;

    public static Clearance? Find(FootprintShape footprint, IReadOnlyList<RuleMatcher.Match> setting, Zoning.ZoningIndex zones, double maxShift_m)
    {
        var overlapping = setting.SelectMany(m => m.Hits).Where(h => h.Overlap_m2 > 0).ToList();
        if (overlapping.Count == 0) return null;
        var codes = overlapping.Select(h => h.Zone.Code).Distinct().ToArray();

        var obstacles = new List<Zoning.ProjectedZone>();
        var seen = new HashSet<(Zoning.ZoneKind, int)>();
        var near = ZoneSearch.Expand(footprint.LonLat.EnvelopeInternal, maxShift_m);
        foreach (var m in setting)
        {
            if (m.Rule.Scope.ZoneKind is not { } kind || zones[kind] is not { } layer) continue;
            foreach (var i in layer.Query(near))
                if (m.Rule.Scope.Includes(layer.Zones[i]) && seen.Add((kind, i))) obstacles.Add(layer.InGaussKruger(i, footprint.GkEpsg));
        }

        var cut = UnaryUnionOp.Union(overlapping.Select(h => OverlayNGRobust.Overlay(footprint.Gk, h.Layer.InGaussKruger(h.Index, footprint.GkEpsg).Geometry, SpatialFunction.Intersection)).ToList());
        var cutShare = footprint.Gk.Area > 0 ? Math.Min(1, cut.Area / footprint.Gk.Area) : 0;
        var cutOff_m2 = cutShare * footprint.Area_m2;

        var prepared = obstacles.Select(o => (o.Geometry.EnvelopeInternal, o.Prepared)).ToArray();
        var e = footprint.Gk.EnvelopeInternal;
        var step = Math.Max(10, Math.Max(e.Width, e.Height) / 10);
        double? best = null;
        double bestBearing = 0;
        for (var b = 0; b < Bearings; b++)
        {
            var bearing = b * 360.0 / Bearings;
            var limit = Math.Min(maxShift_m, best ?? maxShift_m);
            var (dx, dy) = (Math.Sin(bearing * Math.PI / 180), Math.Cos(bearing * Math.PI / 180));
            double blocked = 0;
            for (var d = step; d <= limit + step; d += step)
            {
                var at = Math.Min(d, limit);
                if (Blocked(footprint.Gk, dx * at, dy * at, prepared)) { blocked = at; if (at >= limit) break; continue; }
                var lo = blocked;
                var hi = at;
                while (hi - lo > 1)
                {
                    var mid = (lo + hi) / 2;
                    if (Blocked(footprint.Gk, dx * mid, dy * mid, prepared)) lo = mid; else hi = mid;
                }

                if (best is null || hi < best) { best = hi; bestBearing = bearing; }
                break;
            }
        }

        return new Clearance(codes, best is null ? null : Math.Ceiling(best.Value), best is null ? null : bestBearing,
            cutOff_m2 / 1e4, cutShare, $"shift: bearings every {360 / Bearings}° from grid north, steps of {step:0} m refined to 1 m, within {maxShift_m:0} m; cut: intersection with the zones");
    }

    private static bool Blocked(Geometry footprint, double dx, double dy, (Envelope Envelope, IPreparedGeometry Geometry)[] obstacles)
    {
        var moved = AffineTransformation.TranslationInstance(dx, dy).Transform(footprint);
        var env = moved.EnvelopeInternal;
        foreach (var (envelope, geometry) in obstacles)
            if (envelope.Intersects(env) && geometry.Intersects(moved)) return true;
        return false;
    }
}
