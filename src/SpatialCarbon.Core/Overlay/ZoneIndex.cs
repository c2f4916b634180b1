using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Zones' envelopes in pixel space (x = column, y = row), from which the engine plans which windows each
/// zone meets. Zones that cannot cover a cell (empty, no area, outside the raster) are left out and reported.</summary>
public sealed class ZoneIndex
{
    private readonly Envelope?[] _envelopes;

    public ZoneIndex(IReadOnlyList<Geometry> zones, RasterGrid grid, Action<ZonalWarning>? warning)
    {
        _envelopes = new Envelope?[zones.Count];
        for (var i = 0; i < zones.Count; i++)
        {
            var problem = Problem(zones[i], grid, out var pixelEnvelope);
            if (problem is not null)
            {
                warning?.Invoke(new ZonalWarning(i, problem));
                continue;
            }

            _envelopes[i] = pixelEnvelope;
            Count++;
        }
    }

    /// <summary>Zones indexed (those that may cover a cell).</summary>
    public int Count { get; }

    /// <summary>The zone's envelope in pixel space, or null for a zone that covers no cell.</summary>
    public Envelope? PixelEnvelope(int zone) => _envelopes[zone];

    private static string? Problem(Geometry? zone, RasterGrid grid, out Envelope? pixelEnvelope)
    {
        pixelEnvelope = null;
        if (zone is null || zone.IsEmpty) return "empty geometry: the zone gets zeros";
        if (zone.Dimension != Dimension.Surface || !(zone.Area > 0)) return $"degenerate geometry ({zone.GeometryType} without area): the zone gets zeros";

        var e = zone.EnvelopeInternal;
        var env = new Envelope();
        foreach (var (x, y) in new[] { (e.MinX, e.MinY), (e.MaxX, e.MinY), (e.MinX, e.MaxY), (e.MaxX, e.MaxY) })
        {
            var (c, r) = grid.Transform.WorldToPixel(x, y);
            env.ExpandToInclude(c, r);
        }

        if (env.MaxX <= 0 || env.MinX >= grid.Width || env.MaxY <= 0 || env.MinY >= grid.Height)
            return "outside the raster extent: the zone gets zeros";
        pixelEnvelope = env;
        return null;
    }
}
