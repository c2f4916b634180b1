using System.Collections.Concurrent;
using System.Globalization;
using System.Web;
using Microsoft.Playwright;
using SkiaSharp;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>The 天地图 basemap: offered only when /config.json names a key, and then asking 天地图's WMTS for CGCS2000
/// tiles (vec_c/cva_c, matrix set c: origin 180° W 90° N, level L at 1.40625°/2^L per pixel), checked against that
/// grid's closed form. There is no network here: the tile requests are answered by the test.</summary>
public sealed partial class ViewerBrowserTests
{
    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Without_a_key_only_the_offline_basemap_is_offered_and_tianditu_is_never_asked()
    {
        var asked = 0;
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.4, 32.9, 8, "landuse_2020"),
            context => context.RouteAsync("**/*.tianditu.gov.cn/**", async route =>
            {
                Interlocked.Increment(ref asked);
                await route.AbortAsync();
            }));
        Assert.Equal(1, await viewer.Page.Locator("[data-testid=basemap] option").CountAsync());
        Assert.Equal(0, asked);
        // /config.json is the server's answer (no static file in the built viewer shadows it).
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        Assert.Equal("{}", await http.GetStringAsync("config.json"));
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task With_a_key_the_tianditu_basemap_asks_for_cgcs2000_tiles_on_the_c_grid_around_the_view()
    {
        const double lon = 119.4, lat = 32.4;
        var urls = new ConcurrentBag<Uri>();
        var tile = Tile();
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(lon, lat, 9, "control_unit"), async context =>
        {
            await context.RouteAsync("**/config.json", route => route.FulfillAsync(new() { ContentType = "application/json", Body = """{"tianditu_key":"test-key"}""" }));
            await context.RouteAsync("https://*.tianditu.gov.cn/**", async route =>
            {
                urls.Add(new Uri(route.Request.Url));
                await route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = tile, Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" } });
            });
        });
        var chooser = viewer.Page.Locator("[data-testid=basemap]");
        Assert.Equal(["离线底图（行政区）", "天地图矢量", "天地图影像"], await chooser.Locator("option").AllTextContentsAsync());
        await chooser.SelectOptionAsync("1");
        await viewer.SettledAsync();

        var requests = urls.Select(u => (Uri: u, Query: HttpUtility.ParseQueryString(u.Query))).ToArray();
        Assert.NotEmpty(requests);
        foreach (var (uri, q) in requests)
        {
            Assert.Matches(@"^t[0-7]\.tianditu\.gov\.cn$", uri.Host);
            Assert.Equal("https", uri.Scheme);
            Assert.Equal($"/{q["LAYER"]}_c/wmts", uri.AbsolutePath);
            Assert.Equal("test-key", q["tk"]);
            Assert.Equal("WMTS", q["SERVICE"]);
            Assert.Equal("GetTile", q["REQUEST"]);
            Assert.Equal("c", q["TILEMATRIXSET"]);
            Assert.Equal("tiles", q["FORMAT"]);
        }

        Assert.Equal(["cva", "vec"], requests.Select(r => r.Query["LAYER"]!).Distinct().Order());
        // The tile under the view's centre, at the finest level asked, by the c grid's closed form.
        var level = requests.Max(r => int.Parse(r.Query["TILEMATRIX"]!, CultureInfo.InvariantCulture));
        var span = 256 * 1.40625 / (1 << level);
        var (col, row) = ((int)Math.Floor((lon + 180) / span), (int)Math.Floor((90 - lat) / span));
        foreach (var layer in new[] { "vec", "cva" })
        {
            Assert.Contains(requests, r => r.Query["LAYER"] == layer && r.Query["TILEMATRIX"] == level.ToString(CultureInfo.InvariantCulture)
                && r.Query["TILECOL"] == col.ToString(CultureInfo.InvariantCulture) && r.Query["TILEROW"] == row.ToString(CultureInfo.InvariantCulture));
        }

        // Every tile asked lies within a few tiles of the view: the grid is not shifted or flipped.
        foreach (var (_, q) in requests.Where(r => r.Query["TILEMATRIX"] == level.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.InRange(int.Parse(q["TILECOL"]!, CultureInfo.InvariantCulture), col - 6, col + 6);
            Assert.InRange(int.Parse(q["TILEROW"]!, CultureInfo.InvariantCulture), row - 4, row + 4);
        }

        Assert.Empty(viewer.Errors);
    }

    private static byte[] Tile()
    {
        using var bitmap = new SKBitmap(256, 256);
        bitmap.Erase(new SKColor(0xE8, 0xE4, 0xD8));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
