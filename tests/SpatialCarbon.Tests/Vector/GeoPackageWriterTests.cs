using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

public class GeoPackageWriterTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void RoundTripKeepsGeometriesAttributesAndCrs()
    {
        var layer = SampleLayer();
        var path = Path.Combine(TestEnvironment.TempDir("gpkg-rt"), "out.gpkg");

        GeoPackageWriter.Write(path, [layer, layer with { Name = "第二层", Crs = CrsRegistry.Wgs84 }]);
        var back = VectorFile.Read(path, "parcels");

        Assert.Equal(["parcels", "第二层"], VectorFile.ListLayers(path).Order(StringComparer.Ordinal));
        Assert.Equal(4549, back.Crs?.Epsg);
        Assert.Equal(layer.Fields, back.Fields);
        Assert.Equal(layer.Features.Count, back.Features.Count);
        for (var i = 0; i < layer.Features.Count; i++)
        {
            var (a, b) = (layer.Features[i], back.Features[i]);
            Assert.Equal(a.Id, b.Id);
            Assert.True(a.Geometry.EqualsExact(b.Geometry.NumGeometries == 1 && a.Geometry is Polygon ? b.Geometry.GetGeometryN(0) : b.Geometry));
            Assert.Equal(4549, b.Geometry.SRID);
            foreach (var field in layer.Fields) Assert.Equal(a.Attributes[field.Name], b.Attributes[field.Name]);
        }

        Assert.Equal(4326, VectorFile.Read(path, "第二层").Crs?.Epsg);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void AddLayersAppendsAndRefusesAnExistingName()
    {
        var layer = SampleLayer();
        var path = Path.Combine(TestEnvironment.TempDir("gpkg-add"), "out.gpkg");
        GeoPackageWriter.Write(path, [layer]);

        GeoPackageWriter.AddLayers(path, [layer with { Name = "zones_4528", Crs = CrsRegistry.FromEpsg(4528) }, layer with { Name = "again_4549" }]);
        Assert.Equal(["again_4549", "parcels", "zones_4528"], VectorFile.ListLayers(path).Order(StringComparer.Ordinal));
        Assert.Equal(4528, VectorFile.Read(path, "zones_4528").Crs?.Epsg);
        Assert.Equal(3, VectorFile.Read(path, "again_4549").Features.Count);

        var before = File.ReadAllBytes(path);
        Assert.Throws<ArgumentException>(() => GeoPackageWriter.AddLayers(path, [layer]));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void OgrinfoSeesEpsgXyTypeCountAndFieldTypes()
    {
        var dir = TestEnvironment.TempDir("gpkg-ogr");
        var path = Path.Combine(dir, "out.gpkg");
        GeoPackageWriter.Write(path, [SampleLayer()]);

        var (count, epsg, geometryType, fields) = OgrInfo.Summary(path, "parcels");
        Assert.Equal(3, count);
        Assert.Equal(4549, epsg);
        Assert.Equal("Multi Polygon", geometryType);
        Assert.Equal("Integer64", fields["code"]);
        Assert.Equal("Real", fields["area_ha"]);
        Assert.Equal("String", fields["name"]);
        Assert.Equal("Integer(Boolean)", fields["protected"]);
        Assert.Equal("DateTime", fields["surveyed"]);

        var rows = OgrInfo.Rows(path, "-sql", "SELECT name, code, area_ha, protected, surveyed, ST_Area(geom) AS a FROM parcels ORDER BY fid");
        Assert.Equal(["南京江宁地块", "句容 \"光伏\" 地块", "(null)"], rows.Select(r => r["name"]));
        Assert.Equal("1", rows[0]["protected"]);
        Assert.Equal("2026/11/23 08:30:00+00", rows[0]["surveyed"]);
        var layer = SampleLayer();
        for (var i = 0; i < 3; i++) Assert.Equal(layer.Features[i].Geometry.Area, OgrInfo.Number(rows[i]["a"]), 1e-6);

        // The R-tree index is there and usable by GDAL's spatial filter; ogr2ogr converts the file.
        var filtered = OgrInfo.Rows(path, "parcels", "-spat", "386000", "3531000", "386700", "3531500");
        Assert.Single(filtered);
        Assert.Contains("rtree_parcels_geom", NativeTools.Run("ogrinfo", "-q", path, "-sql", "SELECT name FROM sqlite_master WHERE name LIKE 'rtree%'"), StringComparison.Ordinal);
        var geojson = Path.Combine(dir, "out.geojson");
        NativeTools.Run("ogr2ogr", "-f", "GeoJSON", geojson, path);
        var converted = VectorFile.Read(geojson);
        Assert.Equal(4549, converted.Crs?.Epsg);
        Assert.Equal(3, converted.Features.Count);
        Assert.Equal("南京江宁地块", converted.Features[0].Attributes["name"]);
        var validate = NativeTools.Run("ogrinfo", path, "--config", "OGR_GPKG_INTEGRITY_CHECK", "YES");
        Assert.DoesNotContain("ERROR", validate, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", validate, StringComparison.Ordinal);
    }

    [Fact]
    public void AFixedLastChangeGivesByteIdenticalFiles()
    {
        var dir = TestEnvironment.TempDir("gpkg-stamp");
        var stamp = new DateTime(2026, 1, 1, 8, 30, 0, DateTimeKind.Utc);
        var a = Path.Combine(dir, "a.gpkg");
        var b = Path.Combine(dir, "b.gpkg");
        GeoPackageWriter.Write(a, [SampleLayer()], stamp);
        Thread.Sleep(20);
        GeoPackageWriter.Write(b, [SampleLayer()], stamp);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={a};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_change FROM gpkg_contents";
        Assert.Equal("2026-01-01T08:30:00.000Z", command.ExecuteScalar());
    }

    private static VectorLayer SampleLayer()
    {
        Polygon Box(double x, double y, double size) => Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);
        var fields = new FieldDefinition[]
        {
            new("name", FieldType.String), new("code", FieldType.Integer), new("area_ha", FieldType.Real),
            new("protected", FieldType.Boolean), new("surveyed", FieldType.DateTime),
        };
        var features = new VectorFeature[]
        {
            new(1, Box(386481, 3531392, 900), new Dictionary<string, object?>
            {
                ["name"] = "南京江宁地块", ["code"] = 320115L, ["area_ha"] = 81.0, ["protected"] = true,
                ["surveyed"] = new DateTime(2026, 11, 23, 8, 30, 0, DateTimeKind.Utc),
            }),
            new(2, Factory.CreateMultiPolygon([Box(452727, 3536417, 400), Box(453500, 3536417, 100)]), new Dictionary<string, object?>
            {
                ["name"] = "句容 \"光伏\" 地块", ["code"] = 321183L, ["area_ha"] = 17.0, ["protected"] = false, ["surveyed"] = null,
            }),
            new(3, (Polygon)Box(400000, 3540000, 1000).Difference(Box(400100, 3540100, 200)), new Dictionary<string, object?>
            {
                ["name"] = null, ["code"] = null, ["area_ha"] = null, ["protected"] = null, ["surveyed"] = null,
            }),
        };
        return new VectorLayer("memory", "parcels", CrsRegistry.FromEpsg(4549), fields, features, GeometryIssues.None);
    }
}
