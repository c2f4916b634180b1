using System.CommandLine;
using SpatialCarbon.Core;

namespace SpatialCarbon.Cli;

/// <summary>Parses and runs a command, mapping failures to DESIGN.md's exit codes: 0 ok, 2 bad input (one line on
/// stderr naming the file and the problem), 1 a bug.</summary>
public static class CliRunner
{
    public const int Ok = 0;
    public const int Bug = 1;
    public const int BadInput = 2;

    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var err = stderr ?? Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) err.WriteLine($"spatialcarbon: {e.Message}");
            return BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (stdout is not null) config.Output = stdout;
            if (stderr is not null) config.Error = stderr;
            return parse.Invoke(config);
        }
        catch (Exception e) when (Classify(e) is { } line)
        {
            err.WriteLine($"spatialcarbon: {line}");
            return BadInput;
        }
        catch (Exception e)
        {
            err.WriteLine($"spatialcarbon: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("SPATIALCARBON_DEBUG") is "1") err.WriteLine(e);
            return Bug;
        }
    }

    /// <summary>The one-line message for an exception that means bad input, or null for a bug.</summary>
    internal static string? Classify(Exception e) => e switch
    {
        ParameterException pe => CliOptionNames.Describe(pe),
        Core.Carbon.GridMismatchException ge => CliOptionNames.Describe(ge),
        InputException ie => ie.Message,
        FileNotFoundException f => $"{f.FileName ?? "file"}: not found",
        DirectoryNotFoundException d => d.Message,
        UnauthorizedAccessException u => u.Message,
        AggregateException { InnerExceptions.Count: > 0 } a => Classify(a.InnerExceptions[0]),
        _ => null,
    };
}
