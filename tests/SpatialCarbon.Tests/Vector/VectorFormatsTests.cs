using System.IO.Compression;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

/// <summary>Each managed reader against GDAL: ogr2ogr writes the committed sample (Chinese attributes, a multipolygon,
/// a polygon with a hole, an invalid bow-tie, a null geometry) in a format and CRS, the reader reads it, and ogrinfo
/// on the same file gives the expected count, CRS, attributes and areas.</summary>
public class VectorFormatsTests
{
    internal static readonly string Sample = Path.Combine(TestEnvironment.RepoRoot, "tests", "SpatialCarbon.Tests", "Fixtures", "vector", "sample_zones.geojson");

    [RequiresToolTheory(NativeTools.GdalCli)]
    [InlineData("GeoJSON", "sample_zones.geojson", "EPSG:4326", "")]
    [InlineData("GeoJSON", "sample_zones.geojson", "EPSG:4549", "")]
    [InlineData("ESRI Shapefile", "sample_zones.shp", "EPSG:4549", "ENCODING=UTF-8")]
    [InlineData("ESRI Shapefile", "sample_zones.shp", "EPSG:4490", "ENCODING=GBK")]
    [InlineData("ESRI Shapefile", "sample_zones.zip", "EPSG:4549", "ENCODING=GBK")]
    [InlineData("GPKG", "sample_zones.gpkg", "EPSG:4490", "")]
    [InlineData("GPKG", "sample_zones.gpkg", "EPSG:4528", "")]
    public void ReaderAgreesWithOgrinfo(string driver, string file, string srs, string creationOption)
    {
        var dir = TestEnvironment.TempDir("formats");
        var path = Path.Combine(dir, file);
        var written = path;
        if (file.EndsWith(".zip", StringComparison.Ordinal))
        {
            written = Path.Combine(dir, "shp", "sample_zones.shp");
            Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        }

        string[] lco = creationOption.Length > 0 ? ["-lco", creationOption] : [];
        NativeTools.Run("ogr2ogr", ["-f", driver, "-t_srs", srs, "-nln", "sample_zones", .. lco, written, Sample]);
        if (written != path) ZipFile.CreateFromDirectory(Path.GetDirectoryName(written)!, path);

        var layer = VectorFile.Read(path);
        var (count, epsg, _, _) = OgrInfo.Summary(written, "sample_zones");

        Assert.Equal("sample_zones", layer.Name);
        Assert.Equal(epsg, layer.Crs?.Epsg);
        Assert.Equal(int.Parse(srs[5..], System.Globalization.CultureInfo.InvariantCulture), layer.Crs?.Epsg);
        Assert.Equal(count, layer.Features.Count + layer.Issues.Empty);
        Assert.Equal(4, layer.Features.Count);
        Assert.Equal((1, 1, 1), (layer.Issues.Invalid, layer.Issues.Repaired, layer.Issues.Empty));
        Assert.Contains(layer.Issues.Details, d => d.Contains("Self-intersection", StringComparison.Ordinal) && d.EndsWith("repaired", StringComparison.Ordinal));

        // Attributes and areas, feature by feature: GEOS's area of MakeValid output, in the file's own CRS units.
        var geometryColumn = driver == "GPKG" ? "geom" : "geometry";
        var rows = OgrInfo.Rows(written, "-dialect", driver == "GPKG" ? "INDIRECT_SQLITE" : "sqlite", "-sql",
            $"SELECT name, kind, code, weight, ST_Area(ST_MakeValid({geometryColumn})) AS area FROM sample_zones");
        Assert.Equal(5, rows.Count);
        foreach (var row in rows.Where(r => r["area"] != "(null)"))
        {
            var feature = Assert.Single(layer.Features, f => (string?)f.Attributes["name"] == row["name"]);
            Assert.Equal(row["kind"], feature.Attributes["kind"]);
            Assert.Equal((long)OgrInfo.Number(row["code"]), Assert.IsType<long>(feature.Attributes["code"]));
            if (row["weight"] == "(null)") Assert.Null(feature.Attributes["weight"]);
            else Assert.Equal(OgrInfo.Number(row["weight"]), (double)feature.Attributes["weight"]!, 1e-12);
            var gdalArea = OgrInfo.Number(row["area"]);
            Assert.Equal(gdalArea, feature.Geometry.Area, gdalArea * 1e-9);
        }

        Assert.Contains(layer.Features, f => f.Geometry is NetTopologySuite.Geometries.Polygon { NumInteriorRings: 1 } or
            NetTopologySuite.Geometries.MultiPolygon { NumGeometries: 1 } && ((NetTopologySuite.Geometries.Polygon)f.Geometry.GetGeometryN(0)).NumInteriorRings == 1);
        Assert.Contains(layer.Features, f => (string?)f.Attributes["name"] == "紫金山生态公益林" && f.Geometry.NumGeometries == 2);
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void ZipWithTwoShapefilesListsBothLayers()
    {
        var dir = TestEnvironment.TempDir("zip2");
        var shp = Path.Combine(dir, "shp");
        Directory.CreateDirectory(shp);
        NativeTools.Run("ogr2ogr", "-t_srs", "EPSG:4549", Path.Combine(shp, "zones_a.shp"), Sample);
        NativeTools.Run("ogr2ogr", "-t_srs", "EPSG:4490", "-where", "code < 103", Path.Combine(shp, "zones_b.shp"), Sample);
        var zip = Path.Combine(dir, "two.zip");
        ZipFile.CreateFromDirectory(shp, zip);

        Assert.Equal(["zones_a", "zones_b"], VectorFile.ListLayers(zip));
        var b = VectorFile.Read(zip, "zones_b");
        Assert.Equal(4490, b.Crs?.Epsg);
        Assert.Equal(2, b.Features.Count);
        Assert.Equal(4549, VectorFile.Read(zip).Crs?.Epsg);
    }

    [RequiresToolTheory(NativeTools.GdalCli)]
    [InlineData("GBK", "gbk")]
    [InlineData("UTF-8", "utf-8")]
    public void ShapefileWithoutCpgOrPrjGuessesTheEncodingAndTakesTheCallersCrs(string encoding, string webName)
    {
        var dir = TestEnvironment.TempDir("nocpg");
        var shp = Path.Combine(dir, "zones.shp");
        NativeTools.Run("ogr2ogr", "-t_srs", "EPSG:4549", "-lco", $"ENCODING={encoding}", shp, Sample);
        File.Delete(Path.Combine(dir, "zones.cpg"));

        File.Delete(Path.Combine(dir, "zones.prj"));

        Assert.Null(VectorFile.Read(shp).Crs);
        var layer = VectorFile.Read(shp, crs: SpatialCarbon.Core.Crs.CrsRegistry.FromEpsg(4549));
        Assert.Equal(4549, layer.Crs?.Epsg);
        Assert.All(layer.Features, f => Assert.Equal(4549, f.Geometry.SRID));
        Assert.Equal(["玄武湖生态空间", "紫金山生态公益林", "长江饮用水水源保护区", "蝴蝶形错误地块"], layer.Features.Select(f => (string?)f.Attributes["name"]));
        Assert.Contains($"attributes read as {webName}", layer.Issues.Details[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GeoJsonSingleFeatureBareGeometryAndLegacyCrs()
    {
        var dir = TestEnvironment.TempDir("geojson-forms");
        var feature = Path.Combine(dir, "feature.geojson");
        File.WriteAllText(feature, """
            {"type":"Feature","id":7,"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},
             "properties":{"名称":"地块","n":3,"x":2.5,"ok":true,"obj":{"a":1}},
             "geometry":{"type":"Polygon","coordinates":[[[386000,3531000],[387000,3531000],[387000,3532000],[386000,3531000]]]}}
            """);
        var layer = VectorFile.Read(feature);
        Assert.Equal(4549, layer.Crs?.Epsg);
        var f = Assert.Single(layer.Features);
        Assert.Equal(7, f.Id);
        Assert.Equal(500_000, f.Geometry.Area, 1e-6);
        Assert.Equal(
            [new FieldDefinition("名称", FieldType.String), new("n", FieldType.Integer), new("x", FieldType.Real), new("ok", FieldType.Boolean), new("obj", FieldType.String)],
            layer.Fields);
        Assert.Equal(["地块", 3L, 2.5, true, """{"a":1}"""], layer.Fields.Select(fd => f.Attributes[fd.Name]));

        var bare = Path.Combine(dir, "bare.json");
        File.WriteAllText(bare, """{"type":"MultiPolygon","coordinates":[[[[118,32],[118.1,32],[118.1,32.1],[118,32]]]]}""");
        var bareLayer = VectorFile.Read(bare);
        Assert.Equal(4326, bareLayer.Crs?.Epsg);
        Assert.IsType<NetTopologySuite.Geometries.MultiPolygon>(Assert.Single(bareLayer.Features).Geometry);

        var mixed = Path.Combine(dir, "mixed.geojson");
        File.WriteAllText(mixed, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"v":1},"geometry":{"type":"Point","coordinates":[118,32]}},
             {"type":"Feature","properties":{"v":1.5},"geometry":{"type":"Point","coordinates":[118,32]}},
             {"type":"Feature","properties":{"v":"x"},"geometry":{"type":"Polygon","coordinates":[[[118,32],[118.1,32]]]}}]}
            """);
        var mixedLayer = VectorFile.Read(mixed);
        Assert.Equal(FieldType.String, Assert.Single(mixedLayer.Fields).Type);
        Assert.Equal(2, mixedLayer.Features.Count);
        Assert.Equal(1, mixedLayer.Issues.Empty);
        Assert.StartsWith("feature 2: cannot decode the geometry", mixedLayer.Issues.Details[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zones.kml")]
    [InlineData("zones.dxf")]
    [InlineData("zones.tab")]
    public void FormatsOnlyGdalReadsAreUnsupported(string file)
    {
        var path = Path.Combine(TestEnvironment.TempDir("unsupported"), file);
        File.WriteAllText(path, "<kml/>");
        var e = Assert.Throws<SpatialCarbon.Core.UnsupportedFormatException>(() => VectorFile.Read(path));
        Assert.Contains(Path.GetExtension(file), e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderDatasetsAreUnsupportedAndMissingFilesAreBadInput()
    {
        var gdb = Path.Combine(TestEnvironment.TempDir("gdb"), "zones.gdb");
        Directory.CreateDirectory(gdb);
        Assert.Throws<SpatialCarbon.Core.UnsupportedFormatException>(() => VectorFile.Read(gdb));
        Assert.Throws<SpatialCarbon.Core.UnsupportedFormatException>(() => VectorFile.ListLayers(gdb));
        var missing = Path.Combine(Path.GetDirectoryName(gdb)!, "missing.geojson");
        var e = Assert.Throws<SpatialCarbon.Core.InputException>(() => VectorFile.Read(missing));
        Assert.IsNotType<SpatialCarbon.Core.UnsupportedFormatException>(e);
        Assert.Equal($"{missing}: file not found", e.Message);
    }
}
