using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using SpatialCarbon.Cli;
using SpatialCarbon.Server;
using SpatialCarbon.Tests.Screening;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Server;

/// <summary><c>POST /api/screen</c> with a footprint file as multipart/form-data field <c>file</c>: each format gives
/// the result <c>screen --footprint</c> gives for the same file, areas match closed forms (the lon/lat box on the
/// ellipsoid; the 界址点 parcel's shoelace area in its own Gauss-Krüger zone), bad files are one-line 400s naming the
/// file.</summary>
[Collection(ServerCollection.Name)]
public sealed class FootprintUploadTests(ServerFixture fixture)
{
    // A 0.006° × 0.005° box near Yangzhou, inside the province-wide steel prohibition (JS-PW-001).
    private const double West = 119.40, South = 32.40, East = 119.406, North = 32.405;

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task A_geojson_file_gives_the_cli_result_and_the_ellipsoidal_box_area()
    {
        var dir = TestEnvironment.TempDir("upload-geojson");
        var file = WriteBoxGeoJson(dir);
        var result = await ScreenAsync(file);
        AssertSameAsCli(file, result);
        AssertBoxArea(result);
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task A_zipped_shapefile_written_by_ogr2ogr_gives_the_cli_result_and_the_box_area()
    {
        var dir = TestEnvironment.TempDir("upload-shp");
        var shp = Path.Combine(dir, "shp");
        NativeTools.Run("ogr2ogr", "-f", "ESRI Shapefile", "-a_srs", "EPSG:4490", shp, WriteBoxGeoJson(dir), "-nln", "parcel");
        var zip = Path.Combine(dir, "parcel.zip");
        ZipFile.CreateFromDirectory(shp, zip);
        var result = await ScreenAsync(zip);
        AssertSameAsCli(zip, result);
        AssertBoxArea(result);
    }

    [RequiresToolFact(NativeTools.GdalCli, NativeTools.LibGdal)]
    public async Task A_kml_written_by_ogr2ogr_gives_the_cli_result_and_the_box_area()
    {
        var dir = TestEnvironment.TempDir("upload-kml");
        var kml = Path.Combine(dir, "parcel.kml");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, WriteBoxGeoJson(dir));
        var result = await ScreenAsync(kml);
        AssertSameAsCli(kml, result);
        AssertBoxArea(result);
    }

    [Theory]
    [InlineData("jiezhidian_sample_utf8.txt")]
    [InlineData("jiezhidian_sample_gbk.txt")]
    public async Task A_jiezhidian_txt_gives_the_cli_results_and_the_declared_parcel_areas_in_its_gk_zone(string name)
    {
        var txt = TestEnvironment.Fixture("jiezhidian", name);
        var results = await ScreenAsync(txt, "&area_method=planar");
        AssertSameAsCli(txt, results, "planar");
        // Two parcels (one with a hole) in zone 40, central meridian 120° E: EPSG:4549 without the zone prefix, where
        // the planar areas are the ones the file declares (95.4770 ha and 13.1053 ha, checked by shoelace when the
        // fixture was made).
        Assert.Equal(2, results.GetArrayLength());
        var expected_ha = new[] { 95.4770, 13.1053 };
        for (var i = 0; i < 2; i++)
        {
            var footprint = results[i].GetProperty("footprint");
            Assert.Equal(4549, footprint.GetProperty("gk_epsg").GetInt32());
            Assert.Equal(expected_ha[i], footprint.GetProperty("area_ha").GetDouble(), 0.001);
        }
    }

    [Fact]
    public async Task The_screened_footprint_comes_back_in_lon_lat_for_the_viewer_to_draw()
    {
        var dir = TestEnvironment.TempDir("upload-footprint");
        var result = await ScreenAsync(WriteBoxGeoJson(dir));
        using var doc = JsonDocument.Parse(await Client.GetStringAsync($"/api/screen/{result.GetProperty("id").GetString()}/footprint.geojson"));
        var ring = doc.RootElement.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToArray();
        Assert.Equal(West, ring.Min(c => c.Lon), 9);
        Assert.Equal(East, ring.Max(c => c.Lon), 9);
        Assert.Equal(South, ring.Min(c => c.Lat), 9);
        Assert.Equal(North, ring.Max(c => c.Lat), 9);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/screen/nosuchid/footprint.geojson")).StatusCode);
    }

    [Theory]
    [InlineData("broken.zip", "not a zip", "broken.zip: the managed readers do not read '.zip' files; GDAL cannot read it either")]
    [InlineData("empty.zip", null, "empty.zip: the managed readers do not read '.zip' files; GDAL cannot read it either")]
    [InlineData("notes.kml", "<kml><oops", "notes.kml:")]
    [InlineData("parcel.txt", "not 界址点 and not WKT", "parcel.txt:")]
    [InlineData("../../etc/passwd.geojson", "{\"type\":\"Point\",\"coordinates\":[119.4,32.4]}", "passwd.geojson: the footprint is a Point without area")]
    public async Task A_bad_file_is_400_problem_json_with_one_detail_line_naming_it(string name, string? content, string start)
    {
        byte[] bytes;
        if (content is null)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var w = new StreamWriter(zip.CreateEntry("readme.txt").Open());
                w.Write("no shapefile here");
            }

