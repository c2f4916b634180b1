using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpatialCarbon.Core.Vector;

/// <summary>Makes a GeoJSON geometry that NetTopologySuite refuses decodable, as GDAL would read it: unclosed rings
/// of 3 or more positions closed with the rule of <see cref="Zoning.Preparation.RingClosure.Close"/> (the first position
/// appended, repeated up to the four positions a ring needs), and empty rings and empty polygons of a MultiPolygon dropped (the
/// decoder refuses them; the other parts are kept).</summary>
internal sealed class GeoJsonRings
{
    private GeoJsonRings()
    {
    }

    /// <summary>Rings closed.</summary>
    public int Closed { get; private set; }

    /// <summary>Empty rings and polygons dropped.</summary>
    public int EmptyDropped { get; private set; }

    /// <summary>A fixed copy of the geometry object (nested collections included) and what was changed.</summary>
    public static (JsonNode Geometry, GeoJsonRings Changes) Fix(JsonElement geometry)
    {
        // The document was read with trailing commas and comments allowed; the copy must be parsed the same way.
        var node = JsonNode.Parse(geometry.GetRawText(), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!;
        var changes = new GeoJsonRings();
        changes.Close(node);
        return (node, changes);
    }

    private void Close(JsonNode? geometry)
    {
        if (geometry is not JsonObject o || o["type"]?.GetValueKind() != JsonValueKind.String) return;
        switch ((string?)o["type"])
        {
            case "Polygon":
                ClosePolygon(o["coordinates"]);
                break;
            case "MultiPolygon" when o["coordinates"] is JsonArray polygons:
                foreach (var p in polygons) ClosePolygon(p);
                EmptyDropped += polygons.RemoveAll(p => p is JsonArray { Count: 0 });
                break;
            case "GeometryCollection" when o["geometries"] is JsonArray geometries:
                foreach (var g in geometries) Close(g);
                break;
        }
    }

    private void ClosePolygon(JsonNode? polygon)
    {
        if (polygon is not JsonArray rings) return;
        EmptyDropped += rings.RemoveAll(r => r is JsonArray { Count: 0 });
        foreach (var ring in rings)
        {
            // Fewer than 3 positions enclose nothing: such a ring stays undecodable and is reported as such.
            if (ring is not JsonArray { Count: >= 3 } positions) continue;
            var first = positions[0]!;
            // A first "position" that is not two numbers cannot close anything (and would never compare equal).
            if (!SamePosition(first, first)) continue;
            if (positions.Count >= 4 && SamePosition(first, positions[^1])) continue;
            Closed++;
            if (!SamePosition(first, positions[^1])) positions.Add(first.DeepClone());
            while (positions.Count < 4) positions.Add(first.DeepClone());
        }
    }

    private static bool SamePosition(JsonNode a, JsonNode? b) =>
        a is JsonArray pa && b is JsonArray pb && pa.Count >= 2 && pb.Count >= 2
        && Number(pa[0]) == Number(pb[0]) && Number(pa[1]) == Number(pb[1]);

    private static double Number(JsonNode? n) =>
        n is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;
}
