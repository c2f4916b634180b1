using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Gdal;

public sealed class OgrVectorSourceTests
{
    private static readonly OgrVectorSource Ogr = new();

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Kml_keeps_chinese_names_repairs_the_bow_tie_and_counts_the_missing_geometry()
    {
        var dir = Fixtures("ogr-kml");
        var kml = Path.Combine(dir, "zones.kml");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, Path.Combine(dir, "zones.geojson"));

        Assert.True(Ogr.CanRead(kml));
        var layer = Ogr.Read(kml);
        Assert.Equal("zones", layer.Name);
        Assert.Equal(4326, layer.Crs?.Epsg);
        Assert.Equal([1L, 2L, 3L], layer.Features.Select(f => f.Attributes["code"]));
        Assert.Equal(["南京新济洲", "蝴蝶结", "溱湖点"], layer.Features.Select(f => f.Attributes["名称"]));
        Assert.Equal(12.5, layer.Features[0].Attributes["area_ha"]);
        Assert.Null(layer.Features[2].Attributes["area_ha"]);
        Assert.All(layer.Features, f => Assert.Equal(4326, f.Geometry.SRID));
        Assert.All(layer.Features, f => Assert.True(f.Geometry.IsValid));
        Assert.Equal(["MultiPolygon", "Point", "Polygon"], layer.GeometryTypes);
        AssertIssues(layer.Issues, invalid: 1, empty: 1);

