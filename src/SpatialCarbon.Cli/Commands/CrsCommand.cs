using System.CommandLine;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon crs [CODE]</c>: lists the registry, or prints one system's WKT.</summary>
internal static class CrsCommand
{
    public static Command Create()
    {
        var code = new Argument<string?>("code") { Description = "EPSG code (e.g. 4549) or CLCD_ALBERS; omit to list all", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("crs", "List the coordinate systems SpatialCarbon knows, or print one as WKT") { code };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var text = parse.GetValue(code);
            if (text is null)
            {
                foreach (var epsg in CrsRegistry.KnownEpsgCodes)
                {
                    var sr = CrsRegistry.FromEpsg(epsg);
                    output.WriteLine($"EPSG:{epsg}\t{(sr.IsGeographic ? "geographic" : "projected")}\t{sr.Name}");
                }

                output.WriteLine($"{CrsRegistry.ClcdAlbers}\tprojected\t{CrsRegistry.Parse(CrsRegistry.ClcdAlbers).Name}");
                return CliRunner.Ok;
            }

            SpatialReference found;
            try
            {
                found = CrsRegistry.Parse(text);
            }
            catch (Exception e) when (e is KeyNotFoundException or FormatException)
            {
                throw new InputException("crs", text, e.Message);
            }

            output.WriteLine(found.Wkt);
            return CliRunner.Ok;
        });
        return command;
    }
}
