using System.Globalization;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Overlay;

public class ZonalCommandTests
{
    // The 4 x 4 grid (10 m cells, EPSG:4549 at the central meridian; one nodata cell), made by make_fixtures.sh:
    //   1 2 3 4
    //   5 6 7 8
    //   9 1 2 -
    //   4 5 6 7
    // The GeoTIFF is read by the managed reader; the same grid as an ASCII grid (with its
    // ESRI .prj) only GDAL reads.
    private static readonly string Tiff = TestEnvironment.Fixture("geotiff", "zonal_4x4_4549.tif");
    private static readonly string Ascii = TestEnvironment.Fixture("geotiff", "zonal_4x4.asc");

    private const string Zones = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
        {"type":"Feature","properties":{"name":"whole","code":1},"geometry":{"type":"Polygon","coordinates":[[[500000,3500000],[500040,3500000],[500040,3500040],[500000,3500040],[500000,3500000]]]}},
        {"type":"Feature","properties":{"name":"offset","code":2},"geometry":{"type":"Polygon","coordinates":[[[500005,3500005],[500025,3500005],[500025,3500025],[500005,3500025],[500005,3500005]]]}},
        {"type":"Feature","properties":{"name":"away","code":3},"geometry":{"type":"Polygon","coordinates":[[[400000,3400000],[400001,3400000],[400001,3400001],[400000,3400001],[400000,3400000]]]}}
        ]}
        """;

    private static (int Code, string Stdout, string Stderr, string Dir) Run(params string[] args)
    {
        var dir = TestEnvironment.TempDir("zonal-cli");
        File.Copy(Tiff, Path.Combine(dir, "r.tif"));
        File.Copy(Ascii, Path.Combine(dir, "r.asc"));
        File.WriteAllText(Path.Combine(dir, "z.geojson"), Zones);
        var full = args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal)).ToArray();
        var root = CommandCatalog.CreateRoot();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(root, full, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString(), dir);
    }

    private static Dictionary<string, double> Row(string csv, string id)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var cells = lines.Single(l => l.StartsWith(id + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("area_method", header[^1]);
        return header.Skip(1).SkipLast(1).Zip(cells.Skip(1)).ToDictionary(p => p.First,
            p => p.Second.Length == 0 ? double.NaN : double.Parse(p.Second, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Csv_has_the_asked_columns_and_hand_computed_values() => AssertHandComputedCsv("r.tif");

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Ascii_grid_through_gdal_gives_the_same_hand_computed_values() => AssertHandComputedCsv("r.asc");

    private static void AssertHandComputedCsv(string raster)
    {
        // The ASCII grid carries no CRS through GDAL here, so it is named, as a user would.
        string[] crs = raster.EndsWith(".asc", StringComparison.Ordinal) ? ["--assume-crs", "EPSG:4549"] : [];
        var (code, stdout, stderr, _) = Run(["zonal", "--raster", "{dir}/" + raster, "--zones", "{dir}/z.geojson", "--id-field", "name",
            "--stats", "count,area,sum,mean,min,max,majority,minority,variety,frac,nodata_count", "--area-method", "planar", .. crs]);
        Assert.True(code == 0, stderr);
        Assert.All(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.EndsWith(",planar", l, StringComparison.Ordinal));
        Assert.Equal("name,count,area_m2,sum,mean,min,max,majority,minority,variety,frac_1,frac_2,frac_3,frac_4,frac_5,frac_6,frac_7,frac_8,frac_9,nodata_count,area_method",
            stdout.Split('\n')[0]);

        var whole = Row(stdout, "whole");
        Assert.Equal(15, whole["count"], 12);
        // 15 valid 10 m cells; at the central meridian the GK scale error is below 1e-10, so either area method gives this.
        Assert.Equal(1500, whole["area_m2"], 6);
        Assert.Equal(70, whole["sum"], 12);
        Assert.Equal(1, whole["nodata_count"], 12);
        Assert.Equal(2.0 / 15, whole["frac_1"], 12);

        // 20 × 20 m offset by half a cell: quarter, half and whole cells (worked by hand from the grid above).
        var offset = Row(stdout, "offset");
        Assert.Equal(4, offset["count"], 12);
        Assert.Equal(17.5, offset["sum"], 12);
        Assert.Equal(17.5 / 4, offset["mean"], 12);
        Assert.Equal(1, offset["min"]);
        Assert.Equal(9, offset["max"]);
        Assert.Equal(1, offset["majority"]);
        Assert.Equal(4, offset["minority"]);
        Assert.Equal(7, offset["variety"]);
        Assert.Equal(0.5 / 4, offset["frac_9"], 12);
        Assert.Equal(0, offset["frac_3"]);

        var away = Row(stdout, "away");
        Assert.Equal(0, away["count"]);
        Assert.True(double.IsNaN(away["mean"]));
        Assert.Contains("zone away", stderr);
    }

    [Fact]
    public void A_zone_without_geometry_gets_a_row_of_zeros_and_a_warning()
    {
        var (code, _, stderr, dir) = Run("zonal", "--raster", "{dir}/r.tif", "--zones", "{dir}/z.geojson", "--id-field", "name",
            "--stats", "count,sum");
        Assert.True(code == 0, stderr);
        File.WriteAllText(Path.Combine(dir, "z2.geojson"), Zones.Replace("""{"name":"away","code":3},"geometry":{"type":"Polygon","coordinates":[[[400000,3400000],[400001,3400000],[400001,3400001],[400000,3400001],[400000,3400000]]]}""",
            """{"name":"nothing","code":3},"geometry":null""", StringComparison.Ordinal));
        var stdout = new StringWriter();
        var err = new StringWriter();
        var root = CommandCatalog.CreateRoot();
        code = CliRunner.Run(root, ["zonal", "--raster", Path.Combine(dir, "r.tif"), "--zones", Path.Combine(dir, "z2.geojson"),
            "--id-field", "name", "--stats", "count,sum"], stdout, err);
        Assert.True(code == 0, err.ToString());
        var csv = stdout.ToString();
        Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(0.0, Row(csv, "nothing")["count"]);
        Assert.Equal(0.0, Row(csv, "nothing")["sum"]);
        Assert.Equal(15.0, Row(csv, "whole")["count"]);
        Assert.Contains("warning: zone nothing", err.ToString());
        Assert.Contains("1 empty or missing skipped", err.ToString());
    }

    [Fact]
    public void Geopackage_output_carries_the_statistics()
    {
        var (code, _, stderr, dir) = Run("zonal", "--raster", "{dir}/r.tif", "--zones", "{dir}/z.geojson", "--id-field", "code",
            "--stats", "count,sum", "--out", "{dir}/out.gpkg");
        Assert.True(code == 0, stderr);
        var layer = SpatialCarbon.Core.Vector.VectorFile.Read(Path.Combine(dir, "out.gpkg"));
        Assert.Equal(3, layer.Features.Count);
        Assert.Equal(17.5, Convert.ToDouble(layer.Features[1].Attributes["sum"], CultureInfo.InvariantCulture), 12);
        Assert.Equal("offset", layer.Features[1].Attributes["name"]);
        Assert.All(layer.Features, f => Assert.Equal("ellipsoidal", f.Attributes["area_method"]));
    }

    [Fact]
    public void Default_value_and_min_coverage_change_the_counts()
    {
        var (code, stdout, stderr, dir) = Run("zonal", "--raster", "{dir}/r.tif", "--zones", "{dir}/z.geojson", "--id-field", "name",
            "--stats", "count,sum", "--default-value", "100", "--min-coverage", "0.3", "--out", "{dir}/out.csv");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        var csv = File.ReadAllText(Path.Combine(dir, "out.csv"));
        Assert.Equal(16, Row(csv, "whole")["count"], 12);
        Assert.Equal(170, Row(csv, "whole")["sum"], 12);

        // Only the half and whole cells of the offset square stay: 6 × 0.5 + 1 = 3 cells, sum 6·0.5·... by hand:
        // halves 6, 9, 2, 5 → 0.5 × 22 = 11, whole cell 1 → 12.
        Assert.Equal(3, Row(csv, "offset")["count"], 12);
        Assert.Equal(12, Row(csv, "offset")["sum"], 12);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Theory]
    [InlineData("--id-field", "nope", "no field 'nope'")]
    [InlineData("--stats", "count,median", "unknown statistic")]
    [InlineData("--zones", "{dir}/missing.geojson", "not found")]
    [InlineData("--weights", "{dir}/missing.tif", "not found")]
    [InlineData("--stats", "weighted_sum", "needs a weights raster")]
    [InlineData("--out", "{dir}/out.txt", "must end in .csv or .gpkg")]
    public void Bad_input_exits_2_with_one_line(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--raster"] = "{dir}/r.tif",
            ["--zones"] = "{dir}/z.geojson",
            ["--id-field"] = "name",
            ["--stats"] = "count",
        };
        args[option] = value;
        var (code, _, stderr, _) = Run(["zonal", .. args.SelectMany(p => new[] { p.Key, p.Value })]);
        CliAssert.FailsWithOneLine(code, stderr, message);
    }

    [Fact]
    public void Unreadable_zone_file_exits_2()
    {
        var dir = TestEnvironment.TempDir("zonal-bad");
        File.WriteAllText(Path.Combine(dir, "z.geojson"), "{ this is not json");
        var root = CommandCatalog.CreateRoot();
        var stderr = new StringWriter();
        var code = CliRunner.Run(root, ["zonal", "--raster", Tiff, "--zones", Path.Combine(dir, "z.geojson"), "--id-field", "x",
            "--stats", "count"], new StringWriter(), stderr);
        CliAssert.FailsWithOneLine(code, stderr.ToString(), "z.geojson");
    }

    [Fact]
    public void Fifty_thousand_zones_take_the_packed_path_and_each_gets_its_own_cell()
    {
        // From 50,000 zones the command packs the geometries and drops the prepared layer; each zone here is exactly
        // one cell of the 4 x 4 grid (zone i: cell i mod 16), so its count and sum are that cell's, read off the grid.
        int[] grid = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, -1, 4, 5, 6, 7];
        const int n = 50_000;
        var dir = TestEnvironment.TempDir("zonal-packed");
        var json = new System.Text.StringBuilder("""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[""");
        for (var i = 0; i < n; i++)
        {
            var (r, c) = (i % 16 / 4, i % 4);
            double x0 = 500_000 + 10 * c, y1 = 3_500_040 - 10 * r;
            var ring = string.Create(CultureInfo.InvariantCulture, $"[[{x0},{y1 - 10}],[{x0 + 10},{y1 - 10}],[{x0 + 10},{y1}],[{x0},{y1}],[{x0},{y1 - 10}]]");
            json.Append(i == 0 ? "" : ",").Append("{\"type\":\"Feature\",\"properties\":{\"zid\":").Append(i)
                .Append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[").Append(ring).Append("]}}");
        }

        File.WriteAllText(Path.Combine(dir, "cells.geojson"), json.Append("]}").ToString());
        var output = Path.Combine(dir, "cells.csv");
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), ["zonal", "--raster", Tiff, "--zones", Path.Combine(dir, "cells.geojson"),
            "--id-field", "zid", "--stats", "count,sum", "--out", output, "--threads", "2"], new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());

        var lines = File.ReadAllLines(output);
        Assert.Equal(n + 1, lines.Length);
        for (var i = 0; i < n; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), cells[0]);
            var value = grid[i % 16];
            Assert.Equal(value < 0 ? 0 : 1, double.Parse(cells[1], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(value < 0 ? 0 : value, double.Parse(cells[2], CultureInfo.InvariantCulture), 1e-9);
        }
    }
}
