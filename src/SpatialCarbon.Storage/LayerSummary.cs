namespace SpatialCarbon.Storage;

/// <summary>What a workspace knows of one zone layer without reading its features: count, CRS label (e.g.
/// EPSG:4490) and geometry type as declared.</summary>
public sealed record LayerSummary(string Name, long FeatureCount, string Crs, string GeometryType);
