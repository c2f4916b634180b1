using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Zones' row spans in pixel space, sorted by first row, so that each band of raster rows finds the zones
/// it meets. Zones that cannot cover a cell (empty, no area, outside the raster) are left out and reported.</summary>
/// <remarks>Three numbers and an index per zone (~28 B) instead of an STR-tree entry and its envelope (~110 B): a
/// million parcels keep ~80 MB less for the whole run. Only rows are compared: a zone kept here already meets the
/// raster's columns.</remarks>
public sealed class ZoneIndex
{
    private readonly int[] _zones;
    private readonly double[] _minRow;
    private readonly double[] _maxRow;

    /// <summary>The largest last row among the zones sorted before (and at) each position: ascending, so the first
    /// position that can reach a band is found by binary search.</summary>
    private readonly double[] _reach;

    public ZoneIndex(IReadOnlyList<Geometry> zones, RasterGrid grid, Action<ZonalWarning>? warning)
    {
        var kept = new List<(double MinRow, double MaxRow, int Zone)>();
        for (var i = 0; i < zones.Count; i++)
        {
            var problem = Problem(zones[i], grid, out var pixelEnvelope);
            if (problem is not null)
            {
                warning?.Invoke(new ZonalWarning(i, problem));
                continue;
            }

            kept.Add((pixelEnvelope!.MinY, pixelEnvelope.MaxY, i));
        }

        kept.Sort();
        _zones = new int[kept.Count];
        _minRow = new double[kept.Count];
        _maxRow = new double[kept.Count];
        _reach = new double[kept.Count];
        var reach = double.NegativeInfinity;
        for (var k = 0; k < kept.Count; k++)
        {
            (_minRow[k], _maxRow[k], _zones[k]) = kept[k];
            reach = Math.Max(reach, _maxRow[k]);
            _reach[k] = reach;
        }
    }

    /// <summary>Zones indexed (those that may cover a cell).</summary>
    public int Count => _zones.Length;

    /// <summary>Zones whose envelope meets rows [row, row + rows] (bounds included, as envelopes meet), by first
    /// row.</summary>
    public IList<int> InRows(int row, int rows, int width)
    {
        var found = new List<int>();
        var end = row + (double)rows;
        var k = LowerBound(_reach, row);
        for (; k < _zones.Length && _minRow[k] <= end; k++)
        {
            if (_maxRow[k] >= row) found.Add(_zones[k]);
        }

        return found;
    }

    /// <summary>First position whose value is at least <paramref name="value"/> (the length when none is).</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

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
