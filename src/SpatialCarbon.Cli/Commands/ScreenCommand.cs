using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Cli.Screening;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;
using SpatialCarbon.Reports.Screening;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon screen</c>: the siting screen of one or many footprints against every zone and rule of a
/// workspace, with result.json (or results.jsonl + results.csv) and, for one footprint, report.html and report.pdf.</summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var footprint = new Option<string?>("--footprint") { Description = "Footprint(s): GeoJSON, zipped shapefile, KML, GeoPackage, WKT or 界址点 TXT" };
        var layer = new Option<string?>("--layer") { Description = "Layer of the footprint file (default: the first)" };
        var idField = new Option<string?>("--id-field") { Description = "Attribute naming each footprint (default: the feature id)" };
        var industry = new Option<string?>("--industry") { Description = "GB/T 4754-2017 industry code, e.g. 3110 (iron-making), 4416 (solar power)" };
        var kind = new Option<string>("--kind") { Description = "new | rebuild | expansion", DefaultValueFactory = _ => "new" };
        var projectType = new Option<string?>("--project-type") { Description = "pv, wind, linear, industrial, ... (rules may name types)" };
        var workspace = new Option<string?>("--workspace") { Description = "Workspace: a folder holding zones.gpkg, a GeoPackage, or postgresql://user@host:port/db[?schema=S] (password from PGPASSWORD or pgpass; default: the demo workspace, built if missing)" };
        var rules = new Option<string?>("--rules") { Description = "Rules file (default: the rules stored in the workspace, else rules.json beside its GeoPackage, else data/rules/jiangsu-demo-rules.json)" };
        var mapping = new Option<string?>("--field-mapping") { Description = "Field mapping file for zone layers with other field names (docs/rules.md)" };
        var radius = new Option<double>("--radius-m") { Description = "Radius for the nearest sensitive zones, true metres", DefaultValueFactory = _ => 5000 };
        var areaMethod = AreaOptions.Method("ellipsoidal (default) or planar (in the footprint's Gauss-Kruger zone)");
        var lang = new Option<string>("--lang") { Description = "Report language: zh (default) or en", DefaultValueFactory = _ => "zh" };
        var output = new Option<string?>("--out") { Description = "Output folder" };
        var command = new Command("screen", "Siting screen: every zone, rule, distance and tonne of carbon a footprint touches, with a verdict and its reasons")
        {
            footprint, layer, idField, industry, kind, projectType, workspace, rules, mapping, radius, areaMethod, lang, output,
        };
        command.SetAction(parse => Run(new ScreenArguments(
            Required(parse.GetValue(footprint), "--footprint"), parse.GetValue(layer), parse.GetValue(idField),
            Required(parse.GetValue(industry), "--industry"), parse.GetValue(kind)!, parse.GetValue(projectType),
            parse.GetValue(workspace), parse.GetValue(rules), parse.GetValue(mapping), parse.GetValue(radius),
            parse.GetValue(areaMethod)!, parse.GetValue(lang)!, Required(parse.GetValue(output), "--out")),
            parse.InvocationConfiguration.Error));
        command.Subcommands.Add(ScreenSuitableCommand.Create());
        command.Subcommands.Add(ScreenIndicatorsCommand.Create());
        return command;
    }

    /// <summary>The parsed command line.</summary>
    internal sealed record ScreenArguments(string Footprint, string? Layer, string? IdField, string Industry, string Kind,
        string? ProjectType, string? Workspace, string? Rules, string? FieldMapping, double Radius_m, string AreaMethod,
        string Lang, string Out);

    internal static int Run(ScreenArguments a, TextWriter stderr)
    {
        var method = AreaOptions.ParseMethod(a.AreaMethod);
        if (a.Lang is not ("zh" or "en")) throw new InputException("--lang", null, $"'{a.Lang}' is neither zh nor en");
        var request = new ScreenRequest(a.Industry, a.Kind, a.ProjectType, a.Radius_m, method);
        request.Validate("command line");

        var footprints = DatasetOpener.ReadVector(a.Footprint, a.Layer);
        if (footprints.Features.Count == 0) throw new InputException(a.Footprint, footprints.Name, "no footprint in the layer");
        var (crs, assumed) = FootprintCrs.Resolve(footprints, a.Footprint);
        if (assumed) stderr.WriteLine($"screen: warning: {a.Footprint} has no CRS; taken as CGCS2000 longitude/latitude (EPSG:4490)");
        var ids = Ids(footprints, a.IdField, a.Footprint);
        Directory.CreateDirectory(a.Out);

        using var context = ScreenWorkspace.Load(a.Workspace, a.Rules, a.FieldMapping, stderr);
        if (footprints.Features.Count == 1)
        {
            var feature = footprints.Features[0];
            var result = SiteScreen.Screen(context, feature.Geometry, crs, request, a.IdField is null ? null : ids[0]);
            ScreenOutputs.WriteSingle(a.Out, result);
            var report = ScreenReport.Write(a.Out, result, FootprintShape.Create(feature.Geometry, crs, method).LonLat, context, new ReportOptions(a.Lang));
            if (report.PdfProblem is not null) stderr.WriteLine($"screen: wrote report.html; {report.PdfProblem}");
            stderr.WriteLine($"screen: {result.Verdict} ({result.Rules.Count} rule(s), {result.Zones.Count} zone(s)) -> {Path.Combine(a.Out, "result.json")}");
            return CliRunner.Ok;
        }

        var results = ConsoleProgress.Run(stderr, "screen", progress =>
            BatchScreen.Run(context, [.. footprints.Features.Select(f => f.Geometry)], crs, request, ids, progress));
        ScreenOutputs.WriteBatch(a.Out, results);
        var counts = string.Join(", ", results.GroupBy(r => r.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        stderr.WriteLine($"screen: {results.Length} footprints ({counts}) -> {Path.Combine(a.Out, "results.jsonl")}, results.csv");
        return CliRunner.Ok;
    }

    private static string Required(string? value, string option) =>
        value ?? throw new InputException(option, null, $"option {option} is required");

    private static string[] Ids(VectorLayer layer, string? idField, string path)
    {
        if (idField is null) return [.. layer.Features.Select(f => f.Id.ToString(CultureInfo.InvariantCulture))];
        var field = layer.Fields.FirstOrDefault(f => f.Name.Equals(idField, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException(path, $"layer {layer.Name}", $"no field '{idField}' (fields: {MessageList.Cut(layer.Fields, f => f.Name)})");
        return [.. layer.Features.Select(f => Convert.ToString(f.Attributes.GetValueOrDefault(field.Name), CultureInfo.InvariantCulture) ?? "")];
    }
}
