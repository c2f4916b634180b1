using System.Globalization;
using SpatialCarbon.Core;

namespace SpatialCarbon.Cli;

/// <summary>A comma-separated list of land-use class codes given to an option (<c>--forest-classes 2,3</c>), parsed
/// the same way by every command.</summary>
internal static class ClassCodeList
{
    /// <summary>The codes in <paramref name="text"/>, in order; an empty list for blank text.</summary>
    /// <exception cref="InputException">An entry is not an integer (names the option and the entry).</exception>
    public static int[] Parse(string? text, string option) =>
    [
        .. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n =>
            int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new InputException(option, null, $"'{n}' is not a land-use class code")),
    ];
}
