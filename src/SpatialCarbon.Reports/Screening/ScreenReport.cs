using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Reports.Screening;

/// <summary>What <see cref="ScreenReport.Write"/> produced: report.html always, report.pdf when Chromium printed it
/// (else the one-line reason).</summary>
public sealed record ReportFiles(string Html, string? Pdf, string? PdfProblem);

/// <summary>The screening report (选址研判报告): verdict, map, zones, nearest zones, rules with their text and source,
/// land use, carbon, clearance, data and rules versions and the 审图号 line, as one self-contained HTML page (the map
/// embedded as PNG) printed to PDF by headless Chromium.</summary>
public static class ScreenReport
{
    public static ReportFiles Write(string folder, ScreenResult result, Geometry footprintLonLat, ScreenContext context, ReportOptions options)
    {
        var png = ScreenMapRenderer.RenderPng(footprintLonLat, context, options.MapWidth, options.MapHeight, options.English);
        var html = Path.Combine(folder, "report.html");
        OutputFile.WriteText(html, w => w.Write(Html(result, png, options)));
        if (!options.Pdf) return new ReportFiles(html, null, "PDF not asked for");
        var pdf = Path.Combine(folder, "report.pdf");
        var problem = ChromiumPdf.TryPrint(html, pdf);
        return new ReportFiles(html, problem is null ? pdf : null, problem);
    }

