using System.CommandLine;
using SpatialCarbon.Cli;

var root = new RootCommand("SpatialCarbon: zoning overlays, carbon stock and sink change for Jiangsu's land");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return CliRunner.Run(root, args);
