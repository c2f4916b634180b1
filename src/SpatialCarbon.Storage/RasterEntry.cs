namespace SpatialCarbon.Storage;

/// <summary>One raster of a workspace's catalogue: a unique name (e.g. landuse_2020), its kind, the year it shows
/// (null when it has none) and its path relative to the workspace folder (forward slashes).</summary>
public sealed record RasterEntry(string Name, RasterKind Kind, int? Year, string Path);
