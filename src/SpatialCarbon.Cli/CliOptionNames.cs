using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Cli;

/// <summary>Maps Core's domain words for parameters to this command line's flags, so an error names what to type.</summary>
internal static class CliOptionNames
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["baseline year"] = "--baseline-year",
        ["alternate year"] = "--alternate-year",
        ["carbon price"] = "--price",
        ["discount rate"] = "--discount-rate",
        ["annual price change"] = "--price-change",
        ["forest growth"] = "--forest-type, --stand-age and --growth",
        ["Monte Carlo draws"] = "--iterations",
    };

    /// <summary>The one-line message of a parameter error, with the flag in place of the domain name when there is one.</summary>
    public static string Describe(ParameterException e)
    {
        if (!Flags.TryGetValue(e.Parameter, out var flag)) return e.Message;
        return e.Record is null ? $"{flag}: {e.Problem}" : $"{flag} {e.Record}: {e.Problem}";
    }

    /// <summary>A grid mismatch, with the flag that aligns the grids.</summary>
    public static string Describe(GridMismatchException e) => $"{e.Message} (pass --align)";
}
