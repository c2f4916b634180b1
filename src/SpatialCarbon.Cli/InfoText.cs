using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SpatialCarbon.Cli;

/// <summary>Renders the JSON description built by <c>info</c> as indented "key: value" text, so that the text and
/// <c>--json</c> outputs can never disagree.</summary>
internal static class InfoText
{
    public static string Format(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString().TrimEnd();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonObject or JsonArray { Count: > 0 } && !IsScalarArray(value))
                    {
                        sb.Append(pad).Append(key).AppendLine(":");
                        Write(sb, value, indent + 2);
                    }
                    else
                    {
                        sb.Append(pad).Append(key).Append(": ").AppendLine(Scalar(value));
                    }
                }

                break;
            case JsonArray arr:
                foreach (var item in arr)
                {
                    if (item is JsonValue or null)
                    {
                        sb.Append(pad).AppendLine(Scalar(item));
                        continue;
                    }

                    sb.Append(pad).AppendLine("-");
                    Write(sb, item, indent + 2);
                }

                break;
            default:
                sb.Append(pad).AppendLine(Scalar(node));
                break;
        }
    }

    /// <summary>Numbers (bounds, sizes) and short names print on one line; longer strings (repair details) a line each.</summary>
    private static bool IsScalarArray(JsonNode? node) => node is JsonArray a
        && a.All(i => i is null || (i is JsonValue v && (!v.TryGetValue<string>(out var s) || s.Length <= 24)));

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "none",
        JsonArray a => string.Join(", ", a.Select(Scalar)),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };
}
