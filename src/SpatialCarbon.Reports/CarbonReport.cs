using System.Globalization;
using System.Net;
using System.Text;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Reports;

/// <summary>The self-contained HTML report of a carbon run: totals, sink by zone, transition table and (for scenarios)
/// the fan chart. Inline CSS and SVG only, so it opens offline.</summary>
public sealed record CarbonReport(
    string Title,
    IReadOnlyList<(string Key, string Value)> Totals,
    CarbonPoolTable Pools,
    TransitionMatrix? Transitions = null,
    IReadOnlyList<(string Zone, double Value)>? ZoneBars = null,
    string ZoneBarUnit = "Mg C/yr",
    ScenarioResult? Scenario = null,
    string ZoneBarTitle = "Sink by zone")
{
    private const int MaxZoneBars = 30;

    public void Write(string path) => OutputFile.WriteText(path, w => w.Write(ToHtml()));

    public string ToHtml()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(Title)).Append("</title>");
        sb.Append("<style>body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;max-width:980px;color:#222}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}"
            + ".pos{color:#1b5e20}.neg{color:#b71c1c}h2{margin-top:2em}</style></head><body>");
        sb.Append("<h1>").Append(E(Title)).Append("</h1><table>");
        foreach (var (k, v) in Totals) sb.Append("<tr><th class=\"l\">").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>");
        sb.Append("</table>");

        // Zones with nothing to show (outside the raster, or no change) would only crowd out the ones that matter.
        var nonZero = ZoneBars?.Where(z => z.Value != 0).ToArray() ?? [];
        if (nonZero.Length > 0)
        {
            var top = nonZero.OrderByDescending(z => Math.Abs(z.Value)).Take(MaxZoneBars).OrderByDescending(z => z.Value).ToArray();
            sb.Append("<h2>").Append(E(ZoneBarTitle)).Append("</h2>");
            var zeros = ZoneBars!.Count - nonZero.Length;
            if (nonZero.Length > MaxZoneBars) sb.Append(inv, $"<p>The {MaxZoneBars} largest of {nonZero.Length} zones by magnitude; all are in the CSV.</p>");
            if (zeros > 0) sb.Append(inv, $"<p>{zeros} of {ZoneBars.Count} zones are 0 and not drawn.</p>");
            sb.Append(SvgCharts.Bars(top, ZoneBarUnit));
        }

        if (Transitions is not null)
        {
            var entries = Transitions.Entries(Pools.Density_mg_c_ha).OrderByDescending(e => e.Area_ha).ToArray();
            var largest = entries.Where(e => e.FromCode != e.ToCode).OrderByDescending(e => Math.Abs(e.Change_mg_c)).Take(15)
                .OrderByDescending(e => e.Change_mg_c).Select(e => ($"{Label(e.FromCode)} → {Label(e.ToCode)}", e.Change_mg_c)).ToArray();
            if (largest.Length > 0)
            {
                sb.Append("<h2>Largest changes by transition</h2>").Append(SvgCharts.Bars(largest, "Mg C"));
            }

            sb.Append("<h2>Transitions</h2><table><tr><th class=\"l\">from</th><th class=\"l\">to</th><th>area (ha)</th><th>change (Mg C)</th><th>change (t CO2e)</th></tr>");
            foreach (var e in entries)
            {
                var cls = e.Change_mg_c > 0 ? "pos" : e.Change_mg_c < 0 ? "neg" : "";
                sb.Append(inv, $"<tr><td class=\"l\">{E(Label(e.FromCode))}</td><td class=\"l\">{E(Label(e.ToCode))}</td><td>{e.Area_ha:N2}</td>")
                    .Append(inv, $"<td class=\"{cls}\">{e.Change_mg_c:N1}</td><td class=\"{cls}\">{e.Change_mg_c * CarbonUnits.Co2ePerC:N1}</td></tr>");
            }

            sb.Append("</table>");
        }

        if (Scenario is { } s)
        {
            sb.Append("<h2>Scenario: ").Append(E(s.Scenario.Name)).Append("</h2>");
            sb.Append(inv, $"<p>{s.Iterations} Monte Carlo draws, seed {s.Seed}: each pool's density drawn from a normal distribution with the pool table's mean and standard deviation, truncated at 0 (no negative densities, no pile of draws at 0).</p>");
            sb.Append(SvgCharts.Fan(s.Years, "cumulative gain, Mg C"));
            sb.Append("<table><tr><th>year</th><th>gain P5</th><th>gain P50</th><th>gain P95</th><th>sink P50 (Mg C/yr)</th><th>sink P50 (t CO2e/yr)</th></tr>");
            foreach (var y in s.Years)
            {
                sb.Append(inv, $"<tr><td>{y.Year}</td><td>{y.GainP5_mg_c:N1}</td><td>{y.GainP50_mg_c:N1}</td><td>{y.GainP95_mg_c:N1}</td>")
                    .Append(inv, $"<td>{y.SinkP50_mg_c_yr:N1}</td><td>{y.SinkP50_mg_c_yr * CarbonUnits.Co2ePerC:N1}</td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("<p style=\"color:#777\">SpatialCarbon · densities from ").Append(E(Pools.Path)).Append(" · CO2e = C × 44/12</p></body></html>");
        return sb.ToString();
    }

    private string Label(int code) => Pools[code].Name is { Length: > 0 } n ? $"{code} {n}" : code.ToString(CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
