using System.Globalization;
using System.Text.RegularExpressions;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

/// <summary>The real Jiangsu districts layer (96 polygons, 91 invalid as NTS and GEOS see them; data/jiangsu/README.md says 90) must load whole and repaired.</summary>
public class DistrictsTests
{
    private static readonly string Districts = Path.Combine(TestEnvironment.JiangsuData, "districts.geojson");

    // Repairing 91 large polygons takes seconds: read once for both tests.
    private static readonly Lazy<VectorLayer> Layer = new(() => VectorFile.Read(Districts));

    [Fact]
    public void LoadsAllDistrictsAndRepairsEveryInvalidOne()
    {
        var layer = Layer.Value;

        Assert.Equal(96, layer.Features.Count);
        Assert.Equal(4326, layer.Crs?.Epsg);
        Assert.Equal(["city", "district"], layer.Fields.Select(f => f.Name));
        Assert.Contains(layer.Features, f => (string?)f.Attributes["district"] == "天宁区" && (string?)f.Attributes["city"] == "常州市");

        // Independent count: NTS's validity test on the raw geometries, read without our repair step.
        var raw = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Districts)).RootElement.GetProperty("features");
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };
        var ntsInvalid = raw.EnumerateArray().Count(f => !System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(f.GetProperty("geometry"), options)!.IsValid);
        Assert.Equal(91, ntsInvalid);
        Assert.Equal(ntsInvalid, layer.Issues.Invalid);
        Assert.Equal(91, layer.Issues.Repaired);
        Assert.Equal(0, layer.Issues.Empty);
        Assert.Equal(91, layer.Issues.Details.Count);
        Assert.All(layer.Issues.Details, d => Assert.Matches(@"^feature \d+: (Ring )?Self-intersection at or near point \(\d", d));
        Assert.All(layer.Features, f => Assert.True(f.Geometry.IsValid));
        Assert.All(layer.Features, f => Assert.True(f.Geometry is NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon));
        Assert.All(layer.Features, f => Assert.Equal(4326, f.Geometry.SRID));
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void SummedAreaInGaussKrugerAgreesWithGdalMakeValid()
    {
        var layer = Layer.Value;
        var ours_m2 = layer.Features.Sum(f => GeometryArea.GaussKruger_m2(f.Geometry, layer.Crs!, 4549));

        var dir = TestEnvironment.TempDir("districts-area");
        var gpkg = Path.Combine(dir, "districts_4549.gpkg");
        NativeTools.Run("ogr2ogr", "-makevalid", "-t_srs", "EPSG:4549", "-nln", "d", gpkg, Districts);
        var gdal_m2 = SqlNumber(NativeTools.Run("ogrinfo", "-q", gpkg, "-sql", "SELECT SUM(ST_Area(geom)) AS a FROM d"), "a");

        Assert.Equal(layer.Features.Count, OgrInfo.Summary(gpkg, "d").Count);
        Assert.InRange(gdal_m2, 1.030e11, 1.040e11);
        Assert.True(Math.Abs(ours_m2 - gdal_m2) / gdal_m2 < 0.001, $"ours {ours_m2:F0} m2, GDAL {gdal_m2:F0} m2");

        // GEOS (through OGR's SQLite dialect) counts the invalid inputs independently of NTS.
        var geosInvalid = SqlNumber(NativeTools.Run("ogrinfo", "-q", Districts, "-dialect", "sqlite", "-sql",
            "SELECT SUM(ST_IsValid(geometry) = 0) AS n FROM jiangsu_districts"), "n");
        Assert.Equal(geosInvalid, layer.Issues.Invalid);
    }

    internal static double SqlNumber(string ogrinfoOutput, string field)
    {
        var m = Regex.Match(ogrinfoOutput, $@"\b{Regex.Escape(field)} \((?:Real|Integer|Integer64)\) = (\S+)");
        Assert.True(m.Success, $"'{field}' not in ogrinfo output: {ogrinfoOutput}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
