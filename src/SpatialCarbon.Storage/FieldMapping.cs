using System.Text.Json;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>How an official delivery's attribute names become the workspace's: a JSON file
/// <c>{"fields": {"HJZHGKDYBM": "code", ...}, "keep_unmapped": false}</c>. Source names match without case (shapefile
/// DBF names come upper-cased); without keep_unmapped only the mapped fields are kept, in the mapping's order.</summary>
public sealed record FieldMapping(IReadOnlyList<KeyValuePair<string, string>> Fields, bool KeepUnmapped)
{
    /// <exception cref="InputException">The file is not such a JSON object.</exception>
    public static FieldMapping Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
                throw new InputException(path, null, "a field mapping is a JSON object with a \"fields\" object (source name -> workspace name)");
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var p in fields.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() is not { Length: > 0 } target)
                    throw new InputException(path, $"fields.{p.Name}", "the workspace name must be a non-empty string");
                pairs.Add(new(p.Name, target));
            }

            var keep = root.TryGetProperty("keep_unmapped", out var k) && k.ValueKind == JsonValueKind.True;
            return new FieldMapping(pairs, keep);
        }
        catch (JsonException e)
        {
            throw new InputException(path, e.LineNumber is long line ? $"line {line + 1}" : null, $"not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>The layer with its fields renamed (and dropped unless kept), under <paramref name="name"/>.</summary>
    /// <exception cref="InputException">A mapped source field is not in the layer, or two fields end up with one name.</exception>
    public VectorLayer Apply(VectorLayer layer, string name, string mappingPath)
    {
        var renamed = new List<(FieldDefinition Source, string Target)>();
        foreach (var (source, target) in Fields)
        {
            var field = layer.Fields.FirstOrDefault(f => f.Name == source)
                ?? layer.Fields.FirstOrDefault(f => f.Name.Equals(source, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(mappingPath, $"fields.{source}",
                    $"no field '{source}' in {layer.SourcePath}; its fields: {string.Join(", ", layer.Fields.Select(f => f.Name))}");
            renamed.Add((field, target));
        }

        if (KeepUnmapped)
            renamed.AddRange(layer.Fields.Where(f => renamed.All(r => r.Source != f)).Select(f => (f, f.Name)));
        var clash = renamed.GroupBy(r => r.Target, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null) throw new InputException(mappingPath, null, $"two fields would both be named '{clash.Key}'");

        var fields = renamed.Select(r => r.Source with { Name = r.Target }).ToArray();
        var features = layer.Features.Select(f => f with
        {
            Attributes = renamed.ToDictionary(r => r.Target, r => f.Attributes.GetValueOrDefault(r.Source.Name), StringComparer.Ordinal),
        }).ToArray();
        return layer with { Name = name, Fields = fields, Features = features };
    }

    /// <summary>No mapping: every field kept under its own name.</summary>
    public static FieldMapping Identity { get; } = new([], KeepUnmapped: true);
}
