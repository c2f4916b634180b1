using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

public class WktReaderTests
{
    [Fact]
    public void EwktSridGivesTheCrs()
    {
        var path = Write("one.wkt", "SRID=4549;POLYGON((386000 3531000, 387000 3531000, 387000 3532000, 386000 3532000, 386000 3531000))\n");
        var layer = VectorFile.Read(path);
        Assert.Equal(4549, layer.Crs?.Epsg);
        var f = Assert.Single(layer.Features);
        Assert.Equal(1_000_000, f.Geometry.Area, 1e-6);
        Assert.Equal(4549, f.Geometry.SRID);
    }

    [Fact]
    public void OneGeometryPerLineAndGeometriesSpanningLines()
    {
        var path = Write("many.txt", """
            POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))

            MULTIPOLYGON(((20 0, 30 0, 30 10, 20 10, 20 0)),
                         ((40 0, 50 0, 50 10, 40 10, 40 0)))
            POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))
            POLYGON EMPTY
            """);
        var layer = VectorFile.Read(path, crs: CrsRegistry.FromEpsg(4549));
        Assert.Equal(4549, layer.Crs?.Epsg);
        Assert.Equal([1L, 3L, 5L], layer.Features.Select(f => f.Id));
        Assert.Equal([100.0, 200.0, 50.0], layer.Features.Select(f => f.Geometry.Area));
        Assert.Equal((1, 1, 1), (layer.Issues.Invalid, layer.Issues.Repaired, layer.Issues.Empty));
        Assert.Contains(layer.Issues.Details, d => d.StartsWith("feature 5: Self-intersection at or near point (5, 5)", StringComparison.Ordinal));
        Assert.Contains(layer.Issues.Details, d => d.StartsWith("feature 6: empty geometry", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POLYGON((0 0, 1 0, 1 1, 0 0))\nPOLYGON((0 0, 1 0, 1 1, 0 0))\nPOLYGON((0 0, 1 0, 1 1 0 0))\n", "line 3", "not a WKT geometry")]
    [InlineData("POINT(1 2)\n\nPOLYGIN((0 0, 1 0, 1 1, 0 0))\n", "line 3", "not a WKT geometry")]
    [InlineData("POINT(1 2)\nPOLYGON((0 0, 1 0, 1 1, 0 0)\n", "line 2", "never closes its parentheses")]
    [InlineData("SRID=4549;POINT(1 2)\nSRID=4326;POINT(1 2)\n", "line 2", "SRID=4326 differs from SRID=4549")]
    [InlineData("SRID=abc;POINT(1 2)\n", "line 1", "malformed EWKT prefix")]
    public void BadLinesNameTheLine(string content, string record, string problem)
    {
        var path = Write("bad.wkt", content);
        var e = Assert.Throws<InputException>(() => VectorFile.Read(path, crs: CrsRegistry.FromEpsg(4549)));
        Assert.Equal(record, e.Record);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: {record}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutCrsItSaysHowToGiveOne()
    {
        var path = Write("nocrs.wkt", "POINT(1 2)\n");
        var e = Assert.Throws<InputException>(() => VectorFile.Read(path));
        Assert.Contains("SRID=4549;", e.Message, StringComparison.Ordinal);
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(TestEnvironment.TempDir("wkt"), name);
        File.WriteAllText(path, content);
        return path;
    }
}
