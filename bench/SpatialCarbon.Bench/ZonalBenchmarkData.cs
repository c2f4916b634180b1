using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Bench;

/// <summary>Generates the zonal benchmark case, reproducibly from a fixed seed: a Byte land-cover raster of
/// <c>size × size</c> cells of 30 m in EPSG:4549 (classes 1–9 in clustered patches, ~2 % nodata = 0, tiled 256 × 256
/// LZW) and about <c>zones</c> polygons in a GeoPackage: Voronoi cells of clustered seeds (clipped to an extent
/// larger than the raster, so some cross its edge), smooth blobs of 100–250 vertices overlapping them, and a few large
/// polygons of thousands of vertices with holes.</summary>
public static class ZonalBenchmarkData
{
    private const double CellSize = 30;
    private const double Left = 400_000;
    private const double Top = 3_700_000;
    private const byte NoData = 0;

    public static void Generate(string dir, int size, int zones, ulong seed = 20261124)
    {
        Directory.CreateDirectory(dir);
        var crs = CrsRegistry.FromEpsg(4549);
        var grid = new RasterGrid(size, size, GeoTransform.NorthUp(Left, Top, CellSize, CellSize), crs);
        WriteRaster(Path.Combine(dir, "landcover.tif"), grid, seed);
        WriteZones(Path.Combine(dir, "zones.gpkg"), grid, zones, seed);
    }

    internal static void WriteRaster(string path, RasterGrid grid, ulong seed)
    {
        // Patch seeds on a jittered lattice of 40 cells; each cell takes the class of its nearest patch seed.
        const int spacing = 40;
        var across = grid.Width / spacing + 2;
        var down = grid.Height / spacing + 2;
        var sx = new double[across * down];
        var sy = new double[across * down];
        var cls = new byte[across * down];
        for (var j = 0; j < down; j++)
        {
            for (var i = 0; i < across; i++)
            {
                var k = j * across + i;
                sx[k] = (i + Unit(seed, 1, (ulong)k)) * spacing;
                sy[k] = (j + Unit(seed, 2, (ulong)k)) * spacing;
                cls[k] = (byte)(1 + (int)(Unit(seed, 3, (ulong)k) * 9));
            }
        }

        using var writer = GeoTiffWriter.Create(path, grid, new GeoTiffWriteOptions(RasterDataType.Byte, NoData));
        var bands = (grid.Height + 255) / 256;
        Parallel.For(0, bands, band =>
        {
            var y0 = band * 256;
            var rows = Math.Min(256, grid.Height - y0);
            var values = new double[rows * grid.Width];
            for (var r = 0; r < rows; r++)
            {
                var y = y0 + r + 0.5;
                var lj = (int)(y / spacing);
                for (var c = 0; c < grid.Width; c++)
                {
                    var index = (ulong)(y0 + r) * (ulong)grid.Width + (ulong)c;
                    if (Unit(seed, 4, index) < 0.02)
                    {
                        values[r * grid.Width + c] = NoData;
                        continue;
                    }

                    var x = c + 0.5;
                    var li = (int)(x / spacing);
                    var best = double.MaxValue;
                    byte value = 1;
                    for (var j = Math.Max(0, lj - 1); j <= Math.Min(down - 1, lj + 1); j++)
                    {
                        for (var i = Math.Max(0, li - 1); i <= Math.Min(across - 1, li + 1); i++)
                        {
                            var k = j * across + i;
                            var d = (sx[k] - x) * (sx[k] - x) + (sy[k] - y) * (sy[k] - y);
                            if (d < best)
                            {
                                best = d;
                                value = cls[k];
                            }
                        }
                    }

                    values[r * grid.Width + c] = value;
                }
            }

            writer.WriteWindow(1, new RasterWindow(0, y0, grid.Width, rows), values);
        });
        writer.Complete();
    }

