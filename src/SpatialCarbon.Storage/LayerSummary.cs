namespace SpatialCarbon.Storage;

/// <summary>What a workspace knows of one zone layer without reading its features: count, CRS label (e.g.
/// EPSG:4490), geometry type as declared, and when the layer was last written (kept through a copy).</summary>
public sealed record LayerSummary(string Name, long FeatureCount, string Crs, string GeometryType, DateTime Changed_utc);
