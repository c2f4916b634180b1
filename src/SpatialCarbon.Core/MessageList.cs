using System.Globalization;

namespace SpatialCarbon.Core;

/// <summary>Lists inside one-line messages, cut after the first few items ("1, 2, 3 … and 8,987 more"), so that a
/// message about thousands of codes, fields or layers stays one readable line.</summary>
public static class MessageList
{
    /// <summary>How many items a message shows before it counts the rest.</summary>
    public const int Shown = 10;

    /// <summary>The items joined by ", ", the ones after the first <paramref name="shown"/> counted instead of listed.</summary>
    public static string Cut<T>(IEnumerable<T> items, Func<T, string>? format = null, int shown = Shown)
    {
        var text = format ?? (x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "");
        var list = items as IReadOnlyCollection<T> ?? [.. items];
        var head = string.Join(", ", list.Take(shown).Select(text));
        var rest = list.Count - shown;
        return rest <= 0 ? head : $"{head} … and {rest.ToString("N0", CultureInfo.InvariantCulture)} more";
    }
}
