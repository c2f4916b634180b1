namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Finds ids used by more than one zone. The rows are all kept (they are different features); one warning
/// line says how many ids repeat and names the first few.</summary>
public static class DuplicateIds
{
    /// <summary>Repeated ids named in the warning; the rest are counted.</summary>
    public const int Listed = 5;

    /// <summary>The warning line, or null when every id is unique.</summary>
    public static string? Warning(IEnumerable<string> ids, string idField)
    {
        var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length == 0) return null;
        return $"{repeated.Length} {idField} value(s) used by more than one zone, each kept as its own row: {MessageList.Cut(repeated, id => $"'{id}'", Listed)}";
    }
}
