using System.Globalization;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Decides which rules match a project and its zone hits, and says why with the numbers.</summary>
public static class RuleMatcher
{
    /// <summary>A rule that matched, the zone hits that made it match, and the reasons in English and Chinese.</summary>
    public sealed record Match(ScreeningRule Rule, IReadOnlyList<ZoneHit> Hits, string Reason, string ReasonZh);

    public static List<Match> Matches(RuleSet rules, ScreenRequest request, IReadOnlyList<ZoneHit> hits)
    {
        var matches = new List<Match>();
        foreach (var rule in rules.Rules)
        {
            if (!rule.AppliesTo(request.Industry, request.Kind, request.ProjectType)) continue;
            var who = Who(rule, request);
            var whoZh = WhoZh(rule, request);
            if (rule.Scope.IsProvinceWide)
            {
                matches.Add(new Match(rule, [], $"province-wide rule for {who}", $"全省适用规则（{whoZh}）"));
                continue;
            }

            var inScope = hits.Where(h => rule.Scope.Includes(h.Zone)).ToList();
            var c = rule.Condition;
            var scope = rule.Scope.Describe();
            switch (c.Type)
            {
                case ConditionType.Intersects:
                    {
                        var met = inScope.Where(h => h.Intersects).ToList();
                        if (met.Count > 0) matches.Add(new Match(rule, met, $"{who}: meets {Overlaps(met)}", $"{whoZh}：与{OverlapsZh(met)}相交"));
                        break;
                    }

                case ConditionType.Overlap:
                    {
                        var met = inScope.Where(h => h.Overlap_m2 > 0 && h.Overlap_m2 / 1e4 > (c.MinOverlap_ha ?? 0) && h.Share >= (c.MinShare ?? 0)).ToList();
                        var threshold = Threshold(c);
                        if (met.Count > 0) matches.Add(new Match(rule, met, $"{who}: overlaps {Overlaps(met)}{threshold}", $"{whoZh}：占用{OverlapsZh(met)}{threshold}"));
                        break;
                    }

                case ConditionType.Distance:
                    {
                        var max = c.MaxDistance_m!.Value;
                        var met = inScope.Where(h => h.Distance_m <= max).OrderBy(h => h.Distance_m).ToList();
                        if (met.Count > 0)
                        {
                            var d = string.Join("; ", met.Take(5).Select(h => $"{h.Zone.Code} {h.Zone.Name} at {F(h.Distance_m, 0)} m"));
                            var dz = string.Join("；", met.Take(5).Select(h => $"{h.Zone.Code} {h.Zone.Name} 距 {F(h.Distance_m, 0)} 米"));
                            matches.Add(new Match(rule, met, $"{who}: {scope} within {F(max, 0)} m: {d}{More(met)}", $"{whoZh}：{F(max, 0)} 米内有{scope}：{dz}{More(met)}"));
                        }

                        break;
                    }

                case ConditionType.Inside:
                    {
                        var share = Math.Min(1, inScope.Sum(h => h.Share));
                        if (share >= 1 - 1e-6)
                            matches.Add(new Match(rule, inScope.Where(h => h.Overlap_m2 > 0).ToList(), $"{who}: wholly inside {Overlaps(inScope)}", $"{whoZh}：完全位于{OverlapsZh(inScope)}内"));
                        break;
                    }

                case ConditionType.Outside:
                    if (!inScope.Any(h => h.Intersects))
                        matches.Add(new Match(rule, [], $"{who}: outside every {scope}", $"{whoZh}：不涉及{scope}"));
                    break;
            }
        }

        return matches;
    }

    private static string Who(ScreeningRule rule, ScreenRequest request)
    {
        var pattern = rule.Industries.FirstOrDefault(p => p != "*" && IndustryCode.Matches(p, request.Industry));
        var industry = pattern is null ? $"industry {request.Industry}" : $"industry {request.Industry} (under {pattern})";
        var type = request.ProjectType is null ? "" : $", {request.ProjectType}";
        return $"{industry}, {request.Kind}{type}";
    }

    private static string WhoZh(ScreeningRule rule, ScreenRequest request)
    {
        var pattern = rule.Industries.FirstOrDefault(p => p != "*" && IndustryCode.Matches(p, request.Industry));
        var industry = pattern is null ? $"行业 {request.Industry}" : $"行业 {request.Industry}（属 {pattern}）";
        var kind = request.Kind switch { "new" => "新建", "rebuild" => "改建", "expansion" => "扩建", "restoration" => "生态修复", _ => request.Kind };
        return request.ProjectType is null ? $"{industry}，{kind}" : $"{industry}，{kind}，{request.ProjectType}";
    }

    private static string Overlaps(IReadOnlyList<ZoneHit> hits) =>
        string.Join("; ", hits.Take(5).Select(h => $"{h.Zone.Kind.Name()} {h.Zone.Code} {h.Zone.Name} by {F(h.Overlap_m2 / 1e4, 2)} ha ({F(100 * h.Share, 1)} % of the footprint)")) + More(hits);

    private static string OverlapsZh(IReadOnlyList<ZoneHit> hits) =>
        string.Join("；", hits.Take(5).Select(h => $"{h.Zone.Code} {h.Zone.Name} {F(h.Overlap_m2 / 1e4, 2)} 公顷（占用地 {F(100 * h.Share, 1)}%）")) + More(hits);

    private static string Threshold(RuleCondition c) =>
        c.MinOverlap_ha is null && c.MinShare is null ? "" : $" (threshold: > {F(c.MinOverlap_ha ?? 0, 2)} ha, ≥ {F(100 * (c.MinShare ?? 0), 1)} %)";

    private static string More(IReadOnlyList<ZoneHit> hits) => hits.Count > 5 ? $" (+{hits.Count - 5})" : "";

    private static string F(double v, int decimals) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
