using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SpatialCarbon.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class EndpointTests(ServerFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task HealthzAnswers200()
    {
        var r = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task CatalogListsEveryZoneLayerAndRasterWithTitlesBoundsAndZooms()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/catalog"));
        var entries = doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        foreach (var layer in new[] { "red_line", "eco_space", "control_unit", "buffer", "eco_island", "admin" })
            Assert.Equal("vector", entries[layer].GetProperty("kind").GetString());
        foreach (var raster in new[] { "landuse_2000", "landuse_2010", "landuse_2020", "carbon_2000", "carbon_2020", "carbon_change_2000_2020", "carbon_change_2010_2020" })
            Assert.Equal("raster", entries[raster].GetProperty("kind").GetString());
        var cu = entries["control_unit"];
        Assert.Equal("环境管控单元", cu.GetProperty("title").GetProperty("zh").GetString());
        Assert.Equal("Environmental control units", cu.GetProperty("title").GetProperty("en").GetString());
        var b = cu.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Jiangsu lies within 116–122.5 E, 30.5–35.5 N.
        Assert.InRange(b[0], 116, 117);
        Assert.InRange(b[2], 121, 122.5);
        Assert.InRange(b[1], 30.5, 31.5);
        Assert.InRange(b[3], 34.5, 35.5);
        Assert.True(cu.GetProperty("minzoom").GetInt32() <= cu.GetProperty("maxzoom").GetInt32());
    }

    [Fact]
    public async Task TileJsonIsVersion3WithAbsoluteTileUrlAndVectorLayers()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/tiles/control_unit,red_line.json"));
        var j = doc.RootElement;
        Assert.Equal("3.0.0", j.GetProperty("tilejson").GetString());
        var url = j.GetProperty("tiles")[0].GetString()!;
        Assert.Equal("http://localhost/tiles/control_unit,red_line/{z}/{x}/{y}.mvt", url);
        var layers = j.GetProperty("vector_layers").EnumerateArray().ToArray();
        Assert.Equal(new[] { "control_unit", "red_line" }, layers.Select(l => l.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("String", layers[0].GetProperty("fields").GetProperty("HJZHGKDYBM").GetString());
        Assert.Equal(4, j.GetProperty("bounds").GetArrayLength());
        Assert.Equal(3, j.GetProperty("center").GetArrayLength());
        Assert.Equal("xyz", j.GetProperty("scheme").GetString());

        using var raster = JsonDocument.Parse(await Client.GetStringAsync("/tiles/landuse_2020.json"));
        Assert.EndsWith("/tiles/landuse_2020/{z}/{x}/{y}.png", raster.RootElement.GetProperty("tiles")[0].GetString());
        Assert.False(raster.RootElement.TryGetProperty("vector_layers", out _));
    }

    [Theory]
    [InlineData("/tiles/control_unit/abc/1/1.mvt")]
    [InlineData("/tiles/control_unit/3/8/1.mvt")]
    [InlineData("/tiles/control_unit/25/0/0.mvt")]
    [InlineData("/tiles/landuse_2020/-1/0/0.png")]
    [InlineData("/tiles/landuse_2020/2/1/4.png")]
    [InlineData("/tiles/landuse_2020,landuse_2010/2/1/1.png")]
    [InlineData("/tiles/landuse_2020/2/1/1.mvt")]
    [InlineData("/tiles/control_unit,landuse_2020.json")]
    [InlineData("/api/point?lon=abc&lat=32")]
    [InlineData("/api/point?lon=119")]
    [InlineData("/api/point?lon=200&lat=32")]
    [InlineData("/legend/control_unit")]
    public async Task BadTileCoordinatesAndParametersAre400ProblemJson(string url)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(400, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/tiles/nope/3/6/3.mvt")]
    [InlineData("/tiles/nope.json")]
    [InlineData("/legend/nope")]
    public async Task UnknownSourcesAre404ProblemJson(string url)
    {
        var r = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TilesOutsideTheDataAre204()
    {
        // 0/0 at zoom 1 is the north-west quarter of the world, far from Jiangsu.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.GetAsync("/tiles/control_unit/1/0/0.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.GetAsync("/tiles/landuse_2020/1/0/0.png")).StatusCode);
    }

    [Fact]
    public async Task ETagAndIfNoneMatchGive304AndCacheControl()
    {
        var first = await Client.GetAsync("/tiles/landuse_2020/8/213/104.png");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age=", first.Headers.CacheControl!.ToString());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/tiles/landuse_2020/8/213/104.png");
        conditional.Headers.IfNoneMatch.Add(etag!);
        var second = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/tiles/landuse_2020/8/213/104.png");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task VectorTilesAreGzippedWhenAskedAndDecompressToThePlainTile()
    {
        var plain = await Client.GetByteArrayAsync("/tiles/admin/8/213/104.mvt");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/admin/8/213/104.mvt");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var r = await Client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(r.Content.Headers.ContentEncoding));
        using var gz = new System.IO.Compression.GZipStream(new MemoryStream(await r.Content.ReadAsByteArrayAsync()), System.IO.Compression.CompressionMode.Decompress);
        using var back = new MemoryStream();
        gz.CopyTo(back);
        Assert.Equal(plain, back.ToArray());
    }

    [Fact]
    public async Task LegendsAreJsonAndPng()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/legend/landuse_2020"));
        Assert.Equal("categorical", doc.RootElement.GetProperty("kind").GetString());
        var forest = doc.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("value").GetDouble() == 2);
        Assert.Equal("#446F33", forest.GetProperty("color").GetString()); // CLCD forest 68,111,51
        using var change = JsonDocument.Parse(await Client.GetStringAsync("/legend/carbon_change_2000_2020"));
        Assert.Equal("continuous", change.RootElement.GetProperty("kind").GetString());
        var values = change.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("value").GetDouble()).ToArray();
        Assert.Equal(-values[0], values[^1], 9); // diverging around zero

        var png = await Client.GetAsync("/legend/landuse_2020.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using var bitmap = SkiaSharp.SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    [Fact]
    public async Task OpenApiDocumentListsTheRoutesAndTheReferencePageIsServedLocally()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/openapi.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        foreach (var p in new[] { "/healthz", "/catalog", "/tiles/{ids}/{z}/{x}/{y}.mvt", "/tiles/{id}/{z}/{x}/{y}.png", "/tiles/{ids}.json", "/legend/{id}", "/api/point", "/api/carbon", "/api/screen" })
            Assert.Contains(p, paths);
        var page = await Client.GetStringAsync("/docs/");
        Assert.Contains("scalar.js", page);
        Assert.DoesNotContain("cdn.jsdelivr", page);
        var script = await Client.GetAsync("/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task RootListsTheCatalogUntilTheViewerIsBuilt()
    {
        var html = await Client.GetStringAsync("/");
        Assert.Contains("control_unit", html);
        Assert.Contains("/tiles/landuse_2020.json", html);
    }

    [Fact]
    public async Task ScreenRoutesAreReservedUntilWired()
    {
        var r = await Client.PostAsync("/api/screen", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotImplemented, r.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[119,32]}")]
    [InlineData("{\"type\":\"Polygon\"}")]
    [InlineData("")]
    public async Task BadCarbonUploadsAre400(string body)
    {
        var r = await Client.PostAsync("/api/carbon", new StringContent(body, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedUploadsAre413()
    {
        var big = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Concat(Enumerable.Repeat("[119.0,32.0],", 100_000)) + "[119,32]]]}";
        var r = await Client.PostAsync("/api/carbon", new StringContent(big, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
    }
}
