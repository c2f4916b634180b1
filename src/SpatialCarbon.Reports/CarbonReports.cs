using System.Globalization;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Reports;

/// <summary>Builds the HTML report of a stock, change or scenario run from what the run returned.</summary>
public static class CarbonReports
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Why a change run has no annual sink, in the report's words.</summary>
    public const string NoPeriodReason = "not computed: the baseline and alternate years were not given, so the change cannot be spread over a period";

    /// <summary>The report of a stock or change run.</summary>
    public static CarbonReport For(CarbonResult r)
    {
        var q = r.Request;
        var s = r.Summary;
        var rows = new List<(string, string)>
        {
            ("baseline", q.Baseline),
            ("baseline stock (Mg C)", N1(s.BaselineTotal_mg_c)),
        };
        if (r.IsChange)
        {
            rows.Add(("alternate", q.Alternate!));
            rows.Add(("alternate stock (Mg C)", N1(s.AlternateTotal_mg_c ?? 0)));
            rows.Add(("change (Mg C)", N1(s.ChangeTotal_mg_c ?? 0)));
            rows.Add(("change (t CO2e)", N1(s.ChangeTotal_mg_co2e ?? 0)));
            if (s.ChangeP5_mg_c is double p5 && s.ChangeP95_mg_c is double p95)
                rows.Add(("change P5 – P95 from the pool table's sd (Mg C)", $"{N1(p5)} – {N1(p95)}"));
            if (r.Period is { } p && s.AnnualSink_mg_c_yr is double a)
                rows.Add(($"annual sink {p.BaselineYear}–{p.AlternateYear}, {p.Years} years (Mg C/yr; t CO2e/yr)", $"{N1(a)}; {N1(a * CarbonUnits.Co2ePerC)}"));
            else
                rows.Add(("annual sink", NoPeriodReason));
        }

        if (s.Npv is double npv) rows.Add(("NPV", npv.ToString("N2", Inv)));
        if (s.ForestGrowthSink_mg_c_yr is double g) rows.Add(("forest growth sink (Mg C/yr)", N1(g)));
        rows.Add(("valid area (ha)", N1(s.ValidArea_ha)));
        rows.Add(("area method", AreaMethodText(s.AreaMethod)));
        rows.Add(("nodata pixels (excluded)", s.NodataPixels.ToString("N0", Inv)));
        rows.Add(("CRS", s.Crs ?? "none"));

        var (title, unit, values) = !r.IsChange
            ? ("Stock by zone", "Mg C", (Func<ZoneCarbon, double>)(z => z.Baseline_mg_c))
            : r.Period is { } period
                ? ($"Annual sink by zone, {period.BaselineYear}–{period.AlternateYear}", "Mg C/yr", z => z.AnnualSink_mg_c_yr(period.Years))
                : ("Change by zone (no annual sink: the years were not given)", "Mg C", z => z.Change_mg_c);
        var bars = r.ZoneResults?.Select(z => (r.Zones!.Ids[z.Zone], values(z))).ToArray();
        return new CarbonReport(r.IsChange ? "SpatialCarbon — carbon stock and sink change" : "SpatialCarbon — carbon stock",
            rows, r.Inputs.Pools, r.IsChange ? r.Totals.Transitions : null, bars, unit, null, title);
    }

    /// <summary>The report of a scenario run.</summary>
    public static CarbonReport For(ScenarioRun run)
    {
        var scenario = run.Projection.Scenario;
        var last = run.Projection.Years[^1];
        var rows = new List<(string, string)>
        {
            ("scenario", scenario.Name), ("years", $"{scenario.BaseYear}–{scenario.HorizonYear}"),
            ($"gain by {last.Year} P5 / P50 / P95 (Mg C)", $"{last.GainP5_mg_c.ToString("N0", Inv)} / {last.GainP50_mg_c.ToString("N0", Inv)} / {last.GainP95_mg_c.ToString("N0", Inv)}"),
            ($"gain by {last.Year} P50 (t CO2e)", (last.GainP50_mg_c * CarbonUnits.Co2ePerC).ToString("N0", Inv)),
        };
        rows.Add(("area method", AreaMethodText(run.Request.AreaMethod == Core.Crs.AreaMethod.Planar ? "planar" : "ellipsoidal")));
        foreach (var l in run.Land)
            rows.Add(($"eligible area: {l.Intervention.Name} (ha)", string.Join(", ", l.Area_ha.Select(a => $"class {a.Key}: {a.Value.ToString("N1", Inv)}"))));
        return new CarbonReport($"SpatialCarbon scenario — {scenario.Name}", rows, run.Inputs.Pools, Scenario: run.Projection);
    }

    private static string N1(double v) => v.ToString("N1", Inv);

    private static string AreaMethodText(string? method) => method == "planar"
        ? "planar (map area of each cell in the raster's CRS, InVEST's convention)"
        : "ellipsoidal (true area of each cell on the ellipsoid, 椭球面积)";
}
