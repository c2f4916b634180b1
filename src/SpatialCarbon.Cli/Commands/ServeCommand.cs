using System.CommandLine;
using SpatialCarbon.Core;
using SpatialCarbon.Demo;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon serve [--workspace W] [--host 127.0.0.1] [--port 5080] [--pools P]</c>: map tiles,
/// TileJSON, legends and the analysis API over a workspace, and the viewer at /.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var workspace = new Option<string?>("--workspace") { Description = "Workspace: a folder holding zones.gpkg, a GeoPackage, or postgresql://user@host:port/db[?schema=S] (password from PGPASSWORD or pgpass; default: data/demo)" };
        var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => 5080 };
        var pools = new Option<string?>("--pools") { Description = "Carbon pool table (default: W/carbon_pools.csv, else data/carbon/clcd_pools_illustrative.csv)" };
        var command = new Command("serve", "Serve a workspace: vector and raster tiles, TileJSON, legends, the analysis API and the viewer") { workspace, host, port, pools };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(workspace) ?? DemoWorkspace.ForRepository(DemoWorkspace.FindRepositoryRoot()
                ?? throw new InputException("--workspace", null, "not given, and no repository (SpatialCarbon.sln) to find data/demo in")).Folder;
            var options = ServeRunner.Options(folder, parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(pools));
            return ServeRunner.Serve(options, parse.InvocationConfiguration.Output);
        });
        return command;
    }
}
