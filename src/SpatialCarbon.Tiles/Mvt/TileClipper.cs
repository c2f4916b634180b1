using NetTopologySuite.Geometries;

namespace SpatialCarbon.Tiles.Mvt;

/// <summary>Turns an EPSG:3857 geometry into MVT tile coordinates: snaps every vertex to the tile's integer grid
/// (the per-zoom simplification: one grid step is 1/extent of the tile), drops repeated and exactly collinear
/// vertices, and clips to the tile plus its buffer (Sutherland–Hodgman for rings, Liang–Barsky for lines).</summary>
/// <remarks>Neighbouring polygons that share vertices in the source share them after snapping, and dropping a
/// collinear vertex does not move an edge, so shared boundaries stay shared: no gaps or slivers appear between
/// neighbours. Clip intersections are computed with the segment's end points in a canonical order so that two
/// polygons sharing an edge get the same point where it leaves the tile.</remarks>
public static class TileClipper
{
    public static TileGeometry? Clip(Geometry geometry, Envelope tileBounds, int extent = MvtEncoder.Extent, int buffer = 64)
    {
        var grid = new Grid(tileBounds, extent, buffer);
        var parts = new List<TilePoint[]>();
        switch (geometry)
        {
            case Polygon p:
                AddPolygon(p, grid, parts);
                return parts.Count == 0 ? null : new TileGeometry(MvtGeometryType.Polygon, parts);
            case MultiPolygon mp:
                foreach (var g in mp.Geometries) AddPolygon((Polygon)g, grid, parts);
                return parts.Count == 0 ? null : new TileGeometry(MvtGeometryType.Polygon, parts);
            case LineString l:
                AddLine(l, grid, parts);
                return parts.Count == 0 ? null : new TileGeometry(MvtGeometryType.LineString, parts);
            case MultiLineString ml:
                foreach (var g in ml.Geometries) AddLine((LineString)g, grid, parts);
                return parts.Count == 0 ? null : new TileGeometry(MvtGeometryType.LineString, parts);
            case Point or MultiPoint:
                var pts = geometry.Coordinates.Select(c => grid.Snap(c.X, c.Y)).Where(grid.Contains).Distinct().ToArray();
                return pts.Length == 0 ? null : new TileGeometry(MvtGeometryType.Point, [pts]);
            case GeometryCollection gc:
                TileGeometry? first = null;
                foreach (var g in gc.Geometries)
                {
                    if (Clip(g, tileBounds, extent, buffer) is not { } t) continue;
                    if (first is null) first = t;
                    else if (first.Type == t.Type) first = first with { Parts = [.. first.Parts, .. t.Parts] };
                }

                return first;
            default:
                return null;
        }
    }

    private static void AddPolygon(Polygon p, Grid grid, List<TilePoint[]> parts)
    {
        if (p.IsEmpty || !grid.Buffered.Intersects(p.EnvelopeInternal)) return;
        if (Ring(p.ExteriorRing, grid, exterior: true) is not { } shell) return;
        parts.Add(shell);
        foreach (var hole in p.InteriorRings)
        {
            if (!grid.Buffered.Intersects(hole.EnvelopeInternal)) continue;
            if (Ring(hole, grid, exterior: false) is { } h) parts.Add(h);
        }
    }

    private static TilePoint[]? Ring(LineString ring, Grid grid, bool exterior)
    {
        var seq = ring.CoordinateSequence;
        var pts = new List<TilePoint>(seq.Count);
        for (var i = 0; i < seq.Count; i++)
        {
            var q = grid.Snap(seq.GetX(i), seq.GetY(i));
            if (pts.Count == 0 || pts[^1] != q) pts.Add(q);
        }

        if (pts.Count > 1 && pts[0] == pts[^1]) pts.RemoveAt(pts.Count - 1);
        if (pts.Count < 3) return null;
        var env = Envelope(pts);
        if (env.MinX < grid.Min || env.MinY < grid.Min || env.MaxX > grid.Max || env.MaxY > grid.Max)
        {
            pts = ClipEdge(pts, grid.Min, Side.Left);
            pts = ClipEdge(pts, grid.Max, Side.Right);
            pts = ClipEdge(pts, grid.Min, Side.Top);
            pts = ClipEdge(pts, grid.Max, Side.Bottom);
        }

        Clean(pts);
        if (pts.Count < 3) return null;
        var area = SignedArea2(pts);
        if (area == 0) return null;
        // MVT: exterior rings have positive surveyor's area in tile coordinates (y down), holes negative.
        if ((area > 0) != exterior) pts.Reverse();
        return [.. pts];
    }

    private enum Side
    {
        Left,
        Right,
        Top,
        Bottom,
    }

    private static List<TilePoint> ClipEdge(List<TilePoint> input, long bound, Side side)
    {
        var output = new List<TilePoint>(input.Count + 4);
        if (input.Count == 0) return output;
        var prev = input[^1];
        var prevIn = Inside(prev, bound, side);
        foreach (var cur in input)
        {
            var curIn = Inside(cur, bound, side);
            if (curIn != prevIn) output.Add(Intersect(prev, cur, bound, side));
            if (curIn) output.Add(cur);
            prev = cur;
            prevIn = curIn;
        }

        return output;
    }

