using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Repairs an invalid zone with NetTopologySuite's GeometryFixer, through the same
/// <see cref="GeometryRepair.Fix"/> the readers use (polygonal input stays polygonal, up to three passes).</summary>
public static class ZoneRepair
{
    /// <summary>The geometry to keep (the input when valid; null when repair leaves nothing usable) and what was
    /// wrong with it (null when nothing).</summary>
    public static (Geometry? Geometry, string? Problem) Apply(Geometry geometry)
    {
        var reason = GeometryRepair.InvalidReason(geometry);
        if (reason is null) return (geometry, null);
        try
        {
            var fixedGeometry = GeometryRepair.Fix(geometry);
            return fixedGeometry is null || fixedGeometry.IsEmpty || !fixedGeometry.IsValid ? (null, reason) : (fixedGeometry, reason);
        }
        catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
        {
            return (null, $"{reason}; GeometryFixer failed ({e.Message})");
        }
    }
}
