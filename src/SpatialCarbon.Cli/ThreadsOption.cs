using System.CommandLine;
using System.Globalization;

namespace SpatialCarbon.Cli;

/// <summary><c>--threads N</c>, shared by every command that runs in parallel: absent means all cores; a value outside
/// 1..<see cref="Maximum"/> is refused while parsing (exit 2, one line), since a huge count only slows the run down.</summary>
internal static class ThreadsOption
{
    /// <summary>Four workers per core, at least 16: more only adds switching and per-worker buffers.</summary>
    public static int Maximum => Math.Max(16, 4 * Environment.ProcessorCount);

    public static Option<int?> Create()
    {
        var option = new Option<int?>("--threads") { Description = $"worker threads, 1 to {Maximum} (default: all cores)" };
        option.Validators.Add(result =>
        {
            // A token that is not a whole number already has the parser's own error.
            if (result.Tokens.Count == 0 || !long.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return;
            if (n < 1 || n > Maximum)
                result.AddError(Describe(result.Tokens[^1].Value));
        });
        return option;
    }

    /// <summary>The one-line refusal of an out-of-range count.</summary>
    public static string Describe(string value) =>
        $"--threads {value}: expected a whole number from 1 to {Maximum} ({Environment.ProcessorCount} cores here, at most 4 threads per core)";
}
