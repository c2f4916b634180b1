using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpatialCarbon.Cli;
using SpatialCarbon.Cli.Commands;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Carbon;

public class CarbonCommandTests
{
    internal const int W = 40, H = 30;

    // Class densities of CarbonFixtures.Pools; 0 is nodata.
    internal static double D(double c) => c switch { 1 => 62, 2 => 205, 5 => 0, _ => double.NaN };

    internal static (string Dir, string A, string B, string Pools, double[] Va, double[] Vb) Inputs(string name)
    {
        var dir = TestEnvironment.TempDir(name);
        var grid = CarbonFixtures.Projected(W, H);
        var va = new double[W * H];
        var vb = new double[W * H];
        for (var r = 0; r < H; r++)
        {
            for (var c = 0; c < W; c++)
            {
                va[r * W + c] = (r + c) % 7 == 0 ? 0 : ((r / 10 + c / 8) % 3) switch { 0 => 1, 1 => 2, _ => 5 };
                vb[r * W + c] = (r * c) % 11 == 5 ? 0 : ((r / 6 + c / 9) % 3) switch { 0 => 2, 1 => 1, _ => 5 };
            }
        }

        string Tif(string file, double[] v)
        {
            var path = Path.Combine(dir, file);
            GeoTiffWriter.Write(path, new MemoryRaster(grid, v, RasterDataType.Byte, 0), new GeoTiffWriteOptions(RasterDataType.Byte, 0, BlockSize: 16));
            return path;
        }

        var pools = Path.Combine(dir, "pools.csv");
        File.WriteAllText(pools, CarbonFixtures.Pools);
        return (dir, Tif("lulc2010.tif", va), Tif("lulc2012.tif", vb), pools, va, vb);
    }

