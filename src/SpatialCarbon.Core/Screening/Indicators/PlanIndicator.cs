using System.Text.Json.Serialization;

namespace SpatialCarbon.Core.Screening.Indicators;

/// <summary>One indicator for one unit (a city, or the province): its value, target and gap (value − target, in the
/// value's unit: negative means short of the target), whether the target is met, and the two areas the value comes
/// from (part and whole for a share; latest and first year for the water area, whose value is their difference).</summary>
public sealed record PlanIndicator(
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("value_unit")] string ValueUnit,
    [property: JsonPropertyName("target")] double Target,
    [property: JsonPropertyName("gap")] double Gap,
    [property: JsonPropertyName("met")] bool? Met,
    [property: JsonPropertyName("part_ha")] double Part_ha,
    [property: JsonPropertyName("whole_ha")] double Whole_ha);
