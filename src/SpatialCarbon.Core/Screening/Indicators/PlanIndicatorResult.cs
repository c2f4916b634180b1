using System.Text.Json.Serialization;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Indicators;

/// <summary>The plan's indicators per city and for the province, with the definitions used, the years compared and the
/// data version.</summary>
public sealed record PlanIndicatorResult(
    [property: JsonPropertyName("indicators")] IReadOnlyList<PlanIndicator> Indicators,
    [property: JsonPropertyName("definitions")] IReadOnlyDictionary<string, string> Definitions,
    [property: JsonPropertyName("first_year")] int FirstYear,
    [property: JsonPropertyName("latest_year")] int LatestYear,
    [property: JsonPropertyName("data_version")] DataVersion DataVersion,
    [property: JsonPropertyName("area_method")] string AreaMethod);
