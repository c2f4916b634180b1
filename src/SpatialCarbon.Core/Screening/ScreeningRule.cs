namespace SpatialCarbon.Core.Screening;

/// <summary>One rule of a rules file: whom it applies to (industries as GB/T 4754-2017 code patterns, project kinds,
/// project types), where (scope and condition), what it says (effect, dimension, original text and source), and the
/// line it starts on in its file.</summary>
public sealed record ScreeningRule(
    string Id,
    RuleScope Scope,
    string Dimension,
    Effect Effect,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> ProjectKinds,
    IReadOnlyList<string> ProjectTypes,
    RuleCondition Condition,
    string Text,
    string? TextEn,
    string Source,
    int Line)
{
    /// <summary>True when the rule concerns this industry, project kind and project type (a rule without project
    /// types concerns every type; a project without a type matches only such rules).</summary>
    public bool AppliesTo(string industry, string kind, string? projectType) =>
        Industries.Any(p => IndustryCode.Matches(p, industry))
        && (ProjectKinds.Count == 0 || ProjectKinds.Contains(kind))
        && (ProjectTypes.Count == 0 || (projectType is not null && ProjectTypes.Contains(projectType)));
}
