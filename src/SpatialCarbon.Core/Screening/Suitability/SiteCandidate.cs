using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>One candidate site: its rank and score (with the three parts, see <see cref="SuitabilityScore"/>), its area
/// by the request's method, what land it is (damaged-land types and codes, barren hectares), the carbon it holds in
/// the latest land use and the carbon lost if it were built over (CLCD 8, as the screen counts it; negative when the
/// table gives built land more carbon than the land now holds), the nearest constraint zone, its centroid in CGCS2000
/// lon/lat and its shape in the search's planar CRS.</summary>
public sealed record SiteCandidate(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("area_ha")] double Area_ha,
    [property: JsonPropertyName("land")] string Land,
    [property: JsonPropertyName("damaged_codes")] string DamagedCodes,
    [property: JsonPropertyName("damaged_ha")] double Damaged_ha,
    [property: JsonPropertyName("barren_ha")] double Barren_ha,
    [property: JsonPropertyName("carbon_stock_mg_c")] double? CarbonStock_mg_c,
    [property: JsonPropertyName("carbon_cost_mg_c")] double? CarbonCost_mg_c,
    [property: JsonPropertyName("nearest_constraint_m")] double? NearestConstraint_m,
    [property: JsonPropertyName("nearest_constraint")] string? NearestConstraint,
    [property: JsonPropertyName("s_type")] double TypeScore,
    [property: JsonPropertyName("s_distance")] double DistanceScore,
    [property: JsonPropertyName("s_carbon")] double CarbonScore,
    [property: JsonPropertyName("centroid")] double[] Centroid,
    [property: JsonIgnore] Geometry Shape);
