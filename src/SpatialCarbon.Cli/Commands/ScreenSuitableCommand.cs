using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Cli.Screening;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Screening.Suitability;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon screen suitable</c>: ranked candidate sites for a PV or wind project on damaged and barren
/// land, outside the rules' constraints (candidates.gpkg, candidates.csv, suitable.json).</summary>
internal static class ScreenSuitableCommand
{
    public static Command Create()
    {
        var projectType = new Option<string?>("--project-type") { Description = "pv or wind" };
        var minArea = new Option<double>("--min-area-ha") { Description = "Least area of a site, ha", DefaultValueFactory = _ => 20 };
        var industry = new Option<string?>("--industry") { Description = "GB/T 4754-2017 code (default: 4416 for pv, 4415 for wind)" };
        var workspace = new Option<string?>("--workspace") { Description = "Workspace folder or zones GeoPackage (default: the demo workspace)" };
        var rules = new Option<string?>("--rules") { Description = "Rules file (default: data/rules/jiangsu-demo-rules.json)" };
        var mapping = new Option<string?>("--field-mapping") { Description = "Field mapping file for zone layers with other field names" };
        var exclude = new Option<string>("--exclude") { Description = "Layers excluded whole, comma-separated, or none", DefaultValueFactory = _ => "red_line,eco_space" };
        var setback = new Option<double?>("--water-setback-m") { Description = "Setback from drinking-water source areas, m (default: the largest distance rule about them in the rules file)" };
        var avoid = new Option<string>("--avoid") { Description = "Weakest rule effect that excludes land: prohibit, restrict (default) or review", DefaultValueFactory = _ => "restrict" };
        var barren = new Option<string>("--barren-classes") { Description = "Land-use codes of barren land, comma-separated (CLCD: 7)", DefaultValueFactory = _ => "7" };
        var minPatch = new Option<double>("--min-patch-ha") { Description = "Least barren patch kept before the union, ha", DefaultValueFactory = _ => 1 };
        var scoreDistance = new Option<double>("--score-distance-m") { Description = "Distance to the nearest constraint that earns the full distance score, m", DefaultValueFactory = _ => 1000 };
        var radius = new Option<double>("--radius-m") { Description = "Radius searched for the nearest constraint, m", DefaultValueFactory = _ => 5000 };
        var areaMethod = AreaOptions.Method("ellipsoidal (default) or planar (in each site's Gauss-Kruger zone)");
        var output = new Option<string?>("--out") { Description = "Output folder" };
        var command = new Command("suitable", "Candidate sites for PV or wind on damaged and barren land, outside the rules' constraints, ranked by score")
        {
            projectType, minArea, industry, workspace, rules, mapping, exclude, setback, avoid, barren, minPatch, scoreDistance, radius, areaMethod, output,
        };
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var request = new SuitabilityRequest(
                parse.GetValue(projectType) ?? throw new InputException("--project-type", null, "option --project-type is required (pv or wind)"),
                parse.GetValue(minArea),
                parse.GetValue(industry),
                Layers(parse.GetValue(exclude)!),
                parse.GetValue(setback),
                Effects.Parse(parse.GetValue(avoid)) ?? throw new InputException("--avoid", null, $"'{parse.GetValue(avoid)}' is not an effect (prohibit, restrict or review)"),
                ClassCodeList.Parse(parse.GetValue(barren), "--barren-classes"),
                parse.GetValue(minPatch),
                parse.GetValue(scoreDistance),
                parse.GetValue(radius),
                AreaOptions.ParseMethod(parse.GetValue(areaMethod)));
            request.Validate("command line");
            var folder = parse.GetValue(output) ?? throw new InputException("--out", null, "option --out is required");
            if (File.Exists(folder)) throw new InputException("--out", folder, "names an existing file, but the output is a folder");
            using var context = ScreenWorkspace.Load(parse.GetValue(workspace), parse.GetValue(rules), parse.GetValue(mapping), stderr);
            var result = SuitabilitySearch.Find(context, request);
            Directory.CreateDirectory(folder); // only now: a failed run leaves no empty folder behind
            SuitabilityOutputs.Write(folder, result);
            var table = TextTables.Create("rank", "id", "score", "area_ha", "land", "carbon_cost_mg_c", "nearest_constraint_m").RightAligned(2, 2).RightAligned(5, 2);
            foreach (var c in result.Candidates.Take(10))
                table.Row(c.Rank.ToString(CultureInfo.InvariantCulture), c.Id, F(c.Score, 2), F(c.Area_ha, 2), c.Land, c.CarbonCost_mg_c is { } k ? F(k, 1) : "", c.NearestConstraint_m is { } d ? F(d, 0) : "");
            TextTables.Write(parse.InvocationConfiguration.Output, table);
            stderr.WriteLine($"screen suitable: {result.Candidates.Count} candidate(s) of at least {F(request.MinArea_ha, 2)} ha for {request.ProjectType} ({result.DamagedSites} damaged-land sites, {result.BarrenPatches} barren patches, {result.Constraints.Count} constraints) -> {Path.Combine(folder, "candidates.gpkg")}, candidates.csv, suitable.json");
            return CliRunner.Ok;
        });
        return command;
    }

    private static ZoneKind[] Layers(string text) => text.Trim() == "none" ? [] :
    [
        .. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => ZoneKinds.Parse(n)
            ?? throw new InputException("--exclude", null, $"'{n}' is not a zone layer (known: {string.Join(", ", ZoneKinds.All.Select(k => k.Name()))}, or none)")),
    ];

    private static string F(double v, int decimals) => v.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
