using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>A zone near or under a footprint: its overlap (m², share of the footprint) and distance in true metres
/// (0 when it overlaps; NaN when not measured, for layers whose distance nothing asks for).</summary>
public sealed record ZoneHit(ZoneLayerIndex Layer, int Index, double Overlap_m2, double Share, double Distance_m, bool Intersects)
{
    public Zone Zone => Layer.Zones[Index];
}
