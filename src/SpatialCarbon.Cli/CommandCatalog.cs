using System.CommandLine;
using SpatialCarbon.Cli.Commands;

namespace SpatialCarbon.Cli;

/// <summary>Every subcommand of <c>spatialcarbon</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>The <c>spatialcarbon</c> root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("SpatialCarbon: zoning overlays, carbon stock and sink change for Jiangsu's land");
        foreach (var command in All()) root.Subcommands.Add(command);
        return root;
    }

    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return InfoCommand.Create();
        yield return ZonalCommand.Create();
        yield return CarbonCommand.Create();
        yield return RenderCommand.Create();
        yield return CrsCommand.Create();
        yield return ServeCommand.Create();
        yield return TilesCommand.Create();
    }
}
