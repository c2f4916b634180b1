using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Support;
using static SpatialCarbon.Tests.Zoning.Preparation.PreparationFixtures;

namespace SpatialCarbon.Tests.Zoning.Preparation;

/// <summary><c>zonal</c> through zone preparation, on a GeoTIFF of 10 m cells all 1 (no GDAL needed): a zone's
/// count is its hand-computed area / 100 m².</summary>
public class ZonalPreparationCommandTests
{
    private static (int Code, string Stdout, string[] Stderr) Zonal(string zones, string stats = "count")
    {
        var raster = PreparationFixtures.Raster(Path.GetDirectoryName(zones)!);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Guarded by a generous limit so that a regression hangs no test run (the 1e300 vertex once looped forever).
        var run = Task.Run(() => CliRunner.Run(CommandCatalog.CreateRoot(),
            ["zonal", "--raster", raster, "--zones", zones, "--id-field", "name", "--stats", stats], stdout, stderr));
        Assert.True(run.Wait(TimeSpan.FromMinutes(2)), "zonal did not finish");
        return (run.Result, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static double Count(string csv, string name) =>
        double.Parse(csv.Split('\n').Single(l => l.StartsWith(name + ",", StringComparison.Ordinal)).Split(',')[1], CultureInfo.InvariantCulture);

    [Fact]
    public void A_vertex_at_1e300_in_a_zone_to_reproject_exits_2_naming_the_feature()
    {
        var zones = Write("z.geojson", FeatureCollection(4490,
            ("ok", """{"type":"Polygon","coordinates":[[[120.0,31.6226],[120.0004,31.6226],[120.0004,31.6229],[120.0,31.6226]]]}"""),
            ("huge", """{"type":"Polygon","coordinates":[[[120.0,31.6226],[1e300,31.6226],[120.0004,31.6229],[120.0,31.6226]]]}""")));

        var (code, stdout, stderr) = Zonal(zones);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr);
        Assert.Contains(zones, line, StringComparison.Ordinal);
        Assert.Contains("feature 1: coordinate (1E+300, 31.6226)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_rings_and_empty_parts_give_the_right_counts_not_zeros()
    {
        var zones = Write("z.geojson", FeatureCollection(4549,
            ("unclosed", $$"""{"type":"Polygon","coordinates":[{{Ring(0, 0, 20, closed: false)}}]}"""),
            ("emptypart", $$"""{"type":"MultiPolygon","coordinates":[[{{Ring(40, 40, 30)}}],[]]}""")));

        var (code, stdout, stderr) = Zonal(zones);

        Assert.True(code == 0, string.Join('\n', stderr));
        Assert.Equal(20 * 20 / 100.0, Count(stdout, "unclosed"), 12);
        Assert.Equal(30 * 30 / 100.0, Count(stdout, "emptypart"), 12);
        Assert.DoesNotContain(stderr, l => l.Contains("empty geometry", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlapping_parts_of_one_zone_count_once()
    {
        // Two 15 m squares overlapping by 10 × 12 m, not on cell lines: 225 + 225 − 120 = 330 m² = 3.3 cells.
        var parts = $$"""[{"type":"Polygon","coordinates":[{{Ring(1, 21, 15)}}]},{"type":"Polygon","coordinates":[{{Ring(6, 24, 15)}}]}]""";
        var zones = Write("z.geojson", FeatureCollection(4549,
            ("collection", """{"type":"GeometryCollection","geometries":""" + parts + "}"),
            ("multi", $$"""{"type":"MultiPolygon","coordinates":[[{{Ring(1, 21, 15)}}],[{{Ring(6, 24, 15)}}]]}""")));

        var (code, stdout, stderr) = Zonal(zones);

        Assert.True(code == 0, string.Join('\n', stderr));
        Assert.Equal(3.3, Count(stdout, "collection"), 12);
        Assert.Equal(3.3, Count(stdout, "multi"), 12);
    }

    [Fact]
    public void Duplicate_ids_keep_their_rows_under_one_warning_line()
    {
        var zones = Write("z.geojson", FeatureCollection(4549,
            ("a", $$"""{"type":"Polygon","coordinates":[{{Ring(0, 0, 10)}}]}"""),
            ("a", $$"""{"type":"Polygon","coordinates":[{{Ring(20, 0, 20)}}]}"""),
            ("b", $$"""{"type":"Polygon","coordinates":[{{Ring(50, 50, 10)}}]}""")));

        var (code, stdout, stderr) = Zonal(zones);

        Assert.True(code == 0, string.Join('\n', stderr));
        Assert.Equal(4, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var warning = Assert.Single(stderr, l => l.Contains("more than one zone", StringComparison.Ordinal));
        Assert.Equal("zonal: warning: 1 name value(s) used by more than one zone, each kept as its own row: 'a'", warning);
    }
}
