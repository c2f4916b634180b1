using System.Text.Json.Serialization;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Everything a screen found for one footprint (DESIGN.md's result object).</summary>
public sealed record ScreenResult(
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("footprint")] FootprintSummary Footprint,
    [property: JsonPropertyName("zones")] IReadOnlyList<ZoneOverlap> Zones,
    [property: JsonPropertyName("nearest")] IReadOnlyList<NearestZone> Nearest,
    [property: JsonPropertyName("rules")] IReadOnlyList<MatchedRule> Rules,
    [property: JsonPropertyName("landuse")] IReadOnlyList<LandUseYear> LandUse,
    [property: JsonPropertyName("carbon")] CarbonUnderFootprint? Carbon,
    [property: JsonPropertyName("clearance")] Clearance? Clearance,
    [property: JsonPropertyName("industry")] string Industry,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("project_type")] string? ProjectType,
    [property: JsonPropertyName("radius_m")] double Radius_m,
    [property: JsonPropertyName("data_version")] DataVersion DataVersion,
    [property: JsonPropertyName("rules_version")] string RulesVersion,
    [property: JsonPropertyName("area_method")] string AreaMethod);

/// <summary>The footprint's area (by the request's method), its Gauss-Kruger zone and centroid [lon, lat] (CGCS2000).</summary>
public sealed record FootprintSummary(
    [property: JsonPropertyName("area_ha")] double Area_ha,
    [property: JsonPropertyName("gk_epsg")] int GkEpsg,
    [property: JsonPropertyName("centroid")] double[] Centroid);

/// <summary>One zone the footprint overlaps; control units also carry their type and the four access-list texts.</summary>
public sealed record ZoneOverlap(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("overlap_ha")] double Overlap_ha,
    [property: JsonPropertyName("share")] double Share,
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type,
    [property: JsonPropertyName("unit_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UnitType = null,
    [property: JsonPropertyName("KJBJYS"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SpatialLayout = null,
    [property: JsonPropertyName("PWWPFGK"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PollutantDischarge = null,
    [property: JsonPropertyName("HJFXFK"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EnvironmentalRisk = null,
    [property: JsonPropertyName("ZYKFXLYQ"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceEfficiency = null);

/// <summary>The nearest feature of a sensitive layer within the radius (0 m when the footprint overlaps it).</summary>
public sealed record NearestZone(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("distance_m")] double Distance_m);

/// <summary>A rule that matched, with why (the zones and numbers that made it match).</summary>
public sealed record MatchedRule(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("effect")] string Effect,
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("reason_zh")] string ReasonZh,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("text_en"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TextEn,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("zones")] IReadOnlyList<string> ZoneCodes);

/// <summary>Land use under the footprint in one year: hectares per class (exact coverage), and what nodata covered.</summary>
public sealed record LandUseYear(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("classes")] IReadOnlyList<LandUseClassArea> Classes,
    [property: JsonPropertyName("nodata_ha")] double NoData_ha);

/// <summary>Area of one land-use class under the footprint.</summary>
public sealed record LandUseClassArea(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonPropertyName("area_ha")] double Area_ha);

/// <summary>Carbon the land under the footprint holds in the latest year, and what would be lost if it all became
/// impervious (CLCD class 8).</summary>
public sealed record CarbonUnderFootprint(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("stock_mg_c")] double Stock_mg_c,
    [property: JsonPropertyName("loss_if_built_mg_c")] double LossIfBuilt_mg_c,
    [property: JsonPropertyName("loss_if_built_mg_co2e")] double LossIfBuilt_mg_co2e);

/// <summary>How to clear the zone overlaps that set the verdict: the smallest shift found (metres and bearing,
/// clockwise from grid north of the GK zone), or the part of the footprint to cut off.</summary>
public sealed record Clearance(
    [property: JsonPropertyName("zones")] IReadOnlyList<string> ZoneCodes,
    [property: JsonPropertyName("shift_m")] double? Shift_m,
    [property: JsonPropertyName("bearing_deg")] double? Bearing_deg,
    [property: JsonPropertyName("cut_off_ha")] double CutOff_ha,
    [property: JsonPropertyName("cut_off_share")] double CutOffShare,
    [property: JsonPropertyName("method")] string Method);
