using System.Globalization;
using System.Text.Json;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The files of a scenario run: scenario.csv (one row per year) and summary.json, each written through a
/// temporary sibling.</summary>
public static class ScenarioOutputs
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string dir, ScenarioRun run)
    {
        var r = run.Projection;
        var scenario = r.Scenario;
        CarbonCsv.WriteScenario(Path.Combine(dir, "scenario.csv"), r);
        var last = r.Years[^1];
        var summary = new Dictionary<string, object>
        {
            ["scenario"] = scenario.Name,
            ["base_year"] = scenario.BaseYear,
            ["horizon_year"] = scenario.HorizonYear,
            ["iterations"] = r.Iterations,
            ["seed"] = r.Seed,
            ["area_method"] = SpatialCarbon.Core.Crs.AreaMethods.Name(run.Request.AreaMethod),
            ["density_distribution"] = "normal truncated at 0 per pool (mean and sd from the pool table)",
            ["gain_p5_mg_c"] = last.GainP5_mg_c,
            ["gain_p50_mg_c"] = last.GainP50_mg_c,
            ["gain_p95_mg_c"] = last.GainP95_mg_c,
            ["gain_mg_c"] = last.Gain_mg_c,
            ["gain_p50_mg_co2e"] = last.GainP50_mg_c * CarbonUnits.Co2ePerC,
            ["eligible_ha"] = run.Land.Select(l => new
            {
                intervention = l.Intervention.Name,
                classes = l.Area_ha.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value),
            }).ToArray(),
        };
        OutputFile.WriteText(Path.Combine(dir, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, Json)));
    }
}
