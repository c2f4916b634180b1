using System.Globalization;
using SpatialCarbon.Core.Csv;

namespace SpatialCarbon.Core.Carbon;

/// <summary>CSV outputs of a carbon run: the transition table (whole area or per zone) and the per-zone table.</summary>
public static class CarbonCsv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One row per from→to pair: area (ha) and carbon change (Mg C, t CO2e); per zone when ids are given.</summary>
    public static void WriteTransitions(string path, CarbonPoolTable pools, IEnumerable<(string Zone, TransitionMatrix Matrix)> matrices)
    {
        CsvOutput.WriteFile(path, ["zone", "from_code", "from_name", "to_code", "to_name", "pixels", "area_ha", "change_mg_c", "change_mg_co2e"],
            matrices.SelectMany(p => p.Matrix.Entries(pools.Density_mg_c_ha).Select(e => (string[])[
                CsvOutput.Text(p.Zone), e.FromCode.ToString(Inv), CsvOutput.Text(pools[e.FromCode].Name ?? ""),
                e.ToCode.ToString(Inv), CsvOutput.Text(pools[e.ToCode].Name ?? ""), N(e.Pixels), N(e.Area_ha), N(e.Change_mg_c),
                N(e.Change_mg_c * CarbonUnits.Co2ePerC)])));
    }

    /// <summary>Per-zone stocks (a stock run) or change; the annual sink columns only when the period's
    /// <paramref name="years"/> are known.</summary>
    public static void WriteZones(string path, string idField, IReadOnlyList<string> ids, IReadOnlyList<ZoneCarbon> zones,
        bool change, int? years, IReadOnlyList<double>? growth_mg_c_yr = null)
    {
        string[] head = !change
            ? ["stock_mg_c", "stock_mg_co2e", "mean_density_mg_c_ha", "valid_area_ha", "nodata_area_ha"]
            : years is null
                ? ["baseline_mg_c", "alternate_mg_c", "change_mg_c", "change_mg_co2e", "valid_area_ha", "nodata_area_ha"]
                : ["baseline_mg_c", "alternate_mg_c", "change_mg_c", "change_mg_co2e", "annual_sink_mg_c_per_yr", "annual_sink_mg_co2e_per_yr", "valid_area_ha", "nodata_area_ha"];
        string[] growth = growth_mg_c_yr is null ? [] : ["forest_growth_mg_c_per_yr", "forest_growth_mg_co2e_per_yr"];
        CsvOutput.WriteFile(path, [idField, .. head, .. growth], zones.Select((z, i) =>
        {
            var cells = !change
                ? new[] { z.Baseline_mg_c, z.Baseline_mg_c * CarbonUnits.Co2ePerC, z.ValidArea_ha > 0 ? z.Baseline_mg_c / z.ValidArea_ha : double.NaN, z.ValidArea_ha, z.NodataArea_ha }
                : years is int n
                ? [z.Baseline_mg_c, z.Alternate_mg_c, z.Change_mg_c, z.Change_mg_c * CarbonUnits.Co2ePerC, z.AnnualSink_mg_c_yr(n), z.AnnualSink_mg_co2e_yr(n), z.ValidArea_ha, z.NodataArea_ha]
                : [z.Baseline_mg_c, z.Alternate_mg_c, z.Change_mg_c, z.Change_mg_c * CarbonUnits.Co2ePerC, z.ValidArea_ha, z.NodataArea_ha];
            double[] extra = growth_mg_c_yr is null ? [] : [growth_mg_c_yr[i], growth_mg_c_yr[i] * CarbonUnits.Co2ePerC];
            return (string[])[CsvOutput.Text(ids[i]), .. cells.Select(N), .. extra.Select(N)];
        }));
    }

    /// <summary>A scenario projection, one row per year.</summary>
    public static void WriteScenario(string path, ScenarioResult r)
    {
        CsvOutput.WriteFile(path, ["year", "gain_mg_c", "gain_p5_mg_c", "gain_p50_mg_c", "gain_p95_mg_c", "sink_mg_c_per_yr",
            "sink_p5_mg_c_per_yr", "sink_p50_mg_c_per_yr", "sink_p95_mg_c_per_yr", "sink_p50_mg_co2e_per_yr"],
            r.Years.Select(y => (string[])[y.Year.ToString(Inv), N(y.Gain_mg_c), N(y.GainP5_mg_c), N(y.GainP50_mg_c), N(y.GainP95_mg_c),
                N(y.Sink_mg_c_yr), N(y.SinkP5_mg_c_yr), N(y.SinkP50_mg_c_yr), N(y.SinkP95_mg_c_yr), N(y.SinkP50_mg_c_yr * CarbonUnits.Co2ePerC)]));
    }

    private static string N(double v) => CsvOutput.Number(v);
}
