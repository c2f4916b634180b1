using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Vector;

/// <summary>One feature: its id in the source, its geometry (in the layer's CRS, SRID set when the EPSG code is known),
/// and its attributes by field name (values are long, double, string, bool, DateTime or null).</summary>
public sealed record VectorFeature(long Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
