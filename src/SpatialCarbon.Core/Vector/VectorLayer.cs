using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>A vector layer read into memory: zone layers are thousands of features, not millions.</summary>
public sealed record VectorLayer(
    string SourcePath,
    string Name,
    SpatialReference? Crs,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<VectorFeature> Features,
    GeometryIssues Issues)
{
    /// <summary>Envelope of all features, in the layer's CRS.</summary>
    public Envelope Extent
    {
        get
        {
            var e = new Envelope();
            foreach (var f in Features) e.ExpandToInclude(f.Geometry.EnvelopeInternal);
            return e;
        }
    }

    /// <summary>Geometry type names present, e.g. "Polygon", "MultiPolygon".</summary>
    public IReadOnlyList<string> GeometryTypes => Features.Select(f => f.Geometry.GeometryType).Distinct().Order().ToArray();
}
