using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Refuses interventions that together convert more than all the land of a class somewhere: each converts its
/// share of the base-year land of its from-classes in its region, so wherever regions overlap the shares of the
/// interventions there add up, and they may not exceed 1. Shares are not rationed in order: a scenario that asks for
/// more land than exists is a mistake to correct, not a figure to report.</summary>
public static class InterventionOverlap
{
    /// <summary>Overlap land below this (ha, a ninth of a 30 m cell) is digitising noise along shared edges.</summary>
    public const double Tolerance_ha = 0.01;

    private const double ShareSlack = 1e-9;

    public static void Ensure(IReadOnlyList<EligibleLand> land, string scenarioPath, Raster.IRasterSource lulc, CarbonPoolTable pools,
        CarbonRunOptions options)
    {
        var k = pools.Codes.Count;
        foreach (var code in land.SelectMany(l => l.Intervention.FromClasses).Distinct().Order())
        {
            var involved = land.Where(l => l.Intervention.FromClasses.Contains(code) && l.Area_ha.GetValueOrDefault(code) > 0).ToArray();
            if (involved.Sum(l => l.Intervention.Share) <= 1 + ShareSlack) continue;
            var f = pools.Codes.IndexOf(code);
            foreach (var (piece, members) in Pieces(involved))
            {
                var share = members.Sum(i => involved[i].Intervention.Share);
                if (share <= 1 + ShareSlack) continue;
                var area_ha = ScenarioEligibility.Land(piece, lulc, pools, options).Area_m2[f * k + f] * CarbonUnits.HaPerM2;
                if (area_ha <= Tolerance_ha) continue;
                var names = MessageList.Cut(members, i => $"'{involved[i].Intervention.Name}'");
                throw new InputException(scenarioPath, $"interventions {names}", string.Create(CultureInfo.InvariantCulture,
                    $"together convert {share * 100:0.##} % of the {area_ha:N1} ha of class {code} where their regions overlap; the shares of one class's land may add up to at most 100 %"));
            }
        }
    }

    /// <summary>The arrangement of the regions: disjoint pieces, each with the (indices of the) regions covering it.</summary>
    private static List<(Geometry Piece, List<int> Members)> Pieces(IReadOnlyList<EligibleLand> land)
    {
        var pieces = new List<(Geometry, List<int>)>();
        for (var i = 0; i < land.Count; i++)
        {
            var region = land[i].Region;
            var rest = region;
            var next = new List<(Geometry, List<int>)>();
            foreach (var (g, members) in pieces)
            {
                var inside = Polygonal(OverlayNGRobust.Overlay(g, region, SpatialFunction.Intersection));
                var outside = Polygonal(OverlayNGRobust.Overlay(g, region, SpatialFunction.Difference));
                if (inside is not null) next.Add((inside, [.. members, i]));
                if (outside is not null) next.Add((outside, members));
                rest = OverlayNGRobust.Overlay(rest, g, SpatialFunction.Difference);
            }

            if (Polygonal(rest) is { } own) next.Add((own, [i]));
            pieces = next;
        }

        return pieces;
    }

    // Touching regions intersect in lines or points, which hold no land.
    private static Geometry? Polygonal(Geometry g)
    {
        var polygons = PolygonExtracter.GetPolygons(g).Where(p => p.Area > 0).ToArray();
        return polygons.Length == 0 ? null : g.Factory.BuildGeometry(polygons);
    }
}
