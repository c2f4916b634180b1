using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Vector;

/// <summary>Reads GeoJSON: a FeatureCollection, a single Feature or a bare geometry. The CRS is EPSG:4326 unless a
/// legacy "crs" member names another (e.g. urn:ogc:def:crs:EPSG::4549).</summary>
public sealed class GeoJsonReader : IVectorSource
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public bool CanRead(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".geojson" or ".json";

    public IReadOnlyList<string> ListLayers(string path) => [Path.GetFileNameWithoutExtension(path)];

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (layer is not null && layer != name)
            throw new InputException(path, null, $"layer '{layer}' not found (a GeoJSON file has one layer, '{name}')");

        using var stream = OpenOrThrow(path);
        return ReadSource(stream, path, name);
    }

    /// <summary>Reads GeoJSON from a stream (an HTTP upload, say), repaired; <paramref name="path"/> names it in errors.</summary>
    public VectorLayer Read(Stream stream, string path, string name) => ReadSource(stream, path, name).Repaired();

    /// <summary>Reads GeoJSON from a stream as found, for the zone-preparation path.</summary>
    public SourceLayer ReadSource(Stream stream, string path, string name)
    {
        JsonDocument doc;
        try
        {
            if (stream.CanSeek && stream.Length > InputLimits.GeoJsonBytes)
                throw new InputException(path, null, $"{stream.Length:N0} bytes is more than the {InputLimits.GeoJsonBytes:N0} accepted for GeoJSON (SPATIALCARBON_MAX_GEOJSON_MB)");
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = InputLimits.JsonDepth,
            });
        }
        catch (JsonException e)
        {
            throw new InputException(path, e.LineNumber is long l ? $"line {l + 1}" : null, $"not valid JSON: {JsonErrorText.Describe(e)}", e);
        }
        catch (IOException e)
        {
            throw new InputException(path, null, $"cannot read the file ({e.Message})", e);
        }

        using (doc)
        {
            try
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                    throw new InputException(path, null, "not GeoJSON: the top-level object has no \"type\"");

                var crs = ReadCrs(path, root);
                var raw = new List<(long Id, Geometry? Geometry, Dictionary<string, object?> Properties, string? Note)>();
                switch (typeElement.GetString())
                {
                    case "FeatureCollection":
                        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                            throw new InputException(path, null, "FeatureCollection without a \"features\" array");
                        var index = 0;
                        foreach (var f in features.EnumerateArray())
                        {
                            raw.Add(ReadFeature(path, f, index));
                            index++;
                        }

                        break;
                    case "Feature":
                        raw.Add(ReadFeature(path, root, 0));
                        break;
                    default:
                        var (geometry, note) = ReadGeometry(root);
                        raw.Add((0, geometry, [], note));
                        break;
                }

                var fieldNames = raw.SelectMany(r => r.Properties.Keys).Distinct().ToArray();
                var fields = fieldNames
                    .Select(n => new FieldDefinition(n, AttributeTyping.Infer(raw.Select(r => r.Properties.GetValueOrDefault(n)))))
                    .ToArray();
                var source = raw.Select(r => new SourceFeature(
                    r.Id,
                    r.Geometry,
                    fields.ToDictionary(fd => fd.Name, fd => AttributeTyping.Convert(r.Properties.GetValueOrDefault(fd.Name), fd.Type)),
                    r.Note));
                return new SourceLayer(path, name, crs, fields, source.ToArray(), []);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("UTF-8", StringComparison.Ordinal))
            {
                throw new InputException(path, null, "holds text that is not valid UTF-8", e);
            }
        }
    }

    private static FileStream OpenOrThrow(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (IOException e)
        {
            throw new InputException(path, null, $"cannot read the file ({e.Message})", e);
        }
    }

    private static (long Id, Geometry? Geometry, Dictionary<string, object?> Properties, string? Note) ReadFeature(string path, JsonElement f, int index)
    {
        var record = $"feature {index}";
        if (f.ValueKind != JsonValueKind.Object)
            throw new InputException(path, record, "a feature must be a JSON object");
        var id = f.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var n)
            ? n
            : index;
        var (geometry, note) = f.TryGetProperty("geometry", out var g) ? ReadGeometry(g) : (null, null);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject()) properties[prop.Name] = Value(prop.Value);
        }

        return (id, geometry, properties, note);
    }

    // Unclosed rings are closed as GDAL closes them (and noted); a geometry NTS cannot build even then is reported
    // and gives an empty zone, not a fatal error.
    private static (Geometry? Geometry, string? Problem) ReadGeometry(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null) return (null, null);
        try
        {
            return (element.Deserialize<Geometry>(GeometryOptions), null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            var (fixedGeometry, changes) = GeoJsonRings.Fix(element);
            if (changes.Closed + changes.EmptyDropped == 0) return (null, $"cannot decode the geometry ({e.Message})");
            try
            {
                var notes = new[] { changes.Closed > 0 ? RingClosure.Note : null, changes.EmptyDropped > 0 ? EmptyPartFilter.DecodeNote : null };
                return (fixedGeometry.Deserialize<Geometry>(GeometryOptions), string.Join("; ", notes.Where(n => n is not null)));
            }
            catch (Exception again) when (again is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
            {
                return (null, $"cannot decode the geometry ({e.Message})");
            }
        }
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => IsIntegerLiteral(v) && v.TryGetInt64(out var l) ? l : (object)v.GetDouble(),
        _ => v.GetRawText(),
    };

    // 3 is an integer, 3.0 and 3e0 are reals, as in GDAL's GeoJSON driver.
    private static bool IsIntegerLiteral(JsonElement v)
    {
        var raw = v.GetRawText();
        return !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
    }

    private static SpatialReference ReadCrs(string path, JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object) return CrsRegistry.Wgs84;
        var name = crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            && props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
            throw new InputException(path, "crs", "the \"crs\" member has no properties.name");
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return CrsRegistry.Wgs84;
        var code = name[(name.LastIndexOf(':') + 1)..];
        if (!int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var epsg))
            throw new InputException(path, "crs", $"cannot read an EPSG code from '{name}'");
        return CrsRegistry.TryFromEpsg(epsg)
            ?? throw new InputException(path, "crs", $"EPSG:{epsg} is not in the CRS registry");
    }
}
