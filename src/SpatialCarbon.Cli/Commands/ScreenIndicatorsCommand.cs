using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpatialCarbon.Cli.Screening;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Csv;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Screening.Indicators;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon screen indicators</c>: the plan's 2025 targets per city and for the province, with value,
/// target, gap and whether met (indicators.csv, indicators.json, and a table on stdout).</summary>
internal static class ScreenIndicatorsCommand
{
    private static readonly string[] Columns = ["unit", "level", "indicator", "value", "value_unit", "target", "gap", "met", "part_ha", "whole_ha"];

    public static Command Create()
    {
        var workspace = new Option<string?>("--workspace") { Description = "Workspace folder or zones GeoPackage (default: the demo workspace)" };
        var mapping = new Option<string?>("--field-mapping") { Description = "Field mapping file for zone layers with other field names" };
        var forest = new Option<string>("--forest-classes") { Description = "Land-use codes counted as forest and tree cover (CLCD: 2 forest, 3 shrub)", DefaultValueFactory = _ => "2,3" };
        var wetland = new Option<string>("--wetland-classes") { Description = "Land-use codes counted as natural wetland (CLCD: 5 water, 9 wetland)", DefaultValueFactory = _ => "5,9" };
        var water = new Option<string>("--water-classes") { Description = "Land-use codes counted as water area (CLCD: 5)", DefaultValueFactory = _ => "5" };
        var protectedLayers = new Option<string>("--protected") { Description = "Layers that protect wetland, comma-separated", DefaultValueFactory = _ => "red_line,eco_space" };
        var forestTarget = new Option<double>("--forest-target-pct") { Description = "Forest and tree cover target, %", DefaultValueFactory = _ => 24.1 };
        var wetlandTarget = new Option<double>("--wetland-target-pct") { Description = "Natural wetland protection rate target, %", DefaultValueFactory = _ => 60 };
        var areaMethod = AreaOptions.Method("ellipsoidal (default) or planar (the raster's map areas)");
        var output = new Option<string?>("--out") { Description = "Output folder" };
        var command = new Command("indicators", "The plan's 2025 targets per city and for the province: forest cover, natural wetland protection, water area")
        {
            workspace, mapping, forest, wetland, water, protectedLayers, forestTarget, wetlandTarget, areaMethod, output,
        };
        command.SetAction(parse =>
        {
            var request = new PlanIndicatorRequest(
                ClassCodeList.Parse(parse.GetValue(forest), "--forest-classes"), ClassCodeList.Parse(parse.GetValue(wetland), "--wetland-classes"), ClassCodeList.Parse(parse.GetValue(water), "--water-classes"),
                Layers(parse.GetValue(protectedLayers)!), parse.GetValue(forestTarget), parse.GetValue(wetlandTarget),
                AreaOptions.ParseMethod(parse.GetValue(areaMethod)));
            request.Validate("command line");
            var folder = parse.GetValue(output) ?? throw new InputException("--out", null, "option --out is required");
            if (File.Exists(folder)) throw new InputException("--out", folder, "names an existing file, but the output is a folder");
            var stderr = parse.InvocationConfiguration.Error;
            using var context = ScreenWorkspace.Load(parse.GetValue(workspace), null, parse.GetValue(mapping), stderr, withRules: false);
            var result = PlanIndicators.Compute(context, request);
            Directory.CreateDirectory(folder); // only now: a failed run leaves no empty folder behind
            CsvOutput.WriteFile(Path.Combine(folder, "indicators.csv"), Columns, result.Indicators.Select(Row));
            OutputFile.WriteText(Path.Combine(folder, "indicators.json"), w => w.Write(JsonSerializer.Serialize(result, new JsonSerializerOptions(ScreenResultJson.Indented)
            {
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            })));
            var table = TextTables.Create("unit", "indicator", "value", "target", "gap", "met").RightAligned(2, 3);
            foreach (var i in result.Indicators)
                table.Row(i.Unit, i.Indicator, F(i.Value), F(i.Target), F(i.Gap), i.Met is { } m ? (m ? "yes" : "no") : "n/a");
            TextTables.Write(parse.InvocationConfiguration.Output, table);
            stderr.WriteLine($"screen indicators: {result.Indicators.Count / 3} unit(s), land use {result.FirstYear}-{result.LatestYear} -> {Path.Combine(folder, "indicators.csv")}, indicators.json");
            return CliRunner.Ok;
        });
        return command;
    }

    private static IReadOnlyList<string> Row(PlanIndicator i) =>
    [
        CsvOutput.Text(i.Unit), i.Level, i.Indicator, CsvOutput.Number(i.Value), i.ValueUnit, CsvOutput.Number(i.Target), CsvOutput.Number(i.Gap),
        i.Met is { } m ? (m ? "yes" : "no") : "", CsvOutput.Number(i.Part_ha), CsvOutput.Number(i.Whole_ha),
    ];

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F2", CultureInfo.InvariantCulture);

    private static ZoneKind[] Layers(string text) =>
    [
        .. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => ZoneKinds.Parse(n)
            ?? throw new InputException("--protected", null, $"'{n}' is not a zone layer (known: {string.Join(", ", ZoneKinds.All.Select(k => k.Name()))})")),
    ];
}