    private static bool Inside(TilePoint p, long bound, Side side) => side switch
    {
        Side.Left => p.X >= bound,
        Side.Right => p.X <= bound,
        Side.Top => p.Y >= bound,
        _ => p.Y <= bound,
    };

    private static TilePoint Intersect(TilePoint a, TilePoint b, long bound, Side side)
    {
        // Canonical order: the same edge walked either way yields the same rounded point.
        if (b.X < a.X || (b.X == a.X && b.Y < a.Y)) (a, b) = (b, a);
        if (side is Side.Left or Side.Right)
        {
            var t = (double)(bound - a.X) / (b.X - a.X);
            return new TilePoint(bound, (long)Math.Round(a.Y + t * (b.Y - a.Y)));
        }

        var s = (double)(bound - a.Y) / (b.Y - a.Y);
        return new TilePoint((long)Math.Round(a.X + s * (b.X - a.X)), bound);
    }

    /// <summary>Removes repeated points and exactly collinear middle points, around the closed ring.</summary>
    private static void Clean(List<TilePoint> pts)
    {
        var changed = true;
        while (changed && pts.Count >= 3)
        {
            changed = false;
            for (var i = 0; i < pts.Count && pts.Count >= 3;)
            {
                var a = pts[(i + pts.Count - 1) % pts.Count];
                var b = pts[i];
                var c = pts[(i + 1) % pts.Count];
                if (a == b || (b.X - a.X) * (c.Y - b.Y) - (b.Y - a.Y) * (c.X - b.X) == 0)
                {
                    pts.RemoveAt(i);
                    changed = true;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    private static double SignedArea2(List<TilePoint> pts)
    {
        double s = 0;
        for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++) s += (double)pts[j].X * pts[i].Y - (double)pts[i].X * pts[j].Y;
        return s;
    }

    private static Envelope Envelope(List<TilePoint> pts)
    {
        var e = new Envelope();
        foreach (var p in pts) e.ExpandToInclude(p.X, p.Y);
        return e;
    }

    private static void AddLine(LineString line, Grid grid, List<TilePoint[]> parts)
    {
        if (line.IsEmpty || !grid.Buffered.Intersects(line.EnvelopeInternal)) return;
        var seq = line.CoordinateSequence;
        var current = new List<TilePoint>();
        void Flush()
        {
            if (current.Count >= 2) parts.Add([.. current]);
            current = [];
        }

        var prev = grid.Snap(seq.GetX(0), seq.GetY(0));
        for (var i = 1; i < seq.Count; i++)
        {
            var cur = grid.Snap(seq.GetX(i), seq.GetY(i));
            if (cur == prev) continue;
            if (ClipSegment(prev, cur, grid.Min, grid.Max) is not var (a, b))
            {
                Flush();
            }
            else
            {
                if (current.Count == 0 || current[^1] != a)
                {
                    Flush();
                    current.Add(a);
                }

                if (b != a) current.Add(b);
                if (b != cur) Flush();
            }

            prev = cur;
        }

        Flush();
    }

    /// <summary>Liang–Barsky clip of a segment to the square [min, max]².</summary>
    private static (TilePoint, TilePoint)? ClipSegment(TilePoint p, TilePoint q, long min, long max)
    {
        double t0 = 0, t1 = 1, dx = q.X - p.X, dy = q.Y - p.Y;
        bool Edge(double pp, double qq)
        {
            if (pp == 0) return qq >= 0;
            var r = qq / pp;
            if (pp < 0)
            {
                if (r > t1) return false;
                if (r > t0) t0 = r;
            }
            else
            {
                if (r < t0) return false;
                if (r < t1) t1 = r;
            }

            return true;
        }

        if (!Edge(-dx, p.X - min) || !Edge(dx, max - p.X) || !Edge(-dy, p.Y - min) || !Edge(dy, max - p.Y)) return null;
        TilePoint At(double t) => t == 0 ? p : t == 1 ? q : new TilePoint((long)Math.Round(p.X + t * dx), (long)Math.Round(p.Y + t * dy));
        return (At(t0), At(t1));
    }

    /// <summary>The tile's grid: EPSG:3857 metres to integer tile units, and the buffered clip square.</summary>
    private sealed class Grid(Envelope tile, int extent, int buffer)
    {
        private readonly double _scale = extent / tile.Width;

        public long Min { get; } = -buffer;

        public long Max { get; } = extent + buffer;

        public Envelope Buffered { get; } = new(tile.MinX - buffer * tile.Width / extent, tile.MaxX + buffer * tile.Width / extent,
            tile.MinY - buffer * tile.Height / extent, tile.MaxY + buffer * tile.Height / extent);

        public TilePoint Snap(double x, double y) =>
            new((long)Math.Round((x - tile.MinX) * _scale), (long)Math.Round((tile.MaxY - y) * _scale));

        public bool Contains(TilePoint p) => p.X >= Min && p.X <= Max && p.Y >= Min && p.Y <= Max;
    }
}
