using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>The hostile tester's findings, each as the user met it through the CLI.</summary>
public sealed class HostileInputTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "geotiff", name);

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void Info_json_writes_a_nan_nodata_as_gdalinfo_does()
    {
        var dir = TestEnvironment.TempDir("nan-nodata");
        var path = Path.Combine(dir, "nan.tif");
        var grid = new RasterGrid(4, 3, new GeoTransform(500000, 30, 0, 3500000, 0, -30), Core.Crs.CrsRegistry.FromEpsg(4549));
        var cells = new double[12];
        Array.Fill(cells, 1.5);
        cells[5] = double.NaN;
        using (var memory = new MemoryRaster(grid, cells, RasterDataType.Float32, double.NaN))
            GeoTiffWriter.Write(path, memory, new GeoTiffWriteOptions(RasterDataType.Float32, double.NaN, Tiled: false, BlockSize: 16));
        var (code, output, err) = CliHarness.Run("info", path, "--json");
        Assert.True(code == 0, string.Join(" | ", err));
        var json = JsonNode.Parse(output)!;
        Assert.Equal("NaN", (string)json["nodata"]!);
        Assert.Equal(11L, (long)json["statistics"]![0]!["valid_count"]!);
    }

    [Fact]
    public void Render_onto_its_own_input_is_refused_and_the_input_kept()
    {
        var dir = TestEnvironment.TempDir("render-self");
        var path = Path.Combine(dir, "lu.tif");
        File.Copy(Fixture("int_Byte_tiled_lzw.tif"), path);
        var before = Sha(path);
        CliHarness.AssertBadInput(["render", path, "--out", path], "the output is the input");
        Assert.Equal(before, Sha(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Zonal_output_onto_the_zone_file_is_refused_and_the_zones_kept()
    {
        var dir = TestEnvironment.TempDir("zonal-self");
        var zones = Path.Combine(dir, "z.geojson");
        File.WriteAllText(zones, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Polygon","coordinates":[[[500000,3502900],[500060,3502900],[500060,3502960],[500000,3502960],[500000,3502900]]]}}]}""");
        var before = Sha(zones);
        CliHarness.AssertBadInput(["zonal", "--raster", Fixture("int_Byte_tiled_lzw.tif"), "--zones", zones, "--id-field", "id",
            "--stats", "count", "--out", zones], "the output is the input");
        Assert.Equal(before, Sha(zones));
    }

    [Fact]
    public async Task Info_on_a_named_pipe_is_refused_without_blocking()
    {
        var dir = TestEnvironment.TempDir("fifo");
        var fifo = Path.Combine(dir, "pipe.tif");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!) mk.WaitForExit();
        Assert.True(File.Exists(fifo), "mkfifo made the pipe");
        var run = Task.Run(() => CliHarness.AssertBadInput(["info", fifo], "named pipe"));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == run, "info returned instead of blocking on the pipe");
        await run;
    }

    [Fact]
    public void A_bad_number_is_one_line_in_plain_words()
    {
        var line = CliHarness.AssertBadInput(["carbon", "change", "--baseline", "a.tif", "--alternate", "b.tif", "--pools", "p.csv",
            "--out", "o", "--price", "lots"], "lots", "a number");
        Assert.DoesNotContain("Nullable", line);
    }

    [Fact]
    public void Several_parse_errors_still_make_one_line() =>
        CliHarness.AssertBadInput(["zonal", "--threads", "x"], "--raster", "a whole number");

    [Fact]
    public void A_zip_bomb_is_refused_before_it_inflates()
    {
        var dir = TestEnvironment.TempDir("zipbomb");
        var zip = Path.Combine(dir, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("parcels.shp").Open().Dispose();
            using var dbf = archive.CreateEntry("parcels.dbf", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) dbf.Write(zeros);
        }

        Assert.True(new FileInfo(zip).Length < 200_000, "64 MiB of zeros deflates about 1,000 times");
        var before = GC.GetTotalAllocatedBytes(precise: false);
        CliHarness.AssertBadInput(["info", zip], zip, "parcels.dbf", "inflates", "SPATIALCARBON_MAX_ZIP_RATIO");
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 32 << 20, "refused from the declared sizes, not by inflating");
    }

    [Fact]
    public void Deeply_nested_json_is_refused_in_one_line()
    {
        var path = Path.Combine(TestEnvironment.TempDir("deep"), "deep.geojson");
        File.WriteAllText(path, new string('[', 5000) + new string(']', 5000));
        CliHarness.AssertBadInput(["info", path], path, "not valid JSON");
    }

    [Fact]
    public void A_geopackage_into_a_folder_nobody_may_write_is_one_line()
    {
        // /sys refuses new files even to root, so this holds when the tests run as root (as CI does).
        var zones = Path.Combine(TestEnvironment.TempDir("zonal-ro"), "z.geojson");
        File.WriteAllText(zones, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Polygon","coordinates":[[[500000,3502900],[500060,3502900],[500060,3502960],[500000,3502960],[500000,3502900]]]}}]}""");
        CliHarness.AssertBadInput(["zonal", "--raster", Fixture("int_Byte_tiled_lzw.tif"), "--zones", zones, "--id-field", "id",
            "--stats", "count", "--out", "/sys/kernel/zonal.gpkg"], "/sys/kernel", "permission denied");
    }
}
