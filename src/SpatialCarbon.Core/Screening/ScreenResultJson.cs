using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpatialCarbon.Core.Screening;

/// <summary>JSON of screening results: indented for result.json, one line per object for results.jsonl; Chinese
/// written as itself, not \u escapes.</summary>
public static class ScreenResultJson
{
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Compact { get; } = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(ScreenResult result, bool indented = true) =>
        JsonSerializer.Serialize(result, indented ? Indented : Compact);

    public static ScreenResult? FromJson(string json) => JsonSerializer.Deserialize<ScreenResult>(json, Compact);
}
