using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Overlay;

/// <summary>Small rasters and zones the overlay tests share, generated from fixed seeds.</summary>
internal static class OverlayFixtures
{
    public static readonly GeometryFactory Factory = new();

    /// <summary>A raster of classes 1–9 with ~5 % nodata (255), in blocks of 16 × 16 so that zones cross windows.</summary>
    public static MemoryRaster Classes(int width, int height, int seed, double cellSize = 10, double left = 1000,
        double top = 5000)
    {
        var rng = new Random(seed);
        var values = new double[width * height];
        for (var i = 0; i < values.Length; i++) values[i] = rng.NextDouble() < 0.05 ? 255 : 1 + rng.Next(9);
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(left, top, cellSize, cellSize), null);
        return new MemoryRaster(grid, values, RasterDataType.Byte, 255, "classes", 16, 16);
    }

    /// <summary>A random star polygon (simple by construction: radii at increasing angles), optionally with a hole
    /// that lies inside its smallest radius.</summary>
    public static Polygon Star(Random rng, double cx, double cy, double rMin, double rMax, int vertices, bool hole)
    {
        var shell = new Coordinate[vertices + 1];
        for (var i = 0; i < vertices; i++)
        {
            var a = 2 * Math.PI * i / vertices;
            var r = rMin + (rMax - rMin) * rng.NextDouble();
            shell[i] = new Coordinate(cx + r * Math.Cos(a), cy + r * Math.Sin(a));
        }

        shell[vertices] = shell[0].Copy();
        if (!hole) return Factory.CreatePolygon(shell);

        var h = rMin * (0.2 + 0.6 * rng.NextDouble());
        var inner = new Coordinate[8];
        for (var i = 0; i < 7; i++)
        {
            var a = 2 * Math.PI * i / 7 + rng.NextDouble() * 0.3;
            inner[i] = new Coordinate(cx + h * Math.Cos(a), cy + h * Math.Sin(a));
        }

        inner[7] = inner[0].Copy();
        return Factory.CreatePolygon(Factory.CreateLinearRing(shell), [Factory.CreateLinearRing(inner)]);
    }

    /// <summary>Reference coverage, cell by cell, from GEOS-style overlay in NTS: area(zone ∩ cell box) / cell area.</summary>
    public static double[] NtsCoverage(Geometry zone, RasterGrid grid)
    {
        var cov = new double[grid.Width * grid.Height];
        var env = zone.EnvelopeInternal;
        for (var r = 0; r < grid.Height; r++)
        {
            for (var c = 0; c < grid.Width; c++)
            {
                var (x0, y0) = grid.Transform.PixelToWorld(c, r);
                var (x1, y1) = grid.Transform.PixelToWorld(c + 1, r + 1);
                var box = new Envelope(x0, x1, y0, y1);
                if (!box.Intersects(env)) continue;
                var cell = Factory.ToGeometry(box);
                cov[r * grid.Width + c] = zone.Intersection(cell).Area / box.Area;
            }
        }

        return cov;
    }
}
