using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Demo;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon demo [--workspace DIR] [--rebuild] [--no-serve] [--host H] [--port P]</c>: builds the
/// synthetic Jiangsu workspace if it is missing or stale, prints what it holds, the class areas per year and the
/// carbon stock per city, then serves it (tiles, API, viewer) and says which URL to open; --no-serve stops after
/// printing, for scripts.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var workspaceOption = new Option<string?>("--workspace") { Description = "Workspace folder (default: data/demo in the repository)" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild even if a current workspace exists" };
        var scale = new Option<int>("--scale") { Description = "Cell size multiple of 30 m (10 builds a quick 300 m workspace for tests)", DefaultValueFactory = _ => 1 };
        var noServe = new Option<bool>("--no-serve") { Description = "Build and print only; do not start the service" };
        var host = new Option<string>("--host") { Description = "Address to serve on", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to serve on", DefaultValueFactory = _ => 5080 };
        var command = new Command("demo", "Build (on first run), summarise and serve the synthetic Jiangsu demo workspace")
        {
            workspaceOption, rebuild, scale, noServe, host, port,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = DemoWorkspace.FindRepositoryRoot()
                ?? throw new InputException("demo", null, "cannot find the repository (SpatialCarbon.sln) above the current folder or the program; run from a checkout");
            if (parse.GetValue(scale) is < 1 or > 100) throw new InputException("--scale", null, "must be between 1 and 100");
            var workspace = DemoWorkspace.ForRepository(root, parse.GetValue(workspaceOption), parse.GetValue(scale));
            DemoManifest manifest;
            if (!parse.GetValue(rebuild) && workspace.IsCurrent())
            {
                error.WriteLine($"demo: reusing {workspace.Folder} (generator v{DemoWorkspace.GeneratorVersion}, seed {workspace.Seed})");
                manifest = workspace.ReadManifest()!;
            }
            else
            {
                manifest = DemoBuilder.Build(workspace, error);
            }

            Print(output, workspace, manifest);
            if (parse.GetValue(noServe)) return CliRunner.Ok;
            output.WriteLine();
            return ServeRunner.Serve(ServeRunner.Options(workspace.Folder, parse.GetValue(host)!, parse.GetValue(port)), output);
        });
        return command;
    }

    private static void Print(TextWriter output, DemoWorkspace workspace, DemoManifest manifest)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"Demo workspace {workspace.Folder}"));
        output.WriteLine(string.Create(ci, $"  grid {manifest.Width} x {manifest.Height} cells of {manifest.CellSize_m:0} m, {manifest.Crs}; seed {manifest.Seed}"));
        output.WriteLine(string.Create(ci, $"  zones: {string.Join(", ", manifest.ZoneCounts.Select(kv => $"{kv.Key} {kv.Value}"))} (all synthetic except admin)"));
        var files = TextTables.Create("file", "MB").RightAligned(1);
        foreach (var f in workspace.DataFiles) files.Row(Path.GetFileName(f), string.Create(ci, $"{new FileInfo(f).Length / 1048576.0:0.0}"));
        TextTables.Write(output, files);

        output.WriteLine("Land use, area in ha (share of the province)");
        var landUse = TextTables.Create(["class", .. manifest.ClassAreas.Select(a => a.Year.ToString(ci))]);
        foreach (var c in ClcdScheme.Classes)
        {
            if (manifest.ClassAreas.All(a => a.Area_ha.GetValueOrDefault(c.Code) == 0)) continue;
            landUse.Row([string.Create(ci, $"{c.Code} {c.NameEn}"),
                .. manifest.ClassAreas.Select(a => string.Create(ci, $"{a.Area_ha.GetValueOrDefault(c.Code):N0} ({100 * a.Share(c.Code):0.0}%)"))]);
        }

        TextTables.Write(output, landUse.RightAligned(1, manifest.ClassAreas.Count));

        var cities = DemoCarbonReport.PerCity(workspace);
        output.WriteLine(string.Create(ci, $"Carbon stock per city, Tg C (pools: {Path.GetFileName(workspace.PoolTable)}, illustrative densities)"));
        var carbon = TextTables.Create("city", "area_ha", "2000", "2020", "change", "change %").RightAligned(1, 5);
        foreach (var c in cities)
            carbon.Row(CityRow(c.City, c.Area_ha, c.Stock2000_mg_c, c.Stock2020_mg_c));
        carbon.Row(CityRow("Jiangsu", cities.Sum(c => c.Area_ha), cities.Sum(c => c.Stock2000_mg_c), cities.Sum(c => c.Stock2020_mg_c)));
        TextTables.Write(output, carbon);
    }

    private static string[] CityRow(string city, double area_ha, double stock2000_mg_c, double stock2020_mg_c) =>
    [
        city,
        area_ha.ToString("N0", CultureInfo.InvariantCulture),
        (stock2000_mg_c / 1e6).ToString("0.000", CultureInfo.InvariantCulture),
        (stock2020_mg_c / 1e6).ToString("0.000", CultureInfo.InvariantCulture),
        ((stock2020_mg_c - stock2000_mg_c) / 1e6).ToString("0.000", CultureInfo.InvariantCulture),
        (100 * (stock2020_mg_c - stock2000_mg_c) / stock2000_mg_c).ToString("0.0", CultureInfo.InvariantCulture) + "%",
    ];
}
