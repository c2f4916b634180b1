using System.Text.Json.Serialization;

namespace SpatialCarbon.Core.Zoning;

/// <summary>Which zoning data a result was computed from: a name, the data's date and a content hash (16 hex digits),
/// stamped on every screening result. A workspace's version is the same whichever home holds it
/// (SpatialCarbon.Storage.WorkspaceDataVersion).</summary>
public sealed record DataVersion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("content_hash")] string ContentHash)
{
    public override string ToString() => $"{Name} ({Date}, sha256 {ContentHash})";
}
