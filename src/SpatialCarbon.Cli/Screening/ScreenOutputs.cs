using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Screening;

namespace SpatialCarbon.Cli.Screening;

/// <summary>Writes screen results: result.json for one footprint; results.jsonl (one object a line, with its id) and
/// results.csv (id, verdict, area_ha, red_line_ha, eco_space_ha, units, rules) for several. Each file is written to a
/// temporary sibling and renamed.</summary>
internal static class ScreenOutputs
{
    public static void WriteSingle(string folder, ScreenResult result) =>
        OutputFile.WriteText(Path.Combine(folder, "result.json"), w => w.Write(ScreenResultJson.ToJson(result)));

    public static void WriteBatch(string folder, IReadOnlyList<ScreenResult> results)
    {
        OutputFile.WriteText(Path.Combine(folder, "results.jsonl"), w =>
        {
            foreach (var r in results) w.WriteLine(ScreenResultJson.ToJson(r, indented: false));
        });
        OutputFile.WriteText(Path.Combine(folder, "results.csv"), w =>
        {
            w.WriteLine("id,verdict,area_ha,red_line_ha,eco_space_ha,units,rules");
            foreach (var r in results)
            {
                var redLine = r.Zones.Where(z => z.Layer == "red_line").Sum(z => z.Overlap_ha);
                var ecoSpace = r.Zones.Where(z => z.Layer == "eco_space").Sum(z => z.Overlap_ha);
                var units = string.Join(";", r.Zones.Where(z => z.UnitType is not null).Select(z => z.Code));
                var rules = string.Join(";", r.Rules.Select(x => x.Id));
                w.WriteLine(string.Join(",", Csv(r.Id ?? ""), r.Verdict, F(r.Footprint.Area_ha), F(redLine), F(ecoSpace), Csv(units), Csv(rules)));
            }
        });
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
