using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Demo;

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
        foreach (var f in workspace.DataFiles)
            output.WriteLine(string.Create(ci, $"  {Path.GetFileName(f),-22} {new FileInfo(f).Length / 1048576.0,8:0.0} MB"));
        output.WriteLine(string.Create(ci, $"  zones: {string.Join(", ", manifest.ZoneCounts.Select(kv => $"{kv.Key} {kv.Value}"))} (all synthetic except admin)"));
        output.WriteLine();
        output.WriteLine("Land use, area in ha (share of the province)");
        output.Write(string.Create(ci, $"  {"class",-22}"));
        foreach (var a in manifest.ClassAreas) output.Write(string.Create(ci, $" {a.Year,22}"));
        output.WriteLine();
        foreach (var c in ClcdScheme.Classes)
        {
            if (manifest.ClassAreas.All(a => a.Area_ha.GetValueOrDefault(c.Code) == 0)) continue;
            output.Write(string.Create(ci, $"  {c.Code} {c.NameEn,-20}"));
            foreach (var a in manifest.ClassAreas)
                output.Write(string.Create(ci, $" {a.Area_ha.GetValueOrDefault(c.Code),13:N0} ({100 * a.Share(c.Code),5:0.0}%)"));
            output.WriteLine();
        }

        output.WriteLine();
        var cities = DemoCarbonReport.PerCity(workspace);
        output.WriteLine(string.Create(ci, $"Carbon stock per city, Tg C (pools: {Path.GetFileName(workspace.PoolTable)}, illustrative densities)"));
        output.WriteLine(string.Create(ci, $"  {"city",-8} {"area_ha",12} {"2000",10} {"2020",10} {"change",10} {"change %",9}"));
        foreach (var c in cities)
            output.WriteLine(string.Create(ci, $"  {c.City,-8} {c.Area_ha,12:N0} {c.Stock2000_mg_c / 1e6,10:0.000} {c.Stock2020_mg_c / 1e6,10:0.000} {c.Change_mg_c / 1e6,10:0.000} {100 * c.Change_mg_c / c.Stock2000_mg_c,8:0.0}%"));
        var s0 = cities.Sum(c => c.Stock2000_mg_c);
        var s1 = cities.Sum(c => c.Stock2020_mg_c);
        output.WriteLine(string.Create(ci, $"  {"Jiangsu",-8} {cities.Sum(c => c.Area_ha),12:N0} {s0 / 1e6,10:0.000} {s1 / 1e6,10:0.000} {(s1 - s0) / 1e6,10:0.000} {100 * (s1 - s0) / s0,8:0.0}%"));
    }
}
