using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Brings a zone into the target CRS: edges densified in the zone's CRS first, then every vertex transformed,
/// so that straight edges follow their true curve in the target. One rule for every caller: no edge longer than 1/100
/// of the zone's extent, nor shorter than 1e-4° (about 10 m) or 10 m in a projected CRS.</summary>
public sealed class ZoneReprojection
{
    /// <summary>Shortest edge left by densification in a geographic CRS, degrees.</summary>
    public const double MinimumStep_deg = 1e-4;

    /// <summary>Shortest edge left by densification in a projected CRS, metres.</summary>
    public const double MinimumStep_m = 10;

    private readonly GeometryReprojector? _reprojector;
    private readonly double _minimumStep;

    /// <summary>A reprojection from <paramref name="source"/> to <paramref name="target"/>; the identity when they
    /// are equal or either is unknown.</summary>
    public ZoneReprojection(SpatialReference? source, SpatialReference? target)
    {
        if (source is null || target is null || source.Equals(target)) return;
        _reprojector = new GeometryReprojector(source, target);
        _minimumStep = source.IsGeographic ? MinimumStep_deg : MinimumStep_m / source.LinearUnitMetres;
    }

    /// <summary>False when geometries pass through unchanged.</summary>
    public bool Changes => _reprojector is not null;

    /// <summary>The geometry in the target CRS (a new geometry; the input when nothing changes).</summary>
    public Geometry Apply(Geometry geometry)
    {
        if (_reprojector is null) return geometry;
        // Densifier's default validation runs buffer(0) on polygons, which unions overlapping parts but drops half of
        // a bow-tie: topology is left to the repair step, after reprojection.
        var densified = new Densifier(geometry)
        {
            DistanceTolerance = GeometryReprojector.SuggestedDensifyDistance(geometry, _minimumStep),
            Validate = false,
        }.GetResultGeometry();
        return _reprojector.Transform(densified);
    }
}