    private static void WriteZones(string path, RasterGrid grid, int count, ulong seed)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4549);
        var rng = new Random((int)(seed % int.MaxValue));
        var extent = grid.Bounds;
        var span = extent.Width;
        var outer = new Envelope(extent.MinX - span * 0.05, extent.MaxX + span * 0.05, extent.MinY - span * 0.05, extent.MaxY + span * 0.05);
        var polygons = new List<(Geometry Geometry, string Kind)>();

        var voronoi = (int)(count * 0.75);
        var large = Math.Max(2, count / 330);
        var blobs = count - voronoi - large;

        // Voronoi cells of clustered seeds.
        var clusters = Math.Max(3, voronoi / 25);
        var sites = new List<Coordinate>();
        var centres = Enumerable.Range(0, clusters)
            .Select(_ => new Coordinate(outer.MinX + rng.NextDouble() * outer.Width, outer.MinY + rng.NextDouble() * outer.Height)).ToArray();
        while (sites.Count < voronoi)
        {
            var c = centres[rng.Next(clusters)];
            var (gx, gy) = Gaussian(rng);
            var p = new Coordinate(c.X + gx * span * 0.04, c.Y + gy * span * 0.04);
            if (outer.Contains(p)) sites.Add(p);
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = outer };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(factory);
        for (var i = 0; i < diagram.NumGeometries; i++) polygons.Add((diagram.GetGeometryN(i), "voronoi"));

        // Blobs of 100–250 vertices over them.
        for (var i = 0; i < blobs; i++)
        {
            var centre = new Coordinate(outer.MinX + rng.NextDouble() * outer.Width, outer.MinY + rng.NextDouble() * outer.Height);
            var radius = span * (0.003 + 0.02 * rng.NextDouble());
            polygons.Add((Blob(factory, rng, centre, radius, 100 + rng.Next(151), holes: 0), "blob"));
        }

        // A few large polygons with thousands of vertices and holes.
        for (var i = 0; i < large; i++)
        {
            var centre = new Coordinate(extent.MinX + rng.NextDouble() * extent.Width, extent.MinY + rng.NextDouble() * extent.Height);
            var radius = span * (0.08 + 0.12 * rng.NextDouble());
            polygons.Add((Blob(factory, rng, centre, radius, 2000 + rng.Next(4000), holes: 2 + rng.Next(3)), "large"));
        }

        var features = polygons.Select((p, i) => new VectorFeature(i + 1, p.Geometry,
            new Dictionary<string, object?> { ["id"] = (long)(i + 1), ["kind"] = p.Kind })).ToArray();
        var layer = new VectorLayer(path, "zones", CrsRegistry.FromEpsg(4549),
            [new FieldDefinition("id", FieldType.Integer), new FieldDefinition("kind", FieldType.String)], features, GeometryIssues.None);
        GeoPackageWriter.Write(path, [layer]);
    }

    /// <summary>A smooth star-shaped polygon: radius 1 ± 0.35 of <paramref name="radius"/> from a few sinusoids, so it
    /// is simple; holes sit well inside the smallest radius.</summary>
    private static Polygon Blob(GeometryFactory factory, Random rng, Coordinate centre, double radius, int vertices, int holes)
    {
        LinearRing Ring(Coordinate c, double r, int n)
        {
            var waves = Enumerable.Range(0, 4).Select(k => (Amp: 0.35 / 4 * rng.NextDouble(), Freq: 2 + rng.Next(9), Phase: rng.NextDouble() * 6.3)).ToArray();
            var coords = new Coordinate[n + 1];
            for (var i = 0; i < n; i++)
            {
                var a = 2 * Math.PI * i / n;
                var f = 1 + waves.Sum(w => w.Amp * Math.Sin(w.Freq * a + w.Phase)) + 0.01 * (rng.NextDouble() - 0.5);
                coords[i] = new Coordinate(c.X + r * f * Math.Cos(a), c.Y + r * f * Math.Sin(a));
            }

            coords[n] = coords[0].Copy();
            return factory.CreateLinearRing(coords);
        }

        var shell = Ring(centre, radius, vertices);
        var holeRings = new LinearRing[holes];
        for (var h = 0; h < holes; h++)
        {
            var a = 2 * Math.PI * h / holes;
            var hc = new Coordinate(centre.X + 0.35 * radius * Math.Cos(a), centre.Y + 0.35 * radius * Math.Sin(a));
            holeRings[h] = Ring(hc, radius * 0.12, 200 + rng.Next(300));
        }

        return factory.CreatePolygon(shell, holeRings);
    }

    private static (double, double) Gaussian(Random rng)
    {
        var u = 1 - rng.NextDouble();
        var v = rng.NextDouble();
        var m = Math.Sqrt(-2 * Math.Log(u));
        return (m * Math.Cos(2 * Math.PI * v), m * Math.Sin(2 * Math.PI * v));
    }

    /// <summary>A uniform number in [0, 1) from (seed, stream, index): splitmix64, so any cell can be drawn in any order.</summary>
    internal static double Unit(ulong seed, ulong stream, ulong index)
    {
        var z = seed + stream * 0x9E3779B97F4A7C15UL + index * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