            bytes = buffer.ToArray();
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(content);
        }

        var r = await PostFileAsync(name, bytes, "&industry=3110");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith(start, detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail);
        Assert.DoesNotContain("spatialcarbon-uploads", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_a_file_field_is_400_and_an_oversized_file_413()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var r = await Client.PostAsync("/api/screen?industry=3110", form);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("'file'", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The fixture's server accepts 1 MiB.
        var big = await PostFileAsync("big.geojson", new byte[(1 << 20) + 1], "&industry=3110");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
    }

    [Fact]
    public async Task Carbon_accepts_the_same_upload_and_agrees_with_the_geojson_body()
    {
        var dir = TestEnvironment.TempDir("upload-carbon");
        var file = WriteBoxGeoJson(dir);
        using var content = new StringContent(File.ReadAllText(file), Encoding.UTF8, "application/geo+json");
        using var byBody = JsonDocument.Parse(await (await Client.PostAsync("/api/carbon", content)).Content.ReadAsStringAsync());
        var r = await PostFileAsync("box.geojson", File.ReadAllBytes(file), "", "/api/carbon");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var byFile = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(byBody.RootElement.GetProperty("area_ha").GetDouble(), byFile.RootElement.GetProperty("area_ha").GetDouble(), 9);
        Assert.Equal(byBody.RootElement.GetProperty("stocks").ToString(), byFile.RootElement.GetProperty("stocks").ToString());
    }

    [Fact]
    public async Task Config_names_the_tianditu_key_only_when_one_is_configured()
    {
        using var none = JsonDocument.Parse(await Client.GetStringAsync("/config.json"));
        Assert.False(none.RootElement.TryGetProperty("tianditu_key", out _));

        var options = new ServerOptions
        {
            Workspace = fixture.Demo.Folder,
            PoolTable = fixture.Demo.PoolTable,
            TiandituKey = "0123abcd",
            MapApproval = "审图号：GS(2026)0000号",
        };
        await using var app = ServerApp.Build(options, fixture.Workspace, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var keyed = JsonDocument.Parse(await client.GetStringAsync("/config.json"));
        Assert.Equal("0123abcd", keyed.RootElement.GetProperty("tianditu_key").GetString());
        Assert.Equal("审图号：GS(2026)0000号", keyed.RootElement.GetProperty("map_approval").GetString());
    }

    private async Task<JsonElement> ScreenAsync(string path, string extra = "")
    {
        var r = await PostFileAsync(Path.GetFileName(path), File.ReadAllBytes(path), "&industry=3110&kind=new" + extra);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> PostFileAsync(string name, byte[] bytes, string query, string url = "/api/screen")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await Client.PostAsync(url + "?" + query.TrimStart('&'), form);
    }

    /// <summary>Runs <c>spatialcarbon screen</c> on the same file and workspace and compares what it found: result.json
    /// for one footprint, results.jsonl (one line each, in order) for several.</summary>
    private void AssertSameAsCli(string path, JsonElement server, string areaMethod = "ellipsoidal")
    {
        var output = TestEnvironment.TempDir("upload-cli");
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(),
            ["screen", "--footprint", path, "--industry", "3110", "--workspace", fixture.Demo.Folder, "--area-method", areaMethod, "--out", output],
            new StringWriter(), stderr);
        Assert.True(code == 0, stderr.ToString());
        var single = Path.Combine(output, "result.json");
        var cli = File.Exists(single) ? [File.ReadAllText(single)] : File.ReadAllLines(Path.Combine(output, "results.jsonl"));
        var served = server.ValueKind == JsonValueKind.Array ? server.EnumerateArray().ToArray() : [server];
        Assert.Equal(cli.Length, served.Length);
        for (var i = 0; i < cli.Length; i++)
        {
            using var doc = JsonDocument.Parse(cli[i]);
            var c = doc.RootElement;
            Assert.Equal("prohibit", served[i].GetProperty("verdict").GetString());
            Assert.Equal(c.GetProperty("verdict").GetString(), served[i].GetProperty("verdict").GetString());
            foreach (var key in new[] { "footprint", "zones", "nearest", "rules", "landuse", "carbon" })
                Assert.Equal(JsonSerializer.Serialize(c.GetProperty(key)), JsonSerializer.Serialize(served[i].GetProperty(key)));
        }
    }

    private static void AssertBoxArea(JsonElement result)
    {
        var expected_ha = ClosedFormArea.Box_m2(South, North, East - West) / 10_000;
        Assert.Equal(expected_ha, result.GetProperty("footprint").GetProperty("area_ha").GetDouble(), expected_ha * 1e-3);
    }

    private static string WriteBoxGeoJson(string dir)
    {
        var path = Path.Combine(dir, "box.geojson");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[{{{West}}},{{{South}}}],[{{{East}}},{{{South}}}],[{{{East}}},{{{North}}}],[{{{West}}},{{{North}}}],[{{{West}}},{{{South}}}]]]}}]}"""));
        return path;
    }
}
