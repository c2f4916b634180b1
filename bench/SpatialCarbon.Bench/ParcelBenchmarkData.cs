using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Bench;

/// <summary>Generates the many-zones case, reproducibly: the land-cover raster of <see cref="ZonalBenchmarkData"/>
/// (<c>size × size</c> cells of 30 m) under <c>side × side</c> parcels that tile it like a land survey: small
/// adjacent octagons on a jittered lattice, each neighbour sharing its corners and the jittered midpoint of their
/// common edge, so that the parcels cover the raster once without gaps or overlaps.</summary>
public static class ParcelBenchmarkData
{
    private const double CellSize = 30;
    private const double Left = 400_000;
    private const double Top = 3_700_000;

    public static void Generate(string dir, int size, int parcels, ulong seed = 20261202)
    {
        Directory.CreateDirectory(dir);
        var crs = CrsRegistry.FromEpsg(4549);
        var grid = new RasterGrid(size, size, GeoTransform.NorthUp(Left, Top, CellSize, CellSize), crs);
        var raster = Path.Combine(dir, "landcover.tif");
        if (!File.Exists(raster)) ZonalBenchmarkData.WriteRaster(raster, grid, seed);
        WriteParcels(Path.Combine(dir, "parcels.gpkg"), size, (int)Math.Round(Math.Sqrt(parcels)), seed);
    }

    private static void WriteParcels(string path, int size, int side, ulong seed)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4549);
        var step = size * CellSize / side;

        // Lattice corner (i, j), jittered by up to a fifth of a parcel except on the raster's edge.
        Coordinate Corner(int i, int j)
        {
            var k = (ulong)j * (ulong)(side + 1) + (ulong)i;
            var jx = i == 0 || i == side ? 0 : (ZonalBenchmarkData.Unit(seed, 10, k) - 0.5) * 0.4;
            var jy = j == 0 || j == side ? 0 : (ZonalBenchmarkData.Unit(seed, 11, k) - 0.5) * 0.4;
            return new Coordinate(Left + (i + jx) * step, Top - (j + jy) * step);
        }

        // The midpoint of the edge a → b, moved across it by up to a tenth of a parcel (stream tells the edge set).
        Coordinate Mid(Coordinate a, Coordinate b, ulong stream, ulong k, bool onBorder)
        {
            var t = onBorder ? 0 : (ZonalBenchmarkData.Unit(seed, stream, k) - 0.5) * 0.2 * step;
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var len = Math.Sqrt(dx * dx + dy * dy);
            return new Coordinate((a.X + b.X) / 2 - dy / len * t, (a.Y + b.Y) / 2 + dx / len * t);
        }

        var features = new VectorFeature[side * side];
        Parallel.For(0, side, j =>
        {
            for (var i = 0; i < side; i++)
            {
                Coordinate nw = Corner(i, j), ne = Corner(i + 1, j), se = Corner(i + 1, j + 1), sw = Corner(i, j + 1);
                var top = Mid(nw, ne, 12, (ulong)j * (ulong)side + (ulong)i, j == 0);
                var bottom = Mid(sw, se, 12, (ulong)(j + 1) * (ulong)side + (ulong)i, j + 1 == side);
                var left = Mid(nw, sw, 13, (ulong)j * (ulong)(side + 1) + (ulong)i, i == 0);
                var right = Mid(ne, se, 13, (ulong)j * (ulong)(side + 1) + (ulong)(i + 1), i + 1 == side);
                var ring = factory.CreateLinearRing([nw, top, ne, right, se, bottom, sw, left, nw.Copy()]);
                var id = j * side + i + 1;
                features[id - 1] = new VectorFeature(id, factory.CreatePolygon(ring),
                    new Dictionary<string, object?> { ["id"] = (long)id });
            }
        });

        var layer = new VectorLayer(path, "parcels", CrsRegistry.FromEpsg(4549),
            [new FieldDefinition("id", FieldType.Integer)], features, GeometryIssues.None);
        GeoPackageWriter.Write(path, [layer]);
    }
}
