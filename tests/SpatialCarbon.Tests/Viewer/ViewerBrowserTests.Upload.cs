using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>Screening an uploaded footprint file from the viewer.</summary>
public sealed partial class ViewerBrowserTests
{
    [RequiresToolFact(ViewerFixture.Chromium, NativeTools.LibGdal)]
    public async Task Uploading_a_kml_footprint_shows_the_verdict_the_api_gives_and_draws_the_footprint_where_it_is()
    {
        // A mountain-forest red line rather than the deepest one (Taihu): the footprint lands on land a reader can see.
        var red = ZonePoint.Deepest(Zones, "red_line", "kind = '山地森林'", minPixels: 120);
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(red.Lon, red.Lat, red.Zoom, "landuse_2020", "red_line", "control_unit"));
        // 50 screen pixels either side of the point, which lies at least 120 pixels inside the red line.
        var half = 50 * 360.0 / (256 << red.Zoom);
        var (west, east, south, north) = (red.Lon - half, red.Lon + half, red.Lat - half * 0.8, red.Lat + half * 0.8);
        var kml = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
            {west},{south} {east},{south} {east},{north} {west},{north} {west},{south}
            </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>
            """));

        await viewer.Page.Locator("[data-testid=industry]").FillAsync("C2511");
        var posted = viewer.Page.WaitForRequestAsync(r => r.Url.Contains("/api/screen?") && r.Method == "POST");
        await viewer.Page.Locator("[data-testid=upload-footprint]").SetInputFilesAsync(
            new FilePayload { Name = "地块.kml", MimeType = "application/vnd.google-earth.kml+xml", Buffer = kml });
        var request = await posted;
        Assert.StartsWith("multipart/form-data", request.Headers["content-type"], StringComparison.Ordinal);
        var verdict = viewer.Page.Locator("[data-testid=verdict]");
        await verdict.WaitForAsync(new() { Timeout = 60_000 });
        await viewer.SettledAsync();
        await viewer.ScreenshotAsync("upload");

        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(kml);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.google-earth.kml+xml");
        form.Add(file, "file", "parcel.kml");
        using var direct = await http.PostAsync(request.Url[fixture.BaseUrl.Length..], form);
        var expected = await direct.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("prohibit", expected.GetProperty("verdict").GetString());
        Assert.Equal(expected.GetProperty("verdict").GetString(), await verdict.GetAttributeAsync("data-verdict"));
        Assert.Contains((string)red.Attributes["code"]!, await viewer.Page.Locator("[data-testid=screen-result]").TextContentAsync());

        // The footprint drawn is the uploaded box, in EPSG:3857 by the spherical Mercator formulas.
        var drawn = await viewer.Page.EvaluateAsync<double[]>("""
            () => {
              const layer = window.spatialcarbon.map.getLayers().getArray().find(l => l.get('id') === 'footprint');
              const features = layer.getSource().getFeatures();
              return [features.length, ...features[0].getGeometry().getExtent()];
            }
            """);
        Assert.Equal(1, drawn[0]);
        const double r = 6378137;
        static double Y(double lat) => r * Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360));
        Assert.Equal(r * west * Math.PI / 180, drawn[1], 0.5);
        Assert.Equal(Y(south), drawn[2], 0.5);
        Assert.Equal(r * east * Math.PI / 180, drawn[3], 0.5);
        Assert.Equal(Y(north), drawn[4], 0.5);
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task A_file_the_server_cannot_read_shows_its_one_line_problem()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.4, 32.9, 8, "landuse_2020"));
        var answered = viewer.Page.WaitForResponseAsync(r => r.Url.Contains("/api/screen?"));
        await viewer.Page.Locator("[data-testid=upload-footprint]").SetInputFilesAsync(
            new FilePayload { Name = "broken.zip", MimeType = "application/zip", Buffer = "not a zip"u8.ToArray() });
        Assert.Equal(400, (await answered).Status);
        var error = viewer.Page.Locator("[data-testid=screen-error]");
        await error.WaitForAsync();
        Assert.Contains("broken.zip: the managed readers do not read '.zip' files", await error.TextContentAsync(), StringComparison.Ordinal);
        // The 400 itself is the expected answer; nothing else may fail.
        Assert.DoesNotContain(viewer.Errors, e => !e.Contains("400", StringComparison.Ordinal));
    }
}
