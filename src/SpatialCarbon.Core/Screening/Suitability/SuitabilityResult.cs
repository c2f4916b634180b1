using System.Text.Json.Serialization;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>What a suitability search found: the ranked candidates and everything needed to reproduce and explain
/// them (request, constraints, the planar CRS of the shapes, the land-use year, the score formula, data and rules
/// versions).</summary>
public sealed record SuitabilityResult(
    [property: JsonPropertyName("project_type")] string ProjectType,
    [property: JsonPropertyName("industry")] string Industry,
    [property: JsonPropertyName("min_area_ha")] double MinArea_ha,
    [property: JsonPropertyName("crs_epsg")] int? CrsEpsg,
    [property: JsonPropertyName("landuse_year")] int? LandUseYear,
    [property: JsonPropertyName("barren_classes")] IReadOnlyList<int> BarrenClasses,
    [property: JsonPropertyName("barren_patches")] int BarrenPatches,
    [property: JsonPropertyName("damaged_sites")] int DamagedSites,
    [property: JsonPropertyName("constraints")] IReadOnlyList<SuitabilityConstraint> Constraints,
    [property: JsonPropertyName("score_formula")] string ScoreFormula,
    [property: JsonPropertyName("candidates")] IReadOnlyList<SiteCandidate> Candidates,
    [property: JsonPropertyName("data_version")] DataVersion DataVersion,
    [property: JsonPropertyName("rules_version")] string RulesVersion,
    [property: JsonPropertyName("area_method")] string AreaMethod)
{
    /// <summary>The CRS of the candidates' shapes.</summary>
    [JsonIgnore]
    public Crs.SpatialReference? Crs { get; init; }
}
