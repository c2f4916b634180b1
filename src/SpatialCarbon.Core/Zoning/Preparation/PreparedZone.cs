using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>One zone ready for overlay: its geometry in the target CRS (an empty polygon when the source gave no
/// usable geometry, so that the zone still gets its row), where it came from, and its attributes.</summary>
/// <param name="Index">Position of the feature in the source layer (0-based).</param>
/// <param name="FeatureId">The feature's id in the source (fid, record number, GeoJSON id).</param>
/// <param name="Id">The zone's id as text: the id field's value, or the feature id when no id field was asked.</param>
public sealed record PreparedZone(int Index, long FeatureId, string Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
