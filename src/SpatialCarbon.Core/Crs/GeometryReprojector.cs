using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace SpatialCarbon.Core.Crs;

/// <summary>Transforms coordinates and NTS geometries between two systems, densifying edges first so that
/// straight lines in the source stay close to the true curve in the target.</summary>
public sealed class GeometryReprojector
{
    private static readonly CoordinateTransformationFactory Factory = new();
    private readonly MathTransform? _transform;

    public GeometryReprojector(SpatialReference source, SpatialReference target)
    {
        Source = source;
        Target = target;
        _transform = source.Equals(target) ? null : Factory.CreateFromCoordinateSystems(source.System, target.System).MathTransform;
    }

    public SpatialReference Source { get; }

    public SpatialReference Target { get; }

    public bool IsIdentity => _transform is null;

    /// <summary>Transforms one (x, y) pair in GIS order.</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        if (_transform is null) return (x, y);
        var r = _transform.Transform(x, y);
        return (r.x, r.y);
    }

    /// <summary>Transforms a geometry. <paramref name="densifyDistance"/> is the longest edge, in source units,
    /// left before transforming (0 or less: no densification).</summary>
    public Geometry Transform(Geometry geometry, double densifyDistance = 0)
    {
        if (_transform is null || geometry.IsEmpty)
        {
            var same = geometry.Copy();
            same.SRID = Target.Epsg ?? 0;
            return same;
        }

        // Densifier can hand back sequences shared with its input, and the filter below edits in place: copy first
        // so that the caller's geometry is never changed.
        var g = densifyDistance > 0 ? Densifier.Densify(geometry.Copy(), densifyDistance) : geometry.Copy();
        g.Apply(new TransformFilter(_transform));
        g.GeometryChanged();
        g.SRID = Target.Epsg ?? 0;
        return g;
    }

    /// <summary>A densify distance of about 1/100 of the geometry's extent, bounded below by the given cell size.</summary>
    public static double SuggestedDensifyDistance(Geometry geometry, double minimum)
    {
        var e = geometry.EnvelopeInternal;
        return Math.Max(Math.Max(e.Width, e.Height) / 100.0, minimum);
    }

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
