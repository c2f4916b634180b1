using System.Text;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

public class JiezhidianReaderTests
{
    private static readonly string Samples = TestEnvironment.Fixture("jiezhidian");

    static JiezhidianReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("jiezhidian_sample_gbk.txt")]
    [InlineData("jiezhidian_sample_utf8.txt")]
    public void SamplesParseToTwoParcelsInZone40WithDeclaredAreas(string file)
    {
        var layer = VectorFile.Read(Path.Combine(Samples, file));

        Assert.Equal(4528, layer.Crs?.Epsg);
        Assert.Equal(2, layer.Features.Count);
        var dk1 = layer.Features[0];
        var dk2 = layer.Features[1];
        Assert.Equal("DK001", dk1.Attributes["parcel_id"]);
        Assert.Equal("江宁示例地块", dk1.Attributes["name"]);
        Assert.Equal("工业用地", dk1.Attributes["land_use"]);
        Assert.Equal("0601", dk1.Attributes["land_class"]);
        Assert.Equal(10L, dk1.Attributes["point_count"]);
        Assert.Null(dk2.Attributes["sheet"]);
        Assert.Equal("光伏用地", dk2.Attributes["land_use"]);

        // Declared hectares against the shoelace area of the surveyed points (independent: computed here).
        Assert.Equal(95.4770, (double)dk1.Attributes["area_ha"]!);
        Assert.Equal(13.1053, (double)dk2.Attributes["area_ha"]!);
        Assert.Equal(95.4770, dk1.Geometry.Area / 10_000, 0.0001);
        Assert.Equal(13.1053, dk2.Geometry.Area / 10_000, 0.0001);
        var outer = Shoelace([(3531392.084, 40386481.641), (3531381.656, 40387427.688), (3532490.614, 40387439.863), (3532501.044, 40386493.918)]);
        var hole = Shoelace([(3531721.634, 40386769.129), (3532054.322, 40386772.803), (3532051.192, 40387056.598), (3531718.504, 40387052.934)]);
        Assert.Equal(outer - hole, dk1.Geometry.Area, 1e-3);

        var polygon = Assert.IsType<Polygon>(dk1.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.True(polygon.Shell.Coordinates.All(c => c.X > 40_000_000 && c.Y > 3_500_000), "x is the prefixed easting, y the northing");
        Assert.Equal(0, layer.Issues.Invalid);
        Assert.Empty(layer.Issues.Details);
    }

    [Fact]
    public void RecognisedByItsSectionHeadersWhateverTheExtension()
    {
        var path = Path.Combine(TestEnvironment.TempDir("jzd-ext"), "红线坐标.dat");
        File.Copy(Path.Combine(Samples, "jiezhidian_sample_gbk.txt"), path);
        Assert.Equal(["红线坐标"], VectorFile.ListLayers(path));
        var layer = VectorFile.Read(path);
        Assert.Equal(["DK001", "DK002"], layer.Features.Select(f => (string?)f.Attributes["parcel_id"]));
        Assert.Equal(JiezhidianReader.Fields, layer.Fields);
    }

    [Fact]
    public void UnclosedRingIsClosedAndReported()
    {
        var path = Write("unclosed.txt", Header("2000国家大地坐标系", "40") + """
            3,13.1053,DK002,句容示例地块,面,,光伏用地,1205,@
            J1,1,3536417.268,40452727.542
            J2,1,3536415.096,40453200.272
            J3,1,3536969.535,40453202.807
            """, Encoding.UTF8);
        var layer = VectorFile.Read(path);
        Assert.Single(layer.Features);
        Assert.Equal(13.1053, layer.Features[0].Geometry.Area / 10_000, 0.0001);
        Assert.Equal(1, layer.Issues.Invalid);
        Assert.Equal(1, layer.Issues.Repaired);
        Assert.Contains(layer.Issues.Details, d => d.Contains("ring 1 (from line 14) was not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void DisjointSecondRingIsAnotherPartAndInnerRingAHole()
    {
        var path = Write("parts.txt", Header("2000国家大地坐标系", "40") + """
            15,0,DK003,,面,,,,@
            J1,1,3530000,40380000
            J2,1,3530000,40381000
            J3,1,3531000,40381000
            J4,1,3531000,40380000
            J1,1,3530000,40380000
            J5,2,3530000,40390000
            J6,2,3530000,40390500
            J7,2,3530500,40390500
            J8,2,3530500,40390000
            J5,2,3530000,40390000
            J9,3,3530200,40380200
            J10,3,3530200,40380400
            J11,3,3530400,40380400
            J12,3,3530400,40380200
            J9,3,3530200,40380200
            """, Encoding.UTF8);
        var layer = VectorFile.Read(path);
        var multi = Assert.IsType<MultiPolygon>(Assert.Single(layer.Features).Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(1_000_000 - 40_000 + 250_000, multi.Area, 1e-6);
        Assert.Equal(1, ((Polygon)multi.GetGeometryN(0)).NumInteriorRings);
    }

    [Fact]
    public void DeclaredAreaFarFromComputedIsWarned()
    {
        var path = Write("area.txt", Header("2000国家大地坐标系", "40") + """
            4,20.0000,DK002,,面,,,,@
            J1,1,3536417.268,40452727.542
            J2,1,3536415.096,40453200.272
            J3,1,3536969.535,40453202.807
            J1,1,3536417.268,40452727.542
            """, Encoding.UTF8);
        var layer = VectorFile.Read(path);
        Assert.Contains(layer.Issues.Details, d => d.Contains("declared area 20.0000 ha, computed 13.1053 ha", StringComparison.Ordinal));
    }

    [Fact]
    public void UnprefixedEastingsTakeTheZoneFromDaihao()
    {
        var path = Write("plain.txt", Header("2000国家大地坐标系", "40") + """
            4,13.1053,DK002,,面,,,,@
            J1,1,3536417.268,452727.542
            J2,1,3536415.096,453200.272
            J3,1,3536969.535,453202.807
            J1,1,3536417.268,452727.542
            """, Encoding.UTF8);
        var layer = VectorFile.Read(path);
        Assert.Equal(4549, layer.Crs?.Epsg);
        Assert.Equal(13.1053, layer.Features[0].Geometry.Area / 10_000, 0.0001);
    }

    [Theory]
    [InlineData("2000国家大地坐标系", "40", "J1,1,3536417.268,40452727.542\r\nJ2,1,3536415.096,40453200.272\r\nJ1,1,3536417.268,40452727.542", "line 14", "ring 1 has 2 distinct point(s)")]
    [InlineData("2000国家大地坐标系", "39", "J1,1,3536417.268,40452727.542\r\nJ2,1,3536415.096,40453200.272\r\nJ3,1,3536969.535,40453202.807", "line 14", "zone prefix 40 disagrees with 带号=39 (line 9)")]
    [InlineData("1980西安坐标系", "40", "J1,1,3536417.268,40452727.542\r\nJ2,1,3536415.096,40453200.272\r\nJ3,1,3536969.535,40453202.807", "line 5", "坐标系 is 1980西安坐标系")]
    [InlineData("2000国家大地坐标系", "40", "J1,1,3536417.268,40452727.542\r\nJ2,1,3536415.096,abc\r\nJ3,1,3536969.535,40453202.807", "line 15", "Y (easting) 'abc' is not a number")]
    public void BadFilesGiveInputExceptionNamingFileAndLine(string crs, string zone, string points, string line, string problem)
    {
        var path = Write("bad.txt", Header(crs, zone) + "3,1.0,DK9,,面,,,,@\r\n" + points + "\r\n", Encoding.GetEncoding("GBK"));
        var e = Assert.Throws<InputException>(() => VectorFile.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Equal(line, e.Record);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": " + line + ": ", e.Message, StringComparison.Ordinal);
    }

    private static string Header(string crs, string zone) =>
        $"[属性描述]\r\n格式版本号=1.01版本\r\n数据产生单位=测试\r\n数据产生日期=2026-11-23\r\n坐标系={crs}\r\n几度分带=3\r\n投影类型=高斯克吕格\r\n计量单位=米\r\n带号={zone}\r\n精度=0.001\r\n转换参数=,,,,,,\r\n[地块坐标]\r\n";

    private static string Write(string name, string content, Encoding encoding)
    {
        var path = Path.Combine(TestEnvironment.TempDir("jzd"), name);
        File.WriteAllText(path, content.ReplaceLineEndings("\r\n"), encoding);
        return path;
    }

    private static double Shoelace((double X, double Y)[] pts)
    {
        // Relative to the first point, so that 8-digit coordinates do not swamp the products.
        var s = 0.0;
        var (x0, y0) = pts[0];
        for (var i = 0; i < pts.Length; i++)
        {
            var (x1, y1) = (pts[i].X - x0, pts[i].Y - y0);
            var (x2, y2) = (pts[(i + 1) % pts.Length].X - x0, pts[(i + 1) % pts.Length].Y - y0);
            s += x1 * y2 - x2 * y1;
        }

        return Math.Abs(s) / 2;
    }
}
