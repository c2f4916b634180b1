using System.CommandLine;
using SpatialCarbon.Cli.Commands;

namespace SpatialCarbon.Cli;

/// <summary>Every subcommand of <c>spatialcarbon</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return InfoCommand.Create();
        yield return ZonalCommand.Create();
        yield return CarbonCommand.Create();
        yield return RenderCommand.Create();
        yield return CrsCommand.Create();
    }
}