    internal static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var root = new RootCommand("test") { CarbonCommand.Create() };
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliRunner.Run(root, args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void ChangeWritesSummaryKeysTotalsNpvAndOutputs()
    {
        var (dir, a, b, pools, va, vb) = Inputs("carbon-change");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--baseline-year", "2010",
            "--alternate-year", "2012", "--price", "50", "--discount-rate", "50", "--price-change", "5", "--out", outDir, "--area-method", "planar");
        Assert.True(code == 0, err);

        double baseline = 0, alternate = 0;
        long nodata = 0;
        for (var i = 0; i < va.Length; i++)
        {
            if (va[i] == 0 || vb[i] == 0) { nodata++; continue; }
            baseline += 0.09 * D(va[i]);
            alternate += 0.09 * D(vb[i]);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var s = json.RootElement;
        foreach (var key in new[] { "baseline_total_mg_c", "alternate_total_mg_c", "change_total_mg_c", "change_total_mg_co2e", "npv", "nodata_pixels" })
            Assert.True(s.TryGetProperty(key, out _), key);
        Assert.Equal("planar", s.GetProperty("area_method").GetString());
        Assert.Contains("planar (map area of each cell", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
        Assert.Equal(baseline, s.GetProperty("baseline_total_mg_c").GetDouble(), 6);
        Assert.Equal(alternate, s.GetProperty("alternate_total_mg_c").GetDouble(), 6);
        Assert.Equal(alternate - baseline, s.GetProperty("change_total_mg_c").GetDouble(), 6);
        Assert.Equal((alternate - baseline) * 44 / 12, s.GetProperty("change_total_mg_co2e").GetDouble(), 6);
        Assert.Equal((alternate - baseline) * 25 * (1 + 1 / (1.5 * 1.05)), s.GetProperty("npv").GetDouble(), 6);
        Assert.Equal(nodata, s.GetProperty("nodata_pixels").GetInt64());

        var transitions = File.ReadAllLines(Path.Combine(outDir, "transitions.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(alternate - baseline, transitions.Sum(t => double.Parse(t[7], CultureInfo.InvariantCulture)), 6);
        Assert.Equal((va.Length - nodata) * 0.09, transitions.Sum(t => double.Parse(t[6], CultureInfo.InvariantCulture)), 9);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("http://", File.ReadAllText(Path.Combine(outDir, "report.html")).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var change = GeoTiffReader.Open(Path.Combine(outDir, "change.tif"));
        Assert.Equal(RasterDataType.Float32, change.DataType);
        Assert.True(double.IsNaN(change.NoData!.Value));
        var cells = new double[W * H];
        change.ReadWindow(1, change.Grid.Full, cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (va[i] == 0 || vb[i] == 0) Assert.True(double.IsNaN(cells[i]));
            else Assert.Equal(D(vb[i]) - D(va[i]), cells[i]);
        }

        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void ChangeMapAgreesWithGdalStatistics()
    {
        var (dir, a, b, pools, va, vb) = Inputs("carbon-gdal");
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--out", outDir, "--area-method", "planar").Code);
        // GDAL decodes our map (AAIGrid dump): every cell must be the density difference, NaN where either input is nodata.
        var grid = NativeTools.Run("gdal_translate", "-q", "-of", "AAIGrid", Path.Combine(outDir, "change.tif"), "/vsistdout/")
            .Split('\n').Skip(6).Take(H).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(W * H, grid.Length);
        double sum = 0;
        for (var i = 0; i < grid.Length; i++)
        {
            var valid = va[i] != 0 && vb[i] != 0;
            Assert.Equal(valid, !grid[i].Contains("nan", StringComparison.OrdinalIgnoreCase));
            if (valid) sum += double.Parse(grid[i], CultureInfo.InvariantCulture);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(json.RootElement.GetProperty("change_total_mg_c").GetDouble(), sum * 0.09, 6);
        var info = JsonDocument.Parse(NativeTools.Run("gdalinfo", "-json", Path.Combine(outDir, "change.tif"))).RootElement;
        var band = info.GetProperty("bands")[0];
        Assert.Equal("Float32", band.GetProperty("type").GetString());
        Assert.Contains("4549", info.GetProperty("coordinateSystem").GetProperty("wkt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StockWithZonesWritesPerZoneCsv()
    {
        var (dir, a, _, pools, va, _) = Inputs("carbon-stock");
        // Zone "west": the first 10 columns (x 400000–400300) over all rows, in EPSG:4549.
        var zones = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(zones, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},
             "features":[{"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon","coordinates":[[[400000,3499100],[400300,3499100],[400300,3500000],[400000,3500000],[400000,3499100]]]}}]}
            """);
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "stock", "--lulc", a, "--pools", pools, "--zones", zones, "--id-field", "name", "--out", outDir, "--area-method", "planar");
        Assert.True(code == 0, err);
        double west = 0;
        for (var r = 0; r < H; r++)
        {
            for (var c = 0; c < 10; c++)
            {
                var v = va[r * W + c];
                if (v != 0) west += 0.09 * D(v);
            }
        }

        var rows = File.ReadAllLines(Path.Combine(outDir, "zones.csv"));
        Assert.StartsWith("name,stock_mg_c,", rows[0], StringComparison.Ordinal);
        Assert.Equal(west, double.Parse(rows[1].Split(',')[1], CultureInfo.InvariantCulture), 6);
        Assert.True(File.Exists(Path.Combine(outDir, "density.tif")));
    }

    [Fact]
    public void BadInputsExitTwoWithOneLineAndNoOutputs()
    {
        var (dir, a, b, _, _, _) = Inputs("carbon-bad");
        var partial = Path.Combine(dir, "partial.csv");
        File.WriteAllText(partial, "lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", partial, "--out", outDir, "--area-method", "planar");
        CliAssert.FailsWithOneLine(code, err);
        Assert.Equal($"spatialcarbon: {partial}: 2 land-use codes found in {a} and {b} missing from the table: 2, 5", err.Trim());
        // The outputs are built in a staging folder swapped in only at the end: a failed run creates no folder at all.
        Assert.False(Directory.Exists(outDir), "a failed run left an output folder");
        Assert.Empty(Directory.GetFileSystemEntries(dir, ".out*"));

        var (c2, _, e2) = Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", partial, "--baseline-year", "2020",
            "--alternate-year", "2010", "--out", outDir);
        CliAssert.FailsWithOneLine(c2, e2);
        var (c3, _, e3) = Cli("carbon", "stock", "--lulc", Path.Combine(dir, "nope.tif"), "--pools", partial, "--out", outDir);
        CliAssert.FailsWithOneLine(c3, e3, "nope.tif");
        var (c4, _, e4) = Cli("carbon", "stock", "--pools", partial, "--out", outDir);
        CliAssert.FailsWithOneLine(c4, e4);
    }

    [Fact]
    public void DifferentGridsNeedAlign()
    {
        var (dir, a, _, pools, va, _) = Inputs("carbon-align");
        // The same classes at 15 m: every 30 m cell becomes 2×2 cells, so nearest neighbour gives the baseline back.
        var fine = new double[4 * W * H];
        for (var r = 0; r < 2 * H; r++)
        {
            for (var c = 0; c < 2 * W; c++) fine[r * 2 * W + c] = va[r / 2 * W + c / 2];
        }

        var b = Path.Combine(dir, "fine.tif");
        GeoTiffWriter.Write(b, new MemoryRaster(new RasterGrid(2 * W, 2 * H, GeoTransform.NorthUp(400_000, 3_500_000, 15, 15),
            Core.Crs.CrsRegistry.FromEpsg(4549)), fine, RasterDataType.Byte, 0), new GeoTiffWriteOptions(RasterDataType.Byte, 0, BlockSize: 16));
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--out", outDir);
        CliAssert.FailsWithOneLine(code, err, $"{b}: grid differs from {a}");
        Assert.EndsWith("(pass --align)", err.Trim(), StringComparison.Ordinal);
        var (ok, _, err2) = Cli("carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--align", "--out", outDir);
        Assert.True(ok == 0, err2);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(0, json.RootElement.GetProperty("change_total_mg_c").GetDouble(), 9);
    }

    [Fact]
    public void ScenarioOverWholeRasterMatchesAnalyticAnswer()
    {
        var (dir, a, _, pools, va, _) = Inputs("carbon-scenario");
        var scenario = Path.Combine(dir, "s.json");
        File.WriteAllText(scenario, """
            {"name":"afforest","base_year":2023,"horizon_year":2030,
             "interventions":[{"name":"cropland to forest","from_class":1,"to_class":2,"share":0.5,"start_year":2024,"target_year":2024}]}
            """);
        var sdPools = Path.Combine(dir, "pools0.csv");
        File.WriteAllText(sdPools, "lucode,c_above,c_below,c_soil,c_dead,c_above_sd\n1,10,2,50,0,0\n2,80,20,100,5,0\n5,0,0,0,0,0\n");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "scenario", "--lulc", a, "--pools", sdPools, "--scenario", scenario, "--out", outDir, "--seed", "9", "--iterations", "20", "--area-method", "planar");
        Assert.True(code == 0, err);
        var cropland_ha = va.Count(v => v == 1) * 0.09;
        var last = File.ReadAllLines(Path.Combine(outDir, "scenario.csv"))[^1].Split(',');
        Assert.Equal("2030", last[0]);
        for (var i = 1; i <= 4; i++) Assert.Equal(0.5 * cropland_ha * 143, double.Parse(last[i], CultureInfo.InvariantCulture), 6);
        Assert.Contains("<polygon", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("planar", summary.RootElement.GetProperty("area_method").GetString());
        Assert.Contains("planar (map area of each cell", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioInFilteredZonesCountsOverlapOnce()
    {
        var (dir, a, _, _, va, _) = Inputs("carbon-scenario-zones");
        // Two overlapping "keep" zones (columns 0–9 and 5–14) and a "drop" zone: the union is columns 0–14.
        File.WriteAllText(Path.Combine(dir, "z.geojson"), """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
             {"type":"Feature","properties":{"kind":"keep"},"geometry":{"type":"Polygon","coordinates":[[[400000,3499100],[400300,3499100],[400300,3500000],[400000,3500000],[400000,3499100]]]}},
             {"type":"Feature","properties":{"kind":"keep"},"geometry":{"type":"Polygon","coordinates":[[[400150,3499100],[400450,3499100],[400450,3500000],[400150,3500000],[400150,3499100]]]}},
             {"type":"Feature","properties":{"kind":"drop"},"geometry":{"type":"Polygon","coordinates":[[[400600,3499100],[401200,3499100],[401200,3500000],[400600,3500000],[400600,3499100]]]}}]}
            """);
        var scenario = Path.Combine(dir, "s.json");
        File.WriteAllText(scenario, """
            {"base_year":2020,"horizon_year":2022,"interventions":[{"name":"keep zones","zones":"z.geojson",
             "filter":{"field":"kind","values":["keep"]},"from_class":[1,5],"to_class":2,"share":1,"start_year":2021,"target_year":2021}]}
            """);
        var pools = Path.Combine(dir, "p0.csv");
        File.WriteAllText(pools, "lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n2,80,20,100,5\n5,0,0,0,0\n");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Cli("carbon", "scenario", "--lulc", a, "--pools", pools, "--scenario", scenario, "--out", outDir, "--iterations", "5", "--area-method", "planar");
        Assert.True(code == 0, err);
        double expected = 0;
        for (var r = 0; r < H; r++)
        {
            for (var c = 0; c < 15; c++)
            {
                var v = va[r * W + c];
                if (v == 1) expected += 0.09 * 143;
                if (v == 5) expected += 0.09 * 205;
            }
        }

        var last = File.ReadAllLines(Path.Combine(outDir, "scenario.csv"))[^1].Split(',');
        Assert.Equal(expected, double.Parse(last[1], CultureInfo.InvariantCulture), 6);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void KmlZonesGoThroughGdalAndMatchTheSameZonesInGeoJson()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli) || TestEnvironment.RequireAll, "ogr2ogr is needed to write the KML");
        var (dir, a, _, pools, _, _) = Inputs("carbon-kml");
        // A lon/lat zone over part of the raster (which spans 118.946–118.959 E, 31.610–31.618 N).
        var geojson = Path.Combine(dir, "z.geojson");
        File.WriteAllText(geojson, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"z1"},"geometry":{"type":"Polygon",
             "coordinates":[[[118.94,31.605],[118.952,31.605],[118.952,31.615],[118.94,31.615],[118.94,31.605]]]}}]}
            """);
        var kml = Path.Combine(dir, "z.kml");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, geojson);
        string Stock(string zones, string name)
        {
            var outDir = Path.Combine(dir, name);
            var (code, _, err) = Cli("carbon", "stock", "--lulc", a, "--pools", pools, "--zones", zones, "--id-field", "name", "--no-maps", "--out", outDir);
            Assert.True(code == 0, err);
            return File.ReadAllLines(Path.Combine(outDir, "zones.csv"))[1].Split(',')[1];
        }

        var fromJson = double.Parse(Stock(geojson, "json"), CultureInfo.InvariantCulture);
        var fromKml = double.Parse(Stock(kml, "kml"), CultureInfo.InvariantCulture);
        Assert.True(fromJson > 0);
        Assert.Equal(fromJson, fromKml, 6);
    }
}
