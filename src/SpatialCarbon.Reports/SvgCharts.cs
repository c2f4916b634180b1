using System.Globalization;
using System.Net;
using System.Text;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Reports;

/// <summary>Inline SVG charts for the HTML report (no scripts, no web fonts, nothing fetched).</summary>
public static class SvgCharts
{
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Horizontal bars around a zero axis: uptake green, loss red; labels on the left.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string unit)
    {
        const int rowH = 18, labelW = 240, plotW = 420, pad = 6;
        var h = bars.Count * rowH + 2 * pad + 20;
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => Math.Abs(b.Value)), 1e-12);
        var hasNeg = bars.Any(b => b.Value < 0);
        var hasPos = bars.Any(b => b.Value > 0);
        // Bars grow from the zero line: centred when signs are mixed, at the right edge when all are losses.
        var zeroX = labelW + (hasNeg && hasPos ? plotW / 2.0 : hasNeg ? plotW : 0);
        var scale = (hasNeg && hasPos ? plotW / 2.0 : plotW) / max;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelW + plotW + 110}\" height=\"{h}\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif\" font-size=\"11\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, v) = bars[i];
            var y = pad + i * rowH;
            var w = Math.Abs(v) * scale;
            var x = v >= 0 ? zeroX : zeroX - w;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW - 4}\" y=\"{y + 12}\" text-anchor=\"end\">{WebUtility.HtmlEncode(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{y + 2}\" width=\"{F(Math.Max(w, 0.5))}\" height=\"{rowH - 4}\" fill=\"{(v >= 0 ? "#2e7d32" : "#c62828")}\"><title>{WebUtility.HtmlEncode(label)}: {v.ToString("N1", CultureInfo.InvariantCulture)} {unit}</title></rect>");
            // Values sit in their own column right of the plot, so they never run into the labels or each other.
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW + plotW + 8}\" y=\"{y + 12}\" fill=\"#444\">{v.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(zeroX)}\" y1=\"{pad}\" x2=\"{F(zeroX)}\" y2=\"{h - 20}\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW}\" y=\"{h - 4}\" fill=\"#444\">{WebUtility.HtmlEncode(unit)}</text></svg>");
        return sb.ToString();
    }

    /// <summary>A fan chart: the P5–P95 band shaded, P50 as a line, the analytic (mean density) value dashed.</summary>
    public static string Fan(IReadOnlyList<ScenarioYear> years, string unit)
    {
        const int w = 640, h = 300, left = 80, right = 20, top = 16, bottom = 40;
        if (years.Count == 0) return "";
        var lo = Math.Min(0, years.Min(y => y.GainP5_mg_c));
        var hi = Math.Max(years.Max(y => y.GainP95_mg_c), lo + 1e-9);
        var y0 = years[0].Year;
        var span = Math.Max(1, years[^1].Year - y0);
        double X(int year) => left + (year - y0) * (w - left - right) / (double)span;
        double Y(double v) => top + (hi - v) * (h - top - bottom) / (hi - lo);
        string Path(Func<ScenarioYear, double> f) => string.Join(' ', years.Select((y, i) => $"{(i == 0 ? 'M' : 'L')}{F(X(y.Year))},{F(Y(f(y)))}"));
        var band = string.Join(' ', years.Select(y => $"{F(X(y.Year))},{F(Y(y.GainP95_mg_c))}"))
            + " " + string.Join(' ', years.Reverse().Select(y => $"{F(X(y.Year))},{F(Y(y.GainP5_mg_c))}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif\" font-size=\"11\">");
        sb.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{band}\" fill=\"#81c784\" fill-opacity=\"0.45\"><title>P5–P95</title></polygon>");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(y => y.GainP50_mg_c)}\" fill=\"none\" stroke=\"#1b5e20\" stroke-width=\"2\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(y => y.Gain_mg_c)}\" fill=\"none\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(Y(0))}\" x2=\"{w - right}\" y2=\"{F(Y(0))}\" stroke=\"#999\"/>");
        var step = Math.Max(1, (int)Math.Ceiling(span / 10.0));
        for (var yr = y0; yr <= years[^1].Year; yr += step)
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(yr))}\" y=\"{h - bottom + 16}\" text-anchor=\"middle\">{yr}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var v = lo + (hi - lo) * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{v.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{h - 6}\" fill=\"#444\">{WebUtility.HtmlEncode(unit)} — band P5–P95, line P50, dashed: mean densities</text></svg>");
        return sb.ToString();
    }
}
