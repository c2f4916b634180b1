using NetTopologySuite.Geometries;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Mvt;

namespace SpatialCarbon.Tests.Tiles;

public sealed class TileClipperTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static Polygon InTileUnits(TileGeometry g) =>
        Factory.CreatePolygon(g.Parts[0].Select(p => new Coordinate(p.X, p.Y)).Append(new Coordinate(g.Parts[0][0].X, g.Parts[0][0].Y)).ToArray());

    [Fact]
    public void APolygonLargerThanTheTileIsClippedToTheTilePlusItsBuffer()
    {
        var tile = new TileCoord(10, 855, 415);
        var b = WebMercator.TileBounds(tile);
        var g = TileClipper.Clip(Box(b.MinX - b.Width, b.MinY - b.Height, b.MaxX + b.Width, b.MaxY + b.Height), b)!;
        var ring = InTileUnits(g);
        // Analytic: the square [-64, 4160]², area 4224², exterior with positive surveyor's area (y down).
        Assert.Equal(4224.0 * 4224.0, ring.Area, 6);
        Assert.Equal(new Envelope(-64, 4160, -64, 4160), ring.EnvelopeInternal);
        var pts = g.Parts[0];
        var shoelace = 0.0;
        for (int i = 0, j = pts.Length - 1; i < pts.Length; j = i++) shoelace += (double)pts[j].X * pts[i].Y - (double)pts[i].X * pts[j].Y;
        Assert.True(shoelace > 0);
    }

    [Fact]
    public void NeighboursSharingAnOffGridEdgeStaySharedAfterSnappingAndClipping()
    {
        var tile = new TileCoord(12, 3420, 1662);
        var b = WebMercator.TileBounds(tile);
        // A zig-zag boundary with vertices off the tile grid, running out of the tile on both sides.
        var u = b.Width / 4096;
        var edge = Enumerable.Range(-20, 4200 / 10 + 40).Select(i => new Coordinate(b.MinX + (i * 10 + 0.37) * u, b.MinY + (2000 + (i % 2 == 0 ? 3.3 : -2.8)) * u)).ToArray();
        var left = edge.First();
        var right = edge.Last();
        var south = Factory.CreatePolygon([.. edge, new(right.X, b.MinY - b.Height), new(left.X, b.MinY - b.Height), edge[0]]);
        var north = Factory.CreatePolygon([.. edge.Reverse(), new(left.X, b.MaxY + b.Height), new(right.X, b.MaxY + b.Height), edge[^1]]);
        var a = InTileUnits(TileClipper.Clip(south, b)!);
        var c = InTileUnits(TileClipper.Clip(north, b)!);
        // No overlap and no gap: together they tile the buffered square exactly.
        Assert.Equal(0, a.Intersection(c).Area, 9);
        var union = a.Union(c);
        Assert.IsType<Polygon>(union);
        Assert.Empty(((Polygon)union).Holes);
        Assert.Equal(4224.0 * 4224.0, union.Area, 6);
    }

    [Fact]
    public void LinesAreCutWhereTheyLeaveTheBuffer()
    {
        var b = WebMercator.TileBounds(new TileCoord(8, 213, 104));
        var line = Factory.CreateLineString([new(b.MinX - b.Width, b.Centre.Y), new(b.MaxX + b.Width, b.Centre.Y)]);
        var g = TileClipper.Clip(line, b)!;
        var part = Assert.Single(g.Parts);
        Assert.Equal(-64, part.Min(p => p.X));
        Assert.Equal(4160, part.Max(p => p.X));
    }
}
