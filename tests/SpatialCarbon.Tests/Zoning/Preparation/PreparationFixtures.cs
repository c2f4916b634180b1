using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Zoning.Preparation;

/// <summary>Zones whose areas are worked out by hand (axis-aligned squares in EPSG:4549) and a GeoTIFF of 10 m cells
/// under them, so that a zone's count of covered cells is its area / 100 m².</summary>
internal static class PreparationFixtures
{
    public const double X0 = 500_000, Y0 = 3_500_000;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4549);

    /// <summary>A square [x, x + size] × [y, y + size], offsets from (<see cref="X0"/>, <see cref="Y0"/>).</summary>
    public static Polygon Square(double x, double y, double size) =>
        (Polygon)Factory.ToGeometry(new Envelope(X0 + x, X0 + x + size, Y0 + y, Y0 + y + size));

    /// <summary>GeoJSON ring positions of that square, closed or not.</summary>
    public static string Ring(double x, double y, double size, bool closed = true)
    {
        (double X, double Y)[] corners = [(x, y), (x + size, y), (x + size, y + size), (x, y + size)];
        var positions = corners.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{X0 + c.X},{Y0 + c.Y}]")).ToList();
        if (closed) positions.Add(positions[0]);
        return "[" + string.Join(",", positions) + "]";
    }

    /// <summary>A GeoJSON FeatureCollection in the given CRS; each feature is (name, geometry JSON).</summary>
    public static string FeatureCollection(int epsg, params (string Name, string Geometry)[] features) =>
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::" + epsg
        + "\"}},\"features\":[" + string.Join(",", features.Select(f =>
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + f.Name + "\"},\"geometry\":" + f.Geometry + "}")) + "]}";

    /// <summary>Writes <paramref name="text"/> to a new temporary folder; returns the file's path.</summary>
    public static string Write(string name, string text)
    {
        var path = Path.Combine(TestEnvironment.TempDir("zoneprep"), name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A 10 × 10 GeoTIFF of 10 m cells, all 1, covering [X0, X0 + 100] × [Y0, Y0 + 100] in EPSG:4549.</summary>
    public static string Raster(string dir)
    {
        var grid = new RasterGrid(10, 10, GeoTransform.NorthUp(X0, Y0 + 100, 10, 10), CrsRegistry.FromEpsg(4549));
        var path = Path.Combine(dir, "r.tif");
        GeoTiffWriter.Write(path, new MemoryRaster(grid, Enumerable.Repeat(1.0, 100).ToArray(), RasterDataType.Byte),
            new GeoTiffWriteOptions(RasterDataType.Byte, BlockSize: 16));
        return path;
    }

    /// <summary>A GeoPackage with one feature whose geometry blob is <paramref name="wkb"/> as given (e.g. an unclosed
    /// ring, which no writer would produce): written through the project's writer, then the blob replaced.</summary>
    public static string GeoPackageWithBlob(byte[] wkb)
    {
        var path = Path.Combine(TestEnvironment.TempDir("zoneprep-gpkg"), "z.gpkg");
        var layer = new VectorLayer("memory", "zones", CrsRegistry.FromEpsg(4549), [new FieldDefinition("name", FieldType.String)],
            [new VectorFeature(1, Square(0, 0, 20), new Dictionary<string, object?> { ["name"] = "a" })], GeometryIssues.None);
        GeoPackageWriter.Write(path, [layer]);

        // GeoPackage blob: "GP", version 0, flags 1 (little endian, no envelope), srs_id, then standard WKB.
        var blob = new byte[8 + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[3] = 1;
        BitConverter.TryWriteBytes(blob.AsSpan(4), 4549);
        wkb.CopyTo(blob, 8);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var triggers = connection.CreateCommand())
        {
            triggers.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            var names = new List<string>();
            using (var rows = triggers.ExecuteReader())
            {
                while (rows.Read()) names.Add(rows.GetString(0));
            }

            foreach (var n in names)
            {
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP TRIGGER \"{n}\"";
                drop.ExecuteNonQuery();
            }
        }

        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE zones SET geom = $g";
        update.Parameters.AddWithValue("$g", blob);
        update.ExecuteNonQuery();
        return path;
    }

    /// <summary>Little-endian WKB of a one-ring polygon with the given (absolute) points, written as they are.</summary>
    public static byte[] PolygonWkb(params (double X, double Y)[] points)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write((byte)1);
        w.Write(3);
        w.Write(1);
        w.Write(points.Length);
        foreach (var (x, y) in points)
        {
            w.Write(x);
            w.Write(y);
        }

        w.Flush();
        return stream.ToArray();
    }
}
