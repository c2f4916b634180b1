using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>The siting screen (选址研判): one footprint and a project against every zone, rule, distance and tonne of
/// carbon in a <see cref="ScreenContext"/>. A plain function over in-memory data: the CLI, the HTTP API and the tests
/// call the same one, and it never reads a file except the blocks of land use under the footprint.</summary>
public static class SiteScreen
{
    /// <summary>Screens <paramref name="footprint"/> (a polygon in <paramref name="crs"/>) for
    /// <paramref name="request"/>. Safe to call from many threads on one context.</summary>
    /// <exception cref="InputException">The footprint has no area or lies outside China; the request is invalid.</exception>
    public static ScreenResult Screen(ScreenContext context, Geometry footprint, SpatialReference crs, ScreenRequest request, string? id = null)
    {
        request.Validate();
        var shape = FootprintShape.Create(footprint, crs, request.AreaMethod, id is null ? "footprint" : $"footprint {id}");
        var searchRadius = Math.Max(request.Radius_m, context.Rules.MaxDistance_m);
        var hits = ZoneSearch.Find(context.Zones, shape, searchRadius, request.AreaMethod);

        var matches = RuleMatcher.Matches(context.Rules, request, hits);
        var verdict = matches.Count == 0 ? Effect.Allow : matches.Select(m => m.Rule.Effect).Aggregate(Effects.Stronger);
        var setting = matches.Where(m => m.Rule.Effect == verdict && m.Hits.Any(h => h.Overlap_m2 > 0)
            && m.Rule.Condition.Type is ConditionType.Intersects or ConditionType.Overlap or ConditionType.Inside).ToList();
        var clearance = request.Clearance && verdict < Effect.Allow && setting.Count > 0
            ? ClearanceSearch.Find(shape, setting, context.Zones, request.Radius_m) : null;

        var landUse = context.LandUse.OrderBy(l => l.Year).Select(l => LandUseUnderFootprint.Compute(l, shape, context.Pools)).ToArray();
        var carbon = context.Pools is not null && landUse.Length > 0 ? LandUseUnderFootprint.Carbon(landUse[^1], context.Pools) : null;

        return new ScreenResult(
            id,
            verdict.Name(),
            new FootprintSummary(shape.Area_m2 / 1e4, shape.GkEpsg, [Math.Round(shape.Centroid.X, 6), Math.Round(shape.Centroid.Y, 6)]),
            Overlaps(hits),
            Nearest(hits, request.Radius_m),
            [.. matches.OrderBy(m => m.Rule.Effect).Select(m => new MatchedRule(m.Rule.Id, m.Rule.Effect.Name(), m.Rule.Dimension, m.Reason, m.ReasonZh,
                m.Rule.Text, m.Rule.TextEn, m.Rule.Source, [.. m.Hits.Select(h => h.Zone.Code).Distinct()]))],
            landUse,
            carbon,
            clearance,
            request.Industry,
            request.Kind,
            request.ProjectType,
            request.Radius_m,
            context.DataVersion,
            context.Rules.Label,
            request.AreaMethod.Name());
    }

    private static ZoneOverlap[] Overlaps(IEnumerable<ZoneHit> hits) =>
    [
        .. hits.Where(h => h.Overlap_m2 > 0).OrderBy(h => h.Layer.Kind).ThenByDescending(h => h.Overlap_m2).Select(h =>
        {
            var z = h.Zone;
            return new ZoneOverlap(z.Layer, z.Code, z.Name, h.Overlap_m2 / 1e4, h.Share,
                z.Kind == ZoneKind.ControlUnit ? Zone.UnitTypeName(z.UnitType) : z.Type, z.UnitType,
                z.Access?.SpatialLayout, z.Access?.PollutantDischarge, z.Access?.EnvironmentalRisk, z.Access?.ResourceEfficiency);
        }),
    ];

    private static NearestZone[] Nearest(IEnumerable<ZoneHit> hits, double radius_m) =>
    [
        .. hits.Where(h => ZoneKinds.Sensitive.Contains(h.Layer.Kind) && h.Distance_m <= radius_m)
            .GroupBy(h => h.Layer.Kind).OrderBy(g => g.Key)
            .Select(g => g.MinBy(h => h.Distance_m)!)
            .Select(h => new NearestZone(h.Zone.Layer, h.Zone.Code, h.Zone.Name, Math.Round(h.Distance_m, 1))),
    ];
}