    public static string Html(ScreenResult r, byte[] mapPng, ReportOptions o)
    {
        var en = o.English;
        string T(string zh, string english) => en ? english : zh;
        var s = new StringBuilder();
        s.Append($"<!DOCTYPE html><html lang=\"{(en ? "en" : "zh-CN")}\"><head><meta charset=\"utf-8\"><title>{T("建设项目选址研判报告", "Project siting screen report")}</title><style>{Css}</style></head><body>");
        s.Append($"<h1>{T("建设项目选址研判报告", "Project siting screen report")}</h1>");
        s.Append($"<div class=\"verdict {E(r.Verdict)}\">{T("研判结论", "Verdict")}: <b>{E(VerdictText(r.Verdict, en))}</b></div>");
        s.Append("<table class=\"kv\">");
        Row(s, T("项目编号", "Footprint id"), r.Id ?? "—");
        Row(s, T("行业代码（GB/T 4754-2017）", "Industry (GB/T 4754-2017)"), r.Industry);
        Row(s, T("建设性质", "Project kind"), KindText(r.Kind, en) + (r.ProjectType is null ? "" : $" / {r.ProjectType}"));
        Row(s, T("用地面积", "Footprint area"), $"{N(r.Footprint.Area_ha, 2)} ha ({AreaMethodText(r.AreaMethod, en)})");
        Row(s, T("中心点（CGCS2000）", "Centroid (CGCS2000)"), $"{N(r.Footprint.Centroid[0], 6)}° E, {N(r.Footprint.Centroid[1], 6)}° N");
        Row(s, T("高斯-克吕格投影带", "Gauss-Kruger zone"), $"EPSG:{r.Footprint.GkEpsg}");
        s.Append("</table>");

        s.Append($"<h2>{T("位置图", "Map")}</h2><img class=\"map\" alt=\"map\" src=\"data:image/png;base64,{Convert.ToBase64String(mapPng)}\">");

        s.Append($"<h2>{T("涉及分区", "Zones overlapped")}</h2>");
        if (r.Zones.Count == 0) s.Append($"<p>{T("未占用任何分区。", "No zone overlapped.")}</p>");
        else
        {
            s.Append($"<table><tr><th>{T("图层", "Layer")}</th><th>{T("编码", "Code")}</th><th>{T("名称", "Name")}</th><th>{T("类型", "Type")}</th><th>{T("占用面积 (ha)", "Overlap (ha)")}</th><th>{T("占项目用地比例", "Share of footprint")}</th></tr>");
            foreach (var z in r.Zones)
                s.Append($"<tr><td>{E(LayerText(z.Layer, en))}</td><td>{E(z.Code)}</td><td>{E(z.Name)}</td><td>{E(z.Type ?? "")}</td><td class=\"n\">{N(z.Overlap_ha, 2)}</td><td class=\"n\">{N(100 * z.Share, 1)} %</td></tr>");
            s.Append("</table>");
            foreach (var z in r.Zones.Where(z => z.UnitType is not null))
            {
                s.Append($"<h3>{T("环境管控单元准入清单", "Access list of control unit")} {E(z.Code)} {E(z.Name)}</h3><table class=\"kv\">");
                var texts = new[] { z.SpatialLayout, z.PollutantDischarge, z.EnvironmentalRisk, z.ResourceEfficiency };
                for (var k = 0; k < 4; k++) Row(s, ControlUnitAccess.DimensionNames[k], texts[k] ?? "—");
                s.Append("</table>");
            }
        }

        s.Append($"<h2>{T("周边敏感区（半径 ", "Nearest sensitive zones (within ")}{N(r.Radius_m, 0)} {T("米内）", "m)")}</h2>");
        if (r.Nearest.Count == 0) s.Append($"<p>{T("半径内无敏感区。", "None within the radius.")}</p>");
        else
        {
            s.Append($"<table><tr><th>{T("图层", "Layer")}</th><th>{T("编码", "Code")}</th><th>{T("名称", "Name")}</th><th>{T("距离 (m)", "Distance (m)")}</th></tr>");
            foreach (var n in r.Nearest) s.Append($"<tr><td>{E(LayerText(n.Layer, en))}</td><td>{E(n.Code)}</td><td>{E(n.Name)}</td><td class=\"n\">{N(n.Distance_m, 0)}</td></tr>");
            s.Append("</table>");
        }

        s.Append($"<h2>{T("适用规则", "Rules matched")}</h2>");
        if (r.Rules.Count == 0) s.Append($"<p>{T("无匹配规则，结论为允许。", "No rule matched: the verdict is allow.")}</p>");
        foreach (var rule in r.Rules)
        {
            s.Append($"<div class=\"rule {E(rule.Effect)}\"><div><b>{E(rule.Id)}</b> · {E(VerdictText(rule.Effect, en))} · {E(rule.Dimension)}</div>");
            s.Append($"<div>{T("依据", "Why")}: {E(en ? rule.Reason : rule.ReasonZh)}</div>");
            s.Append($"<div class=\"text\">{E(en && rule.TextEn is not null ? rule.TextEn : rule.Text)}</div>");
            s.Append($"<div class=\"source\">{T("出处", "Source")}: {E(rule.Source)}</div></div>");
        }

        if (r.Clearance is { } c)
        {
            s.Append($"<h2>{T("避让建议", "Clearance")}</h2><table class=\"kv\">");
            Row(s, T("涉及分区", "Zones"), string.Join(", ", c.ZoneCodes));
            Row(s, T("最小平移", "Smallest shift"), c.Shift_m is { } d ? $"{N(d, 0)} m {T("方位", "bearing")} {N(c.Bearing_deg ?? 0, 0)}°" : T("半径内未找到", "none found within the radius"));
            Row(s, T("或核减用地", "Or cut off"), $"{N(c.CutOff_ha, 2)} ha ({N(100 * c.CutOffShare, 1)} %)");
            s.Append("</table>");
        }

        if (r.LandUse.Count > 0)
        {
            s.Append($"<h2>{T("用地范围内土地利用 (ha)", "Land use under the footprint (ha)")}</h2><table><tr><th>{T("地类", "Class")}</th>");
            foreach (var y in r.LandUse) s.Append($"<th>{y.Year}</th>");
            s.Append("</tr>");
            foreach (var code in r.LandUse.SelectMany(y => y.Classes.Select(c => c.Code)).Distinct().Order())
            {
                s.Append($"<tr><td>{code} {E(LandUseColours.Name(code, en))}</td>");
                foreach (var y in r.LandUse) s.Append($"<td class=\"n\">{N(y.Classes.FirstOrDefault(c => c.Code == code)?.Area_ha ?? 0, 2)}</td>");
                s.Append("</tr>");
            }

            s.Append("</table>");
        }

        if (r.Carbon is { } carbon)
        {
            s.Append($"<h2>{T("碳储量", "Carbon")}</h2><table class=\"kv\">");
            Row(s, T($"{carbon.Year} 年碳储量", $"Stock in {carbon.Year}"), $"{N(carbon.Stock_mg_c, 1)} Mg C");
            Row(s, T("全部硬化后的碳损失", "Loss if all built (impervious)"), $"{N(carbon.LossIfBuilt_mg_c, 1)} Mg C ({N(carbon.LossIfBuilt_mg_co2e, 1)} Mg CO₂e)");
            s.Append("</table>");
        }

        s.Append($"<h2>{T("数据与版本", "Data and versions")}</h2><table class=\"kv\">");
        Row(s, T("分区数据版本", "Zoning data version"), $"{r.DataVersion.Name} · {r.DataVersion.Date} · sha256 {r.DataVersion.ContentHash}");
        Row(s, T("规则版本", "Rules version"), r.RulesVersion);
        Row(s, T("面积算法", "Area method"), AreaMethodText(r.AreaMethod, en));
        s.Append("</table>");
        s.Append($"<p class=\"approval\">{E(o.ApprovalLine)}</p>");
        s.Append($"<p class=\"foot\">SpatialCarbon · {T("本报告由程序自动生成，结论供选址参考，以主管部门审查意见为准。", "Generated automatically; for siting guidance only — the competent authority's review decides.")}</p>");
        s.Append("</body></html>");
        return s.ToString();
    }

    private const string Css = "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Noto Sans CJK JP',sans-serif;margin:24px;color:#222;font-size:13px}"
        + "h1{font-size:22px;margin:0 0 12px}h2{font-size:16px;border-bottom:1px solid #ccc;padding-bottom:3px;margin-top:20px}h3{font-size:14px}"
        + "table{border-collapse:collapse;margin:6px 0;width:100%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
        + "th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}table.kv td:first-child{width:28%;background:#fafafa}"
        + ".verdict{font-size:18px;padding:8px 12px;margin:8px 0;border-radius:4px;color:#fff}.prohibit{background:#c62828}.restrict{background:#ef6c00}"
        + ".review{background:#f9a825}.allow{background:#2e7d32}.encourage{background:#1565c0}"
        + ".rule{border-left:6px solid #999;padding:4px 10px;margin:8px 0;background:#fafafa;color:#222}.rule.prohibit{border-color:#c62828;background:#fdecea}"
        + ".rule.restrict{border-color:#ef6c00;background:#fff3e0}.rule.review{border-color:#f9a825;background:#fffde7}.rule.allow{border-color:#2e7d32;background:#e8f5e9}"
        + ".rule.encourage{border-color:#1565c0;background:#e3f2fd}.rule .text{margin:3px 0;font-weight:bold}.rule .source{color:#555}"
        + "img.map{width:100%;border:1px solid #999}.approval{margin-top:16px}.foot{color:#777;font-size:11px}"
        + "@media print{h2{break-after:avoid}.rule,tr,img{break-inside:avoid}}";

    private static void Row(StringBuilder s, string key, string value) => s.Append($"<tr><td>{E(key)}</td><td>{E(value)}</td></tr>");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(double v, int decimals) => v.ToString("N" + decimals, CultureInfo.InvariantCulture);

    private static string VerdictText(string effect, bool en) =>
        Effects.Parse(effect) is { } e ? (en ? e.Name() : $"{e.NameZh()}（{e.Name()}）") : effect;

    private static string KindText(string kind, bool en) => en ? kind : kind switch
    {
        "new" => "新建",
        "rebuild" => "改建",
        "expansion" => "扩建",
        "restoration" => "生态修复",
        _ => kind,
    };

    private static string LayerText(string layer, bool en) =>
        ZoneKinds.Parse(layer) is { } k ? (en ? k.NameEn() : k.NameZh()) : layer;

    private static string AreaMethodText(string method, bool en) => method == "planar"
        ? (en ? "planar, in the footprint's Gauss-Kruger zone" : "高斯-克吕格投影平面面积")
        : (en ? "ellipsoidal (true area on the CGCS2000 ellipsoid)" : "椭球面积（CGCS2000）");
}