        // Independent: SpatiaLite's MakeValid through ogrinfo, the analytic areas in square degrees, and the
        // managed GeoJSON reading of the source repaired with GEOS's algorithm in NTS.
        var ogrAreas = GdalCrossCheck.OgrReals(kml, "SELECT code, ST_Area(ST_MakeValid(geometry)) AS a FROM zones WHERE code < 4 ORDER BY code", "a", "SQLite");
        var areas = layer.Features.Select(f => f.Geometry.Area).ToArray();
        AssertClose(ogrAreas, areas, 1e-12);
        AssertClose([0.4 * 0.3 - 0.1 * 0.1, 2 * (0.2 * 0.1 / 2), 0], areas, 1e-12);
        AssertClose(ManagedAreas(), areas, 1e-12);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void FileGdb_layers_have_typed_fields_gauss_kruger_srid_and_areas_as_ogr()
    {
        var dir = Fixtures("ogr-gdb");
        var src = Path.Combine(dir, "zones.geojson");
        var gdb = Path.Combine(dir, "zones.gdb");
        NativeTools.Run("ogr2ogr", "-f", "OpenFileGDB", gdb, src, "-t_srs", "EPSG:4549", "-nln", "zones", "-nlt", "POLYGON", "-where", "code <> 3");
        NativeTools.Run("ogr2ogr", "-update", gdb, src, "-t_srs", "EPSG:4549", "-nln", "points", "-nlt", "POINT", "-where", "code = 3");

        Assert.Equal(["zones", "points"], Ogr.ListLayers(gdb).Order().Reverse());
        var zones = Ogr.Read(gdb, "zones");
        Assert.Equal(4549, zones.Crs?.Epsg);
        Assert.Contains(new FieldDefinition("code", FieldType.Integer), zones.Fields);
        Assert.Contains(new FieldDefinition("area_ha", FieldType.Real), zones.Fields);
        Assert.Contains(new FieldDefinition("surveyed", FieldType.DateTime), zones.Fields);
        Assert.Contains(new FieldDefinition("名称", FieldType.String), zones.Fields);
        Assert.Equal([1L, 2L], zones.Features.Select(f => f.Attributes["code"]));
        Assert.Equal(new DateTime(2023, 5, 17), zones.Features[0].Attributes["surveyed"]);
        Assert.Equal("蝴蝶结", zones.Features[1].Attributes["名称"]);
        Assert.All(zones.Features, f => Assert.Equal(4549, f.Geometry.SRID));
        AssertIssues(zones.Issues, invalid: 1, empty: 1);
        Assert.Contains(zones.Issues.Details, d => d.StartsWith("layer zones feature 3: no geometry", StringComparison.Ordinal));

        var ogrAreas = GdalCrossCheck.OgrReals(gdb, "SELECT code, ST_Area(ST_MakeValid(SHAPE)) AS a FROM zones WHERE code < 3 ORDER BY code", "a", "SQLite");
        var areas = zones.Features.Select(f => f.Geometry.Area).ToArray();
        AssertClose(ogrAreas, areas, 1e-12);
        var ogrPlainArea = GdalCrossCheck.OgrReals(gdb, "SELECT OGR_GEOM_AREA AS a FROM zones WHERE code = 1", "a");
        AssertClose(ogrPlainArea, [areas[0]], 1e-12);

        var points = Ogr.Read(gdb, "points");
        var point = Assert.Single(points.Features).Geometry.Coordinate;
        var ogrX = GdalCrossCheck.OgrReals(gdb, "SELECT ST_X(SHAPE) AS x FROM points", "x", "SQLite");
        var ogrY = GdalCrossCheck.OgrReals(gdb, "SELECT ST_Y(SHAPE) AS y FROM points", "y", "SQLite");
        AssertClose([ogrX[0], ogrY[0]], [point.X, point.Y], 1e-15);
        Assert.Equal(GeometryIssues.None, points.Issues);

        var e = Assert.Throws<InputException>(() => Ogr.Read(gdb, "parks"));
        Assert.Contains("layer parks: no such layer; the layers are: ", e.Message, StringComparison.Ordinal);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Dxf_hatches_and_points_read_without_crs()
    {
        var dir = Fixtures("ogr-dxf");
        var dxf = Path.Combine(dir, "zones.dxf");
        NativeTools.Run("ogr2ogr", "-f", "DXF", dxf, Path.Combine(dir, "zones.geojson"), "-t_srs", "EPSG:4549", "-where", "code <> 4");

        var layer = Ogr.Read(dxf);
        Assert.Equal("entities", layer.Name);
        Assert.Null(layer.Crs);
        Assert.Equal(3, layer.Features.Count);
        Assert.All(layer.Features, f => Assert.Equal(0, f.Geometry.SRID));
        Assert.Equal(["AcDbEntity:AcDbHatch", "AcDbEntity:AcDbHatch", "AcDbEntity:AcDbPoint"], layer.Features.Select(f => f.Attributes["SubClasses"]));
        AssertIssues(layer.Issues, invalid: 1, empty: 0);

        var ogrAreas = GdalCrossCheck.OgrReals(dxf, "SELECT ST_Area(ST_MakeValid(geometry)) AS a FROM entities", "a", "SQLite");
        AssertClose(ogrAreas, layer.Features.Select(f => f.Geometry.Area).ToArray(), 1e-12);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Files_ogr_cannot_open_are_input_errors_and_not_claimed()
    {
        var dir = TestEnvironment.TempDir("ogr-bad");
        var path = Path.Combine(dir, "noise.xyz1");
        File.WriteAllBytes(path, [0, 159, 146, 150, 7]);
        Assert.False(Ogr.CanRead(path));
        var e = Assert.Throws<InputException>(() => Ogr.Read(path));
        Assert.StartsWith(path + ": GDAL cannot open it as a vector dataset", e.Message, StringComparison.Ordinal);
    }

    private static string Fixtures(string name)
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixtures need gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir(name);
        GdalCrossCheck.WriteZonesGeoJson(dir);
        return dir;
    }

    private static double[] ManagedAreas()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(GdalCrossCheck.ZonesGeoJson, options)!;
        return collection.Where(f => f.Geometry is not null).Select(f => GeometryFixer.Fix(f.Geometry).Area).ToArray();
    }

    private static void AssertIssues(GeometryIssues issues, int invalid, int empty)
    {
        Assert.Equal(invalid, issues.Invalid);
        Assert.Equal(invalid, issues.Repaired);
        Assert.Equal(empty, issues.Empty);
        Assert.Equal(invalid + empty, issues.Details.Count);
        Assert.Equal(invalid, issues.Details.Count(d => d.Contains("repaired as MultiPolygon", StringComparison.Ordinal)));
    }

    private static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * Math.Max(1, Math.Abs(expected[i])), $"[{i}] expected {expected[i]:R}, got {actual[i]:R}");
    }
}
