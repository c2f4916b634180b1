using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>The score of a candidate, 0-100: 100 × (0.5 s_type + 0.3 s_distance + 0.2 s_carbon), where
/// s_type is the area-weighted suitability of its land from the rules (the strongest effect of the damaged-land rules
/// that apply to the project and the land's type: encourage 1, allow 0.8, no rule 0.7, review 0.4, restrict 0.2,
/// prohibit 0; barren land outside damaged land has no rule, 0.7); s_distance = min(1, d / D) for the distance d to
/// the nearest constraint zone (before setbacks; 1 when none lies within the search radius) and D =
/// <see cref="SuitabilityRequest.ScoreDistance_m"/>; s_carbon = 1 − min(1, max(0, cost per ha) / the largest cost per
/// ha in the pool table), the cost being the carbon lost if built over (1 without a pool table).</summary>
public static class SuitabilityScore
{
    public const double TypeWeight = 0.5;
    public const double DistanceWeight = 0.3;
    public const double CarbonWeight = 0.2;

    /// <summary>Suitability of land no rule speaks about (barren land, damaged land of a type without a rule).</summary>
    public const double NoRule = 0.7;

    public static string Formula(double scoreDistance_m) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"score = 100 × (0.5 s_type + 0.3 s_distance + 0.2 s_carbon); s_type: damaged-land rule effect for the project (encourage 1, allow 0.8, none 0.7, review 0.4, restrict 0.2, prohibit 0), area-weighted, barren land 0.7; s_distance = min(1, nearest constraint distance / {scoreDistance_m:0} m), 1 when none within the radius; s_carbon = 1 − min(1, max(0, carbon lost if built per ha) / largest such loss per ha in the pool table)");

    public static double Combine(double sType, double sDistance, double sCarbon) =>
        Math.Round(100 * (TypeWeight * sType + DistanceWeight * sDistance + CarbonWeight * sCarbon), 2);

    /// <summary>s_type of damaged land of <paramref name="type"/> for the project.</summary>
    public static double OfType(RuleSet rules, SuitabilityRequest request, string? type)
    {
        Effect? strongest = null;
        foreach (var r in rules.Rules)
        {
            if (r.Scope.ZoneKind != ZoneKind.DamagedLand || r.Condition.Type == ConditionType.Outside) continue;
            if (r.Scope.Types is { Count: > 0 } types && (type is null || !types.Contains(type))) continue;
            if (!r.AppliesTo(request.IndustryCode, "new", request.ProjectType)) continue;
            strongest = strongest is { } s ? Effects.Stronger(s, r.Effect) : r.Effect;
        }

        return strongest switch
        {
            Effect.Encourage => 1,
            Effect.Allow => 0.8,
            Effect.Review => 0.4,
            Effect.Restrict => 0.2,
            Effect.Prohibit => 0,
            _ => NoRule,
        };
    }

    public static double OfDistance(double? distance_m, double scoreDistance_m) =>
        distance_m is { } d ? Math.Min(1, d / scoreDistance_m) : 1;

    public static double OfCarbon(double? cost_mg_c, double area_ha, double maxCost_mg_c_ha) =>
        cost_mg_c is { } c && area_ha > 0 && maxCost_mg_c_ha > 0 ? 1 - Math.Min(1, Math.Max(0, c / area_ha) / maxCost_mg_c_ha) : 1;
}
