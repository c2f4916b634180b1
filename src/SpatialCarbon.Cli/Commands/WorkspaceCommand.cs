using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Gdal;
using SpatialCarbon.Storage;
using SpatialCarbon.Storage.PostGis;
using Spectre.Console;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon workspace copy|info|import</c>: a workspace is a GeoPackage path (or a folder holding
/// zones.gpkg) or a <c>postgresql://user@host:port/db[?schema=NAME]</c> URI; a password comes from PGPASSWORD or a
/// pgpass file, never from the command line.</summary>
internal static class WorkspaceCommand
{
    private const string LocatorHelp = "GeoPackage path, folder holding zones.gpkg, or postgresql://user@host:port/db[?schema=NAME]";

    public static Command Create()
    {
        var command = new Command("workspace", "Workspaces in a GeoPackage (default) or PostGIS: copy, describe, import official deliveries");
        command.Subcommands.Add(CopyCommand());
        command.Subcommands.Add(InfoCommand());
        command.Subcommands.Add(ImportCommand());
        return command;
    }

    private static Command CopyCommand()
    {
        var from = new Option<string>("--from") { Description = "Source workspace: " + LocatorHelp, Required = true };
        var to = new Option<string>("--to") { Description = "Destination workspace (created when missing): " + LocatorHelp, Required = true };
        var command = new Command("copy", "Copy every layer, the raster catalogue, rules, schemes, pool tables and run history") { from, to };
        command.SetAction(parse => Copy(parse.GetValue(from)!, parse.GetValue(to)!, parse.InvocationConfiguration.Output));
        return command;
    }

    private static Command InfoCommand()
    {
        var workspace = new Argument<string>("workspace") { Description = LocatorHelp };
        var runs = new Option<int>("--runs") { Description = "How many of the last runs to list", DefaultValueFactory = _ => 5 };
        var command = new Command("info", "Layers (count, CRS, geometry), rasters, rules version and the last runs of a workspace") { workspace, runs };
        command.SetAction(parse => Info(parse.GetValue(workspace)!, parse.GetValue(runs), parse.InvocationConfiguration.Output));
        return command;
    }

    private static Command ImportCommand()
    {
        var workspace = new Option<string>("--workspace") { Description = "Workspace to import into (created when missing): " + LocatorHelp, Required = true };
        var from = new Option<string>("--from") { Description = "Official delivery: shapefile, FileGDB folder, GeoPackage, GeoJSON, or any format GDAL reads", Required = true };
        var layer = new Option<string>("--layer") { Description = "Workspace layer to write (replaced when it exists)", Required = true };
        var sourceLayer = new Option<string?>("--source-layer") { Description = "Layer of the delivery (default: the first)" };
        var mapping = new Option<string?>("--mapping") { Description = "mapping.json: {\"fields\": {\"HJZHGKDYBM\": \"code\", ...}, \"keep_unmapped\": false}" };
        var command = new Command("import", "Import one layer of an official delivery into a workspace, renaming fields by a mapping")
        {
            workspace, from, layer, sourceLayer, mapping,
        };
        command.SetAction(parse => Import(parse.GetValue(workspace)!, parse.GetValue(from)!, parse.GetValue(layer)!,
            parse.GetValue(sourceLayer), parse.GetValue(mapping), parse.InvocationConfiguration.Output));
        return command;
    }

    internal static int Copy(string from, string to, TextWriter stdout)
    {
        if (Same(from, to)) throw new InputException(to, null, "the destination is the source workspace");
        using var source = WorkspaceStore.Open(from);
        using var destination = WorkspaceStore.Open(to, create: true);
        var started = DateTime.UtcNow;
        var summary = WorkspaceCopy.Copy(source, destination, line => stdout.WriteLine($"  {line}"));
        destination.AppendRun(new RunRecord($"workspace copy --from {source.Locator} --to {destination.Locator}",
            new Dictionary<string, string>(), [destination.Locator], started));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"copied {summary.Layers} layers ({summary.Features} features), {summary.Rasters} rasters, {summary.Rules} rules documents, {summary.Runs} runs to {destination.Locator}"));
        return CliRunner.Ok;
    }

    internal static int Info(string locator, int lastRuns, TextWriter stdout)
    {
        using var store = WorkspaceStore.Open(locator);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.WriteLine($"workspace {store.Locator}");

        var layers = new Table().Title("zone layers").AddColumns("layer", "features", "CRS", "geometry");
        layers.Columns[1].RightAligned();
        foreach (var name in store.LayerNames)
        {
            var s = store.DescribeLayer(name);
            layers.AddRow(Markup.Escape(s.Name), s.FeatureCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Crs), Markup.Escape(s.GeometryType));
        }

        console.Write(layers);
        var rasters = new Table().Title("rasters").AddColumns("raster", "kind", "year", "path");
        foreach (var r in store.Rasters)
            rasters.AddRow(Markup.Escape(r.Name), r.Kind.Name(), r.Year?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(r.Path));
        console.Write(rasters);

        console.WriteLine($"rules version: {store.ReadRules()?.Version ?? "(none)"}");
        console.WriteLine($"class schemes: {(store.ClassSchemeNames.Count == 0 ? "(none)" : string.Join(", ", store.ClassSchemeNames))}");
        console.WriteLine($"pool tables: {(store.PoolTableNames.Count == 0 ? "(none)" : string.Join(", ", store.PoolTableNames))}");
        var runs = new Table().Title("last runs").AddColumns("time (UTC)", "command", "outputs");
        foreach (var run in store.Runs.TakeLast(Math.Max(0, lastRuns)))
            runs.AddRow(run.Time_utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(run.Command), Markup.Escape(string.Join(", ", run.Outputs)));
        console.Write(runs);
        return CliRunner.Ok;
    }

    internal static int Import(string locator, string from, string layerName, string? sourceLayer, string? mappingPath, TextWriter stdout)
    {
        var mapping = mappingPath is null ? FieldMapping.Identity : FieldMapping.Read(mappingPath);
        LayerName.Validate(layerName, "--layer");
        var delivery = DatasetOpener.ReadVector(from, sourceLayer);
        var layer = mapping.Apply(delivery, layerName, mappingPath ?? "--mapping");
        using var store = WorkspaceStore.Open(locator, create: true);
        var started = DateTime.UtcNow;
        store.WriteLayer(layer);
        var hashes = new Dictionary<string, string> { [Path.GetFileName(Path.TrimEndingDirectorySeparator(from))] = InputHash.Of(from) };
        if (mappingPath is not null) hashes[Path.GetFileName(mappingPath)] = InputHash.Of(mappingPath);
        var command = $"workspace import --from {from} --layer {layerName}" + (sourceLayer is null ? "" : $" --source-layer {sourceLayer}")
            + (mappingPath is null ? "" : $" --mapping {mappingPath}");
        store.AppendRun(new RunRecord(command, hashes, [$"{store.Locator}#{layerName}"], started));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {layer.Features.Count} features into '{layerName}' of {store.Locator} ({layer.Crs?.Label ?? "no CRS"}; {delivery.Issues})"));
        return CliRunner.Ok;
    }

    private static bool Same(string a, string b) =>
        PostGisLocation.IsUri(a) || PostGisLocation.IsUri(b)
            ? a == b
            : Path.GetFullPath(a).TrimEnd('/') == Path.GetFullPath(b).TrimEnd('/');
}
