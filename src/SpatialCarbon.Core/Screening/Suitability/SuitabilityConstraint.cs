using System.Text.Json.Serialization;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>Land a candidate site must avoid: the zones of a scope, grown by a setback in metres, and where the
/// constraint came from (a rule id, the plan's default, or a command-line override).</summary>
public sealed record SuitabilityConstraint(
    [property: JsonIgnore] RuleScope Scope,
    [property: JsonPropertyName("setback_m")] double Setback_m,
    [property: JsonPropertyName("source")] string Source)
{
    /// <summary>The scope as results print it, e.g. "eco_space (饮用水水源保护区)".</summary>
    [JsonPropertyName("zones")]
    public string Zones => Scope.Describe();
}
