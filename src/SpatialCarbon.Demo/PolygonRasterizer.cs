using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>Scanline fill of polygons into grid rows: a cell gets a polygon's value when its centre is inside the
/// polygon (even-odd per polygon, later polygons painting over earlier ones). Edges are bucketed by bands of rows,
/// so a row only looks at the edges that cross it; rows can be filled from several threads at once.</summary>
public sealed class PolygonRasterizer
{
    private const int BandRows = 32;
    [ThreadStatic]
    private static Crossing[]? _scratch;

    private readonly Edge[][] _bands;

    /// <summary>Prepares polygons (in the grid's CRS) with one value each.</summary>
    public PolygonRasterizer(RasterGrid grid, IReadOnlyList<(Geometry Polygon, byte Value)> polygons)
    {
        Grid = grid;
        var bandCount = (grid.Height + BandRows - 1) / BandRows;
        var lists = new List<Edge>[bandCount];
        for (var i = 0; i < bandCount; i++) lists[i] = [];
        var t = grid.Transform;
        for (var p = 0; p < polygons.Count; p++)
        {
            var (geometry, value) = polygons[p];
            for (var g = 0; g < geometry.NumGeometries; g++)
            {
                if (geometry.GetGeometryN(g) is not Polygon polygon) continue;
                AddRing(polygon.ExteriorRing, p, value);
                foreach (var hole in polygon.InteriorRings) AddRing(hole, p, value);
            }
        }

        _bands = [.. lists.Select(l => l.ToArray())];
        PolygonCount = polygons.Count;

        void AddRing(LineString ring, int polygonIndex, byte value)
        {
            var seq = ring.CoordinateSequence;
            for (var i = 0; i + 1 < seq.Count; i++)
            {
                var (c0, r0) = t.WorldToPixel(seq.GetX(i), seq.GetY(i));
                var (c1, r1) = t.WorldToPixel(seq.GetX(i + 1), seq.GetY(i + 1));
                if (r0 == r1) continue;
                if (r0 > r1) (c0, r0, c1, r1) = (c1, r1, c0, r0);
                var edge = new Edge(r0, r1, c0, (c1 - c0) / (r1 - r0), polygonIndex, value);
                var first = Math.Max(0, (int)Math.Floor(r0 - 0.5) / BandRows);
                var last = Math.Min(bandCount - 1, (int)Math.Floor(r1 - 0.5) / BandRows);
                for (var b = first; b <= last; b++) lists[b].Add(edge);
            }
        }
    }

    public RasterGrid Grid { get; }

    public int PolygonCount { get; }

    /// <summary>Paints the values of the polygons covering row <paramref name="row"/>, columns
    /// [<paramref name="col0"/>, col0 + destination.Length), into <paramref name="destination"/>; cells outside every
    /// polygon are left as they are.</summary>
    public void FillRow(int row, int col0, Span<byte> destination)
    {
        var band = row / BandRows;
        if (band < 0 || band >= _bands.Length) return;
        var yc = row + 0.5;
        var crossings = _scratch ??= new Crossing[256];
        var n = 0;
        foreach (ref readonly var e in _bands[band].AsSpan())
        {
            if (yc < e.RowTop || yc >= e.RowBottom) continue;
            if (n == crossings.Length)
            {
                Array.Resize(ref crossings, crossings.Length * 2);
                _scratch = crossings;
            }

            crossings[n++] = new Crossing(e.Polygon, e.ColTop + (yc - e.RowTop) * e.ColPerRow, e.Value);
        }

        if (n == 0) return;
        var used = crossings.AsSpan(0, n);
        used.Sort(static (a, b) => a.Polygon != b.Polygon ? a.Polygon.CompareTo(b.Polygon) : a.Col.CompareTo(b.Col));
        var width = destination.Length;
        for (var i = 0; i + 1 < n; i += 2)
        {
            // Each polygon contributes an even number of crossings, so pairs never straddle two polygons.
            var a = used[i];
            var b = used[i + 1];
            var start = (int)Math.Ceiling(a.Col - 0.5) - col0;
            var end = (int)Math.Ceiling(b.Col - 0.5) - col0;
            if (start < 0) start = 0;
            if (end > width) end = width;
            if (end > start) destination[start..end].Fill(a.Value);
        }
    }

    private readonly record struct Edge(double RowTop, double RowBottom, double ColTop, double ColPerRow, int Polygon, byte Value);

    private readonly record struct Crossing(int Polygon, double Col, byte Value);
}
