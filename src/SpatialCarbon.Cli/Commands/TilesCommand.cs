using System.CommandLine;
using SpatialCarbon.Core;
using SpatialCarbon.Demo;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Archives;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon tiles seed --source S --minzoom A --maxzoom B --out tiles/NAME.pmtiles|.mbtiles
/// [--workspace W]</c>: renders a source's tiles into an archive, with progress. Name the archive after the source
/// (tiles/landuse_2020.pmtiles) and <c>serve</c> serves it at the zooms it holds.</summary>
internal static class TilesCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Source id, as in /catalog (e.g. landuse_2020, control_unit)", Required = true };
        var minZoom = new Option<int>("--minzoom") { Description = "First zoom", Required = true };
        var maxZoom = new Option<int>("--maxzoom") { Description = "Last zoom", Required = true };
        var output = new Option<string>("--out") { Description = "Archive to write: .pmtiles (PMTiles v3) or .mbtiles", Required = true };
        var workspace = new Option<string?>("--workspace") { Description = "Workspace: a folder, a GeoPackage or a postgresql:// URI (default: data/demo)" };
        var pools = new Option<string?>("--pools") { Description = "Carbon pool table (as for serve)" };
        var seed = new Command("seed", "Render a tile source into a PMTiles or MBTiles archive") { source, minZoom, maxZoom, output, workspace, pools };
        seed.SetAction(parse =>
        {
            int z0 = parse.GetValue(minZoom), z1 = parse.GetValue(maxZoom);
            if (z0 < 0 || z1 > TileCoord.MaxZoom || z0 > z1) throw new InputException("--minzoom/--maxzoom", $"{z0}-{z1}", $"need 0 <= minzoom <= maxzoom <= {TileCoord.MaxZoom}");
            var outPath = parse.GetValue(output)!;
            var folder = parse.GetValue(workspace) ?? DemoWorkspace.ForRepository(DemoWorkspace.FindRepositoryRoot()
                ?? throw new InputException("--workspace", null, "not given, and no repository to find data/demo in")).Folder;
            var options = ServeRunner.Options(folder, "127.0.0.1", 1, parse.GetValue(pools));
            using var ws = ServedWorkspace.Open(options.Workspace, options.PoolTable);
            var id = parse.GetValue(source)!;
            if (!ws.Sources.TryGetValue(id, out var src))
                throw new InputException("--source", id, $"no such source (known: {string.Join(", ", ws.Sources.Keys)})");
            using var writer = TileArchives.Create(outPath, src.Info.Kind);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (examined, written) = ConsoleProgress.Run(parse.InvocationConfiguration.Error, $"seeding {id} z{z0}-{z1}",
                progress => TileSeeder.Seed(src, z0, z1, writer, progress));
            parse.InvocationConfiguration.Output.WriteLine(
                $"{outPath}: {written} tiles written of {examined} examined (z{z0}-{z1}) in {clock.Elapsed.TotalSeconds:0.0} s");
            return CliRunner.Ok;
        });
        return new Command("tiles", "Tile archives") { seed };
    }
}
