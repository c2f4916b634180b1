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
            err.WriteLine($"spatialcarbon: {string.Join("; ", parse.Errors.Select(e => Plain(e.Message)).Distinct())}");
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
            err.WriteLine($"spatialcarbon: internal error, please report it: {WithoutTempNames(e.Message)} (SPATIALCARBON_DEBUG=1 prints the details)");
            if (Environment.GetEnvironmentVariable("SPATIALCARBON_DEBUG") is "1") err.WriteLine(e);
            return Bug;
        }
    }

    /// <summary>A parser message in a GIS user's words: .NET type names become what the option expects, and any line
    /// breaks go, so that the error stays on one line.</summary>
    internal static string Plain(string message)
    {
        // "Cannot parse argument 'lots' for option '--price' as expected type 'System.Double'." reads as "--price lots: ...".
        var bad = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$");
        if (bad.Success) message = $"{bad.Groups[2].Value} {bad.Groups[1].Value}: expected '{bad.Groups[3].Value}'";
        var text = System.Text.RegularExpressions.Regex.Replace(message, @"'System\.Nullable`1\[System\.(\w+)\]'|'System\.(\w+)'",
            m => TypeWords(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        return text.ReplaceLineEndings(" ").Trim();
    }

    /// <summary>Outputs are written to hidden temporary siblings (".name.pid.guid.tmp"); a message names the output
    /// the user asked for instead.</summary>
    internal static string WithoutTempNames(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\.([^/\\]+?)\.\d+\.[0-9a-f]{32}\.tmp", "$1").ReplaceLineEndings(" ");

    private static string TypeWords(string type) => type switch
    {
        "Int32" or "Int64" or "Int16" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number",
        "Boolean" => "true or false",
        _ => "a value of the right kind",
    };

    /// <summary>The one-line message for an exception that means bad input, or null for a bug.</summary>
    internal static string? Classify(Exception e) => e switch
    {
        ParameterException pe => WithoutTempNames(CliOptionNames.Describe(pe)),
        Core.Carbon.GridMismatchException ge => WithoutTempNames(CliOptionNames.Describe(ge)),
        InputException ie => WithoutTempNames(ie.Message),
        FileNotFoundException f => $"{WithoutTempNames(f.FileName ?? "file")}: not found",
        DirectoryNotFoundException d => WithoutTempNames(d.Message),
        UnauthorizedAccessException u => $"permission denied: {WithoutTempNames(u.Message)}",
        IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.Ordinal) => $"disk full: {WithoutTempNames(io.Message)}",
        IOException io => WithoutTempNames(io.Message),
        AggregateException { InnerExceptions.Count: > 0 } a => Classify(a.InnerExceptions[0]),
        _ => null,
    };
}
