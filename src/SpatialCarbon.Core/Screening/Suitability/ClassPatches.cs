using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>Vectorises the cells of some classes of a categorical raster (e.g. CLCD barren, 7) into polygons: one per
/// 4-connected component, bounded by cell edges, in the raster's CRS, keeping components of at least a minimum map
/// area. The raster is read in bands of whole blocks and only runs of matching cells are kept, so memory grows with the
/// number of such runs, never with the raster (283 M cells of the demo hold a few thousand barren runs).</summary>
public static class ClassPatches
{
    /// <summary>Most cells read at once (8 M cells: 64 MB of doubles).</summary>
    private const long MaxBandCells = 8L << 20;

    /// <summary>A run of matching cells in one row, columns [Col0, Col1).</summary>
    private readonly record struct Run(int Row, int Col0, int Col1);

    /// <exception cref="InputException">The raster is rotated (cell edges would not be axis-aligned).</exception>
    public static List<Polygon> Find(IRasterSource raster, IReadOnlySet<int> classes, double minArea_m2, GeometryFactory factory)
    {
        var grid = raster.Grid;
        if (!grid.Transform.IsAxisAligned) throw new InputException(raster.Path, null, "a rotated raster cannot be vectorised by cell edges; warp it north-up first");
        var runs = new List<Run>();
        var parent = new List<int>();
        var rowsPerBand = (int)Math.Max(1, Math.Min(grid.Height, Math.Max(1, MaxBandCells / grid.Width / raster.BlockHeight) * raster.BlockHeight));
        var buffer = new double[(long)grid.Width * rowsPerBand];
        var previous = (Start: 0, End: 0);
        for (var row0 = 0; row0 < grid.Height; row0 += rowsPerBand)
        {
            var rows = Math.Min(rowsPerBand, grid.Height - row0);
            raster.ReadWindow(1, new RasterWindow(0, row0, grid.Width, rows), buffer.AsSpan(0, grid.Width * rows));
            for (var r = 0; r < rows; r++)
            {
                var start = runs.Count;
                var offset = r * grid.Width;
                var c = 0;
                var above = previous.Start;
                while (c < grid.Width)
                {
                    if (!Matches(buffer[offset + c], classes)) { c++; continue; }
                    var c0 = c;
                    while (c < grid.Width && Matches(buffer[offset + c], classes)) c++;
                    runs.Add(new Run(row0 + r, c0, c));
                    parent.Add(runs.Count - 1);
                    // 4-connectivity: join the runs of the row above whose columns overlap this one's (both rows are in
                    // column order, so one pass over the row above serves the whole row).
                    while (above < previous.End && runs[above].Col1 <= c0) above++;
                    for (var k = above; k < previous.End && runs[k].Col0 < c; k++) Union(parent, k, runs.Count - 1);
                }

                previous = (start, runs.Count);
            }
        }

        var cellArea = Math.Abs(grid.Transform.PixelWidth * grid.Transform.PixelHeight) * Math.Pow(grid.Crs?.LinearUnitMetres ?? 1, 2);
        var components = new Dictionary<int, List<Run>>();
        for (var i = 0; i < runs.Count; i++)
        {
            var root = Find(parent, i);
            if (!components.TryGetValue(root, out var list)) components[root] = list = [];
            list.Add(runs[i]);
        }

        var t = grid.Transform;
        var polygons = new List<Polygon>();
        foreach (var list in components.Values.OrderBy(l => l[0].Row).ThenBy(l => l[0].Col0))
        {
            if (list.Sum(r => (long)(r.Col1 - r.Col0)) * cellArea < minArea_m2) continue;
            var boxes = Stack(list).Select(b =>
            {
                var (x0, y0) = t.PixelToWorld(b.Col0, b.Row0);
                var (x1, y1) = t.PixelToWorld(b.Col1, b.Row1);
                return (Geometry)factory.ToGeometry(new Envelope(x0, x1, y0, y1));
            }).ToList();
            var merged = UnaryUnionOp.Union(boxes);
            for (var k = 0; k < merged.NumGeometries; k++)
                if (merged.GetGeometryN(k) is Polygon p) polygons.Add(p);
        }

        return polygons;
    }

    /// <summary>Runs of the same columns in consecutive rows stacked into rectangles [Row0, Row1) × [Col0, Col1), so the
    /// union has fewer pieces to merge.</summary>
    private static List<(int Row0, int Row1, int Col0, int Col1)> Stack(List<Run> runs)
    {
        var open = new Dictionary<(int, int), (int Row0, int Row1)>();
        var boxes = new List<(int, int, int, int)>();
        foreach (var r in runs.OrderBy(r => r.Row).ThenBy(r => r.Col0))
        {
            var key = (r.Col0, r.Col1);
            if (open.TryGetValue(key, out var o) && o.Row1 == r.Row) open[key] = (o.Row0, r.Row + 1);
            else
            {
                if (open.TryGetValue(key, out var done)) boxes.Add((done.Row0, done.Row1, r.Col0, r.Col1));
                open[key] = (r.Row, r.Row + 1);
            }
        }

        boxes.AddRange(open.Select(kv => (kv.Value.Row0, kv.Value.Row1, kv.Key.Item1, kv.Key.Item2)));
        return boxes;
    }

    private static bool Matches(double v, IReadOnlySet<int> classes) =>
        !double.IsNaN(v) && v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue && classes.Contains((int)v);

    private static int Find(List<int> parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(List<int> parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
