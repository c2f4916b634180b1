using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>A parcel name with commas in it (vendors do not quote it) must not shift the fields after it.</summary>
public sealed class JiezhidianCommaTests
{
    private const string Text = """
        [属性描述]
        坐标系=2000国家大地坐标系
        几度分带=3
        投影类型=高斯克吕格
        计量单位=米
        带号=40
        [地块坐标]
        5,1.0000,DK009,江宁,秣陵,示例地块,面,H50G001001,工业用地,0601,@
        J1,1,3531000.000,40386000.000
        J2,1,3531000.000,40386100.000
        J3,1,3531100.000,40386100.000
        J4,1,3531100.000,40386000.000
        J1,1,3531000.000,40386000.000
        """;

    [Fact]
    public void Name_keeps_its_commas_and_later_fields_stay_in_place()
    {
        var path = Path.Combine(TestEnvironment.TempDir("jzd-comma"), "parcel.txt");
        File.WriteAllText(path, Text.Replace("\n", "\r\n"));
        var f = Assert.Single(VectorFile.Read(path).Features);
        Assert.Equal("江宁,秣陵,示例地块", f.Attributes["name"]);
        Assert.Equal("DK009", f.Attributes["parcel_id"]);
        Assert.Equal("工业用地", f.Attributes["land_use"]);
        Assert.Equal("0601", f.Attributes["land_class"]);
        Assert.Equal(1.0, (double)f.Attributes["area_ha"]!);
        Assert.Equal(10_000.0, f.Geometry.Area, 1e-6);
    }
}
