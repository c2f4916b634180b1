using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Vector;

/// <summary>A feature as a reader decoded it, before repair: the geometry may be null, empty or invalid, and
/// <paramref name="Note"/> says what the reader already had to fix (e.g. an unclosed ring it closed).</summary>
public sealed record SourceFeature(long Id, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes, string? Note = null);
