using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpatialCarbon.Core.Carbon;

/// <summary>DIR/summary.json: the totals of a stock or change run with the keys DESIGN.md fixes
/// (baseline_total_mg_c, alternate_total_mg_c, change_total_mg_c, change_total_mg_co2e, npv, nodata_pixels, area_method) plus
/// context. Absent values are left out (npv only when valuation was asked; change keys only for a change run).</summary>
public sealed record CarbonSummary
{
    [JsonPropertyName("baseline_total_mg_c")] public double BaselineTotal_mg_c { get; init; }
    [JsonPropertyName("alternate_total_mg_c")] public double? AlternateTotal_mg_c { get; init; }
    [JsonPropertyName("change_total_mg_c")] public double? ChangeTotal_mg_c { get; init; }
    [JsonPropertyName("change_total_mg_co2e")] public double? ChangeTotal_mg_co2e { get; init; }
    [JsonPropertyName("npv")] public double? Npv { get; init; }
    [JsonPropertyName("nodata_pixels")] public long NodataPixels { get; init; }
    [JsonPropertyName("valid_pixels")] public long ValidPixels { get; init; }
    [JsonPropertyName("valid_area_ha")] public double ValidArea_ha { get; init; }
    [JsonPropertyName("baseline_total_mg_co2e")] public double BaselineTotal_mg_co2e { get; init; }
    [JsonPropertyName("baseline_year")] public int? BaselineYear { get; init; }
    [JsonPropertyName("alternate_year")] public int? AlternateYear { get; init; }
    [JsonPropertyName("annual_sink_mg_c_per_yr")] public double? AnnualSink_mg_c_yr { get; init; }
    [JsonPropertyName("annual_sink_mg_co2e_per_yr")] public double? AnnualSink_mg_co2e_yr { get; init; }
    [JsonPropertyName("change_total_mg_c_p5")] public double? ChangeP5_mg_c { get; init; }
    [JsonPropertyName("change_total_mg_c_p50")] public double? ChangeP50_mg_c { get; init; }
    [JsonPropertyName("change_total_mg_c_p95")] public double? ChangeP95_mg_c { get; init; }
    [JsonPropertyName("valuation_constant")] public double? ValuationConstant { get; init; }
    [JsonPropertyName("forest_growth_sink_mg_c_per_yr")] public double? ForestGrowthSink_mg_c_yr { get; init; }
    [JsonPropertyName("forest_growth_area_ha")] public double? ForestGrowthArea_ha { get; init; }
    [JsonPropertyName("zones")] public int? Zones { get; init; }
    [JsonPropertyName("crs")] public string? Crs { get; init; }
    [JsonPropertyName("area_method")] public string? AreaMethod { get; init; }
    [JsonPropertyName("map_nodata")] public string MapNoData { get; init; } = "NaN (Float32): no real density or change can equal it";
    [JsonPropertyName("inputs")] public IReadOnlyDictionary<string, string>? Inputs { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The summary of a run's totals; the annual sink only when the <paramref name="period"/> is known.</summary>
    public static CarbonSummary FromTotals(CarbonTotals t, bool isChange, CarbonPeriod? period = null, Valuation? valuation = null) => new()
    {
        BaselineTotal_mg_c = t.Baseline_mg_c,
        BaselineTotal_mg_co2e = t.Baseline_mg_c * CarbonUnits.Co2ePerC,
        AlternateTotal_mg_c = isChange ? t.Alternate_mg_c : null,
        ChangeTotal_mg_c = isChange ? t.Change_mg_c : null,
        ChangeTotal_mg_co2e = isChange ? t.Change_mg_co2e : null,
        Npv = valuation?.Npv(t.Change_mg_c),
        ValuationConstant = valuation?.Constant,
        NodataPixels = t.NodataPixels,
        ValidPixels = t.ValidPixels,
        ValidArea_ha = t.ValidArea_ha,
        BaselineYear = period?.BaselineYear,
        AlternateYear = period?.AlternateYear,
        AnnualSink_mg_c_yr = isChange && period is not null ? period.Annual(t.Change_mg_c) : null,
        AnnualSink_mg_co2e_yr = isChange && period is not null ? period.Annual(t.Change_mg_co2e) : null,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public void Write(string path) => OutputFile.WriteText(path, w => w.Write(ToJson()));
}
