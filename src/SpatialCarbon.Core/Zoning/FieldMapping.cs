using System.Text.Json;

namespace SpatialCarbon.Core.Zoning;

/// <summary>Which source layer and fields hold each zone kind. The default is the demo workspace's (and the official
/// control-unit field names); an official delivery with other names is imported through a mapping file (see
/// docs/rules.md): <c>{"layers": {"red_line": {"layer": "STBHHX", "code": "HXBH", "name": "HXMC"}, ...}}</c>, where
/// any kind or field left out keeps its default.</summary>
public sealed record FieldMapping(IReadOnlyDictionary<ZoneKind, LayerFieldMap> Layers)
{
    /// <summary>The demo workspace's layers and fields.</summary>
    public static FieldMapping Default { get; } = new(new Dictionary<ZoneKind, LayerFieldMap>
    {
        [ZoneKind.RedLine] = new("red_line", "code", "name", Type: "kind"),
        [ZoneKind.EcoSpace] = new("eco_space", "code", "name", Type: "type"),
        [ZoneKind.ControlUnit] = new("control_unit", "HJZHGKDYBM", "HJZHGKDYMC", UnitType: "ZHGKDYFL",
            SpatialLayout: "KJBJYS", PollutantDischarge: "PWWPFGK", EnvironmentalRisk: "HJFXFK", ResourceEfficiency: "ZYKFXLYQ"),
        [ZoneKind.Buffer] = new("buffer", "code", "name", Type: "type"),
        [ZoneKind.EcoIsland] = new("eco_island", "code", "name", Type: "tier"),
        [ZoneKind.Admin] = new("admin", "county_code", "district", Type: "city"),
        [ZoneKind.DamagedLand] = new("damaged_land", "code", "name", Type: "type"),
    });

    /// <summary>Reads a mapping file; kinds and fields it leaves out keep the defaults.</summary>
    /// <exception cref="InputException">Not JSON, an unknown zone kind or a key that is not a field of the model.</exception>
    public static FieldMapping Read(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {JsonErrorText.Describe(e)}");
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Object)
                throw new InputException(path, null, "expected an object with a \"layers\" object");
            var result = new Dictionary<ZoneKind, LayerFieldMap>(Default.Layers);
            foreach (var entry in layers.EnumerateObject())
            {
                var kind = ZoneKinds.Parse(entry.Name)
                    ?? throw new InputException(path, $"layers.{entry.Name}", $"unknown zone kind (known: {string.Join(", ", ZoneKinds.All.Select(k => k.Name()))})");
                result[kind] = Apply(path, entry.Name, result[kind], entry.Value);
            }

            return new FieldMapping(result);
        }
    }

    private static LayerFieldMap Apply(string path, string kind, LayerFieldMap map, JsonElement fields)
    {
        foreach (var f in fields.EnumerateObject())
        {
            var value = f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString()
                : throw new InputException(path, $"layers.{kind}.{f.Name}", "expected a field name (string)");
            map = f.Name switch
            {
                "layer" => map with { Layer = value! },
                "code" => map with { Code = value! },
                "name" => map with { Name = value! },
                "type" => map with { Type = value },
                "unit_type" => map with { UnitType = value },
                "KJBJYS" => map with { SpatialLayout = value },
                "PWWPFGK" => map with { PollutantDischarge = value },
                "HJFXFK" => map with { EnvironmentalRisk = value },
                "ZYKFXLYQ" => map with { ResourceEfficiency = value },
                _ => throw new InputException(path, $"layers.{kind}.{f.Name}",
                    "unknown key (known: layer, code, name, type, unit_type, KJBJYS, PWWPFGK, HJFXFK, ZYKFXLYQ)"),
            };
        }

        return map;
    }
}
