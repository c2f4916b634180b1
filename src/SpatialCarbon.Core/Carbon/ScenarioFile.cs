using System.Text.Json;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Reads a scenario from JSON (snake_case keys: name, base_year, horizon_year, interventions[] with name,
/// zones, layer, filter {field, values}, from_class (a code or a list), to_class, share, start_year, target_year,
/// maturity_years). Zone paths are relative to the scenario file. Errors name the file and the JSON path.</summary>
public static class ScenarioFile
{
    public static Scenario Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static Scenario Parse(string json, string path = "scenario.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"line {e.LineNumber + 1}", $"not valid JSON: {JsonErrorText.Describe(e)}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InputException(path, "$", "expected a JSON object");
            var baseYear = Int(root, "base_year", path, "$");
            var horizon = Int(root, "horizon_year", path, "$");
            if (horizon <= baseYear) throw new InputException(path, "$.horizon_year", $"{horizon} is not after base_year {baseYear}");
            if (horizon > Scenario.MaxHorizonYear)
                throw new InputException(path, "$.horizon_year", $"{horizon} is beyond {Scenario.MaxHorizonYear}; pool densities say nothing that far ahead");
            if (horizon - baseYear > CarbonPeriod.MaxYears)
                throw new InputException(path, "$.horizon_year", $"{horizon - baseYear} years after base_year {baseYear}; a scenario spans 1 to {CarbonPeriod.MaxYears} years");
            if (!root.TryGetProperty("interventions", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                throw new InputException(path, "$.interventions", "a non-empty list of interventions is required");
            var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var items = new List<Intervention>();
            var i = 0;
            foreach (var e in list.EnumerateArray())
            {
                var at = $"$.interventions[{i++}]";
                if (e.ValueKind != JsonValueKind.Object) throw new InputException(path, at, "expected an object");
                var from = e.TryGetProperty("from_class", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(x => x.TryGetInt32(out var v) ? v : throw new InputException(path, $"{at}.from_class", "codes must be integers")).ToArray()
                    : [Int(e, "from_class", path, at)];
                var share = Number(e, "share", path, at);
                if (share is <= 0 or > 1) throw new InputException(path, $"{at}.share", $"{share} is not in (0, 1]");
                var start = e.TryGetProperty("start_year", out _) ? Int(e, "start_year", path, at) : baseYear + 1;
                var target = Int(e, "target_year", path, at);
                if (start <= baseYear || target < start || target > horizon)
                    throw new InputException(path, at, $"years must satisfy base_year {baseYear} < start_year {start} ≤ target_year {target} ≤ horizon_year {horizon}");
                var maturity = e.TryGetProperty("maturity_years", out _) ? Int(e, "maturity_years", path, at) : 1;
                if (maturity < 1) throw new InputException(path, $"{at}.maturity_years", "must be at least 1");
                var zones = Text(e, "zones");
                ZoneFilter? filter = null;
                if (e.TryGetProperty("filter", out var fe) && fe.ValueKind == JsonValueKind.Object)
                {
                    var field = Text(fe, "field") ?? throw new InputException(path, $"{at}.filter.field", "required");
                    var values = fe.TryGetProperty("values", out var vs) && vs.ValueKind == JsonValueKind.Array
                        ? vs.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray()
                        : throw new InputException(path, $"{at}.filter.values", "a list of values is required");
                    filter = new ZoneFilter(field, values);
                }

                if (filter is not null && zones is null) throw new InputException(path, $"{at}.filter", "a filter needs a zones layer");
                items.Add(new Intervention(Text(e, "name") ?? $"intervention {i}", from, Int(e, "to_class", path, at), share, start, target,
                    maturity, zones is null ? null : Path.GetFullPath(Path.Combine(dir, zones)), Text(e, "layer"), filter));
            }

            return new Scenario(Text(root, "name") ?? Path.GetFileNameWithoutExtension(path), baseYear, horizon, items);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name, string path, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)
            ? i
            : throw new InputException(path, $"{at}.{name}", "an integer is required");

    private static double Number(JsonElement e, string name, string path, string at) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new InputException(path, $"{at}.{name}", "a number is required");
}
