using System.Text.Json;

namespace SpatialCarbon.Core;

/// <summary>What a JSON parse error says, in a GIS user's words: System.Text.Json's trailer ("Path: $ | LineNumber: 0 |
/// BytePositionInLine: 64") goes (the line belongs in the message's record), and the nesting limit names its variable.</summary>
public static class JsonErrorText
{
    public static string Describe(JsonException e)
    {
        if (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
            return $"nested deeper than {InputLimits.JsonDepth} levels (SPATIALCARBON_MAX_JSON_DEPTH)";
        var text = e.Message.ReplaceLineEndings(" ");
        foreach (var trailer in new[] { " Path: ", " LineNumber: " })
        {
            var at = text.IndexOf(trailer, StringComparison.Ordinal);
            if (at >= 0) text = text[..at];
        }

        return text.Trim().TrimEnd('.', ' ');
    }
}
