using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>The constraints of a suitability search, read from the rules file where it says them:
/// <list type="number">
/// <item>every zone rule that applies to the project (its industry, kind "new", its type) with an effect at least as
/// strong as <see cref="SuitabilityRequest.Avoid"/> excludes the zones in its scope: overlap, intersects and inside
/// conditions the zones themselves, a distance condition the zones grown by its max_m (outside conditions say nothing
/// about where to build and are skipped);</item>
/// <item>the layers of <see cref="SuitabilityRequest.ExcludedLayers"/> are excluded whole (the plan: outside red lines
/// and eco-space);</item>
/// <item>drinking-water source protection areas (eco-space of type 饮用水水源保护区) get a setback: the request's, or else
/// the largest max_m of any distance rule about them in the file, whatever its industry (the rules say how far
/// protection reaches even when written for other industries).</item>
/// </list></summary>
public static class SuitabilityConstraints
{
    /// <summary>The eco-space type of drinking-water source protection areas.</summary>
    public const string DrinkingWater = "饮用水水源保护区";

    public static List<SuitabilityConstraint> From(RuleSet rules, SuitabilityRequest request)
    {
        var list = new List<SuitabilityConstraint>();
        foreach (var rule in rules.Rules)
        {
            if (rule.Scope.IsProvinceWide || rule.Effect > request.Avoid || !rule.AppliesTo(request.IndustryCode, "new", request.ProjectType)) continue;
            switch (rule.Condition.Type)
            {
                case ConditionType.Overlap or ConditionType.Intersects or ConditionType.Inside:
                    list.Add(new SuitabilityConstraint(rule.Scope, 0, $"rule {rule.Id} ({rule.Effect.Name()})"));
                    break;
                case ConditionType.Distance:
                    list.Add(new SuitabilityConstraint(rule.Scope, rule.Condition.MaxDistance_m ?? 0, $"rule {rule.Id} ({rule.Effect.Name()}, within {rule.Condition.MaxDistance_m:0} m)"));
                    break;
            }
        }

        foreach (var kind in request.ExcludedLayers)
            list.Add(new SuitabilityConstraint(new RuleScope(kind), 0, "plan: outside red lines and eco-space (--exclude)"));

        var water = new RuleScope(ZoneKind.EcoSpace, Types: [DrinkingWater]);
        if (request.WaterSetback_m is { } setback)
        {
            if (setback > 0) list.Add(new SuitabilityConstraint(water, setback, "--water-setback-m"));
        }
        else
        {
            var fromRules = rules.Rules
                .Where(r => r.Condition.Type == ConditionType.Distance && r.Scope.ZoneKind == ZoneKind.EcoSpace && r.Scope.Types?.Contains(DrinkingWater) == true)
                .MaxBy(r => r.Condition.MaxDistance_m ?? 0);
            if (fromRules?.Condition.MaxDistance_m is double d && d > 0)
                list.Add(new SuitabilityConstraint(water, d, $"drinking-water setback from rule {fromRules.Id} (within {d:0} m)"));
        }

        return list;
    }
}
