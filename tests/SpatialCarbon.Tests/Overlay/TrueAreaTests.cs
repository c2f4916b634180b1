using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using SpatialCarbon.Cli;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Overlay;

/// <summary>`zonal` areas of a latitude-longitude box over rasters of ones in several CRSs, through the command line:
/// on the ellipsoid they must equal the box's closed-form area (<see cref="ClosedFormArea"/>), planar they must equal
/// the polygon's own shoelace area in the raster's CRS.</summary>
public class TrueAreaTests
{
    private static readonly GeometryFactory F = new();

    /// <summary>Writes a GeoTIFF of ones in <paramref name="crs"/> covering the envelope with a margin of two cells.</summary>
    private static string RasterOfOnes(string dir, SpatialReference? crs, Envelope e, double cell)
    {
        var left = Math.Floor(e.MinX / cell) * cell - 2 * cell;
        var top = Math.Ceiling(e.MaxY / cell) * cell + 2 * cell;
        var width = (int)Math.Ceiling((e.MaxX - left) / cell) + 2;
        var height = (int)Math.Ceiling((top - e.MinY) / cell) + 2;
        var grid = new RasterGrid(width, height, GeoTransform.NorthUp(left, top, cell, cell), crs);
        var path = Path.Combine(dir, "ones.tif");
        GeoTiffWriter.Write(path, new MemoryRaster(grid, Enumerable.Repeat(1.0, width * height).ToArray(), RasterDataType.Byte),
            new GeoTiffWriteOptions(RasterDataType.Byte));
        return path;
    }

    private static string Zones(string dir, int epsg, Geometry polygon)
    {
        var ring = string.Join(",", polygon.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]")));
        var path = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(path, $$$"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::{{{epsg}}}"}},
             "features":[{"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}
            """);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs `zonal --stats area` and returns the zone's area_m2 and the area_method column.</summary>
    private static (double Area_m2, string Method) ZonalArea(string raster, string zones, params string[] extra)
    {
        var (code, stdout, stderr) = Cli(["zonal", "--raster", raster, "--zones", zones, "--id-field", "name", "--stats", "count,area", .. extra]);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,count,area_m2,area_method", lines[0]);
        var cells = lines[1].Split(',');
        return (double.Parse(cells[2], CultureInfo.InvariantCulture), cells[3]);
    }

    private static Polygon Box(double lon1, double lat1, double lon2, double lat2) => F.CreatePolygon(
    [
        new Coordinate(lon1, lat1), new Coordinate(lon2, lat1), new Coordinate(lon2, lat2), new Coordinate(lon1, lat2),
        new Coordinate(lon1, lat1),
    ]);

    [Theory]
    // Xuzhou, 2.7° west of CM 120E, where the Gauss-Krüger map area is 0.2 % too large; and Suzhou, near CM 120E.
    [InlineData(4549, 117.20, 34.05, 117.40, 34.20, 50)]
    [InlineData(4549, 120.55, 31.25, 120.75, 31.40, 50)]
    [InlineData(32650, 117.20, 34.05, 117.40, 34.20, 50)]
    [InlineData(32650, 120.55, 31.25, 120.75, 31.40, 50)]
    [InlineData(3857, 118.70, 31.90, 118.90, 32.05, 60)]
    [InlineData(3857, 117.20, 34.05, 117.40, 34.20, 500)]
    [InlineData(4326, 118.70, 31.90, 118.90, 32.05, 0.0005)]
    [InlineData(4490, 117.20, 34.05, 117.40, 34.20, 0.0005)]
    public void Ellipsoidal_zonal_area_of_a_lat_lon_box_is_its_closed_form_area(int epsg, double lon1, double lat1, double lon2,
        double lat2, double cell)
    {
        var dir = TestEnvironment.TempDir($"true-area-{epsg}");
        var crs = CrsRegistry.FromEpsg(epsg);
        var box = Box(lon1, lat1, lon2, lat2);
        var inRaster = new GeometryReprojector(CrsRegistry.Cgcs2000, crs).Transform(box, 0.001);
        var raster = RasterOfOnes(dir, crs, inRaster.EnvelopeInternal, cell);

        var (area, method) = ZonalArea(raster, Zones(dir, 4490, box));
        Assert.Equal("ellipsoidal", method);
        Assert.Equal(1.0, area / ClosedFormArea.Box_m2(lat1, lat2, lon2 - lon1), 1e-6);
    }

    [Theory]
    [InlineData(4549, 117.20, 34.05, 117.40, 34.20)]
    [InlineData(32650, 120.55, 31.25, 120.75, 31.40)]
    [InlineData(3857, 118.70, 31.90, 118.90, 32.05)]
    public void Planar_zonal_area_is_the_polygons_map_area_in_the_raster_crs(int epsg, double lon1, double lat1, double lon2, double lat2)
    {
        var dir = TestEnvironment.TempDir($"planar-area-{epsg}");
        var crs = CrsRegistry.FromEpsg(epsg);
        // The zone is given in the raster's own CRS, so its expected area is NTS's shoelace of the same coordinates.
        var zone = new GeometryReprojector(CrsRegistry.Cgcs2000, crs).Transform(Box(lon1, lat1, lon2, lat2), 0.001);
        var raster = RasterOfOnes(dir, crs, zone.EnvelopeInternal, 50);

        var (area, method) = ZonalArea(raster, Zones(dir, epsg, zone), "--area-method", "planar");
        Assert.Equal("planar", method);
        Assert.Equal(1.0, area / zone.Area, 1e-9);

        // Web Mercator's map area over Jiangsu is about 40 % larger than the true area (sec²φ at 32° N is 1.39).
        if (epsg == 3857)
            Assert.InRange(area / ClosedFormArea.Box_m2(lat1, lat2, lon2 - lon1), 1.38, 1.40);
    }

    [Fact]
    public void Planar_areas_of_a_geographic_raster_are_refused()
    {
        var dir = TestEnvironment.TempDir("planar-geographic");
        var box = Box(118.7, 31.9, 118.8, 32.0);
        var raster = RasterOfOnes(dir, CrsRegistry.FromEpsg(4490), box.EnvelopeInternal, 0.001);
        var (code, _, stderr) = Cli("zonal", "--raster", raster, "--zones", Zones(dir, 4490, box), "--id-field", "name",
            "--stats", "area", "--area-method", "planar");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"spatialcarbon: {raster}: planar cell areas need a projected CRS, but EPSG:4490 is geographic", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raster_without_crs_is_refused_for_areas_and_carbon_unless_a_crs_is_assumed()
    {
        var dir = TestEnvironment.TempDir("no-crs");
        var zone = Box(500_100, 3_500_100, 500_700, 3_500_400);
        var raster = RasterOfOnes(dir, null, zone.EnvelopeInternal, 30);
        var zones = Zones(dir, 4549, zone);
        var pools = Path.Combine(dir, "pools.csv");
        File.WriteAllText(pools, "lucode,c_above,c_below,c_soil,c_dead\n1,10,0,0,0\n");

        var (code, stdout, stderr) = Cli("zonal", "--raster", raster, "--zones", zones, "--id-field", "name", "--stats", "area");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"spatialcarbon: {raster}: the raster has no CRS", line, StringComparison.Ordinal);
        Assert.Contains("--assume-crs", line, StringComparison.Ordinal);

        var outDir = Path.Combine(dir, "carbon");
        (code, _, stderr) = Cli("carbon", "stock", "--lulc", raster, "--pools", pools, "--out", outDir);
        Assert.Equal(2, code);
        line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"spatialcarbon: {raster}: the raster has no CRS", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")));

        // Assumed to be CGCS2000 / GK CM 120E: the zone (in that CRS) is 600 m × 300 m of map area.
        var (planar, method) = ZonalArea(raster, zones, "--assume-crs", "EPSG:4549", "--area-method", "planar");
        Assert.Equal("planar", method);
        Assert.Equal(180_000, planar, 1e-6);
        var (ellipsoidal, _) = ZonalArea(raster, zones, "--assume-crs", "EPSG:4549");
        // At the central meridian the Gauss-Krüger scale is 1: the true area differs from the map area by < 1e-6.
        Assert.Equal(1.0, ellipsoidal / planar, 1e-6);

        (code, _, stderr) = Cli("carbon", "stock", "--lulc", raster, "--pools", pools, "--out", outDir, "--assume-crs", "EPSG:4549");
        Assert.True(code == 0, stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("ellipsoidal", summary.RootElement.GetProperty("area_method").GetString());
        Assert.Equal("EPSG:4549", summary.RootElement.GetProperty("crs").GetString());
        Assert.Contains("ellipsoidal (true area of each cell", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }
}
