using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>The map viewer in Debian's chromium against the real server over the reduced demo workspace: each test
/// drives one interaction and keeps a screenshot (test output; docs/img/viewer-*.png with SPATIALCARBON_UPDATE_SCREENSHOTS=1).</summary>
public sealed partial class ViewerBrowserTests(ViewerFixture fixture) : IClassFixture<ViewerFixture>
{
    private string Zones => Path.Combine(fixture.WorkspaceFolder, "zones.gpkg");

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Loads_with_every_catalog_source_in_the_switcher_and_no_console_error()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture);
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var catalog = await http.GetFromJsonAsync<JsonElement[]>("catalog");

        var rows = await viewer.Page.Locator(".layer-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.layer)");
        Assert.Equal(catalog!.Select(c => c.GetProperty("id").GetString()!).Order(), rows.Order());
        Assert.Equal(["分区管控", "生态", "土地利用", "碳"], await viewer.Page.Locator(".layer-group > legend").AllTextContentsAsync());
        Assert.Equal("生态保护红线", await viewer.Page.Locator("[data-layer-name=red_line]").TextContentAsync());
        Assert.Equal("环境管控单元", await viewer.Page.Locator("[data-layer-name=control_unit]").TextContentAsync());
        await viewer.ScreenshotAsync("load");
        Assert.True(NonBlank(await viewer.Map.ScreenshotAsync()), "the map drew nothing");
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Toggling_a_layer_fetches_its_tiles_and_keeps_it_in_the_url()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.4, 32.9, 7, "landuse_2020"));
        Assert.DoesNotContain("red_line", await HashLayersAsync(viewer));

        var tile = viewer.Page.WaitForResponseAsync(r => r.Url.Contains("/tiles/red_line/") && r.Status == 200);
        await viewer.Page.Locator("[data-testid=toggle-red_line]").CheckAsync();
        await tile;
        await viewer.SettledAsync();
        Assert.Contains("red_line", await HashLayersAsync(viewer));
        await viewer.Page.Locator("[data-testid=toggle-eco_space]").CheckAsync();
        await viewer.SettledAsync();
        await viewer.ScreenshotAsync("layers");

        await viewer.Page.Locator("[data-testid=toggle-red_line]").UncheckAsync();
        Assert.DoesNotContain("red_line", await HashLayersAsync(viewer));
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Identify_on_a_control_unit_shows_its_code_type_and_four_access_list_dimensions()
    {
        var unit = ZonePoint.Deepest(Zones, "control_unit", "ZHGKDYFL = 2");
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(unit.Lon, unit.Lat, unit.Zoom, "landuse_2020", "control_unit"));
        var (x, y) = await viewer.MapCentreAsync();
        await viewer.Page.Mouse.ClickAsync(x, y);

        var popup = viewer.Page.Locator("[data-testid=identify-popup]");
        var section = popup.Locator("section.zone[data-layer=control_unit]");
        await section.WaitForAsync();
        await popup.Locator("[data-testid=raster-values]").WaitForAsync();
        var text = await section.TextContentAsync();
        Assert.Contains((string)unit.Attributes["HJZHGKDYBM"]!, text);
        Assert.Contains("2 重点管控", text);
        foreach (var (field, heading) in new[] { ("KJBJYS", "空间布局约束"), ("PWWPFGK", "污染物排放管控"), ("HJFXFK", "环境风险防控"), ("ZYKFXLYQ", "资源开发效率要求") })
        {
            var dim = section.Locator($"[data-field={field}]");
            Assert.Contains(heading, await dim.Locator("h5").TextContentAsync());
            Assert.Equal((string)unit.Attributes[field]!, await dim.Locator("p").TextContentAsync());
        }

        await viewer.ScreenshotAsync("identify");
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Drawing_a_footprint_inside_a_red_line_shows_the_verdict_the_api_gives_and_lists_that_zone()
    {
        var red = ZonePoint.Deepest(Zones, "red_line", minPixels: 120);
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(red.Lon, red.Lat, red.Zoom, "landuse_2020", "red_line", "control_unit"));
        await viewer.Page.Locator("[data-testid=industry]").FillAsync("C2511");
        await viewer.Page.Locator("[data-testid=draw-footprint]").ClickAsync();
        var request = viewer.Page.WaitForRequestAsync(r => r.Url.Contains("/api/screen"));
        var (x, y) = await viewer.MapCentreAsync();
        foreach (var (dx, dy) in new[] { (-60, -50), (60, -50), (60, 50), (-60, 50), (-60, -50) })
        {
            await viewer.Page.Mouse.ClickAsync(x + dx, y + dy);
            await viewer.Page.WaitForTimeoutAsync(350);
        }

        var posted = await request;
        var verdict = viewer.Page.Locator("[data-testid=verdict]");
        await verdict.WaitForAsync(new() { Timeout = 60_000 });
        await viewer.SettledAsync();
        await viewer.ScreenshotAsync("screen");

        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var direct = await http.PostAsync(posted.Url[fixture.BaseUrl.Length..], new StringContent(posted.PostData!, System.Text.Encoding.UTF8, "application/geo+json"));
        var expected = await direct.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.GetProperty("verdict").GetString(), await verdict.GetAttributeAsync("data-verdict"));
        Assert.Equal("prohibit", expected.GetProperty("verdict").GetString());
        Assert.Contains((string)red.Attributes["code"]!, await viewer.Page.Locator("[data-testid=screen-result]").TextContentAsync());
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Drawing_an_area_shows_the_stocks_change_and_transitions_the_api_gives()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.8, 32.5, 11, "landuse_2020"));
        await viewer.Page.Locator("[data-testid=draw-carbon]").ClickAsync();
        var request = viewer.Page.WaitForRequestAsync(r => r.Url.Contains("/api/carbon"));
        var (x, y) = await viewer.MapCentreAsync();
        foreach (var (dx, dy) in new[] { (-80, -60), (80, -60), (80, 60), (-80, 60), (-80, -60) })
        {
            await viewer.Page.Mouse.ClickAsync(x + dx, y + dy);
            await viewer.Page.WaitForTimeoutAsync(350);
        }

        var posted = await request;
        var chart = viewer.Page.Locator("[data-testid=transition-chart]");
        await chart.WaitForAsync(new() { Timeout = 60_000 });
        await viewer.ScreenshotAsync("carbon");

        // The footprint went out in CGCS2000 lon/lat around the view's centre, not in map metres.
        var ring = JsonDocument.Parse(posted.PostData!).RootElement.GetProperty("geometry").GetProperty("coordinates")[0];
        foreach (var c in ring.EnumerateArray())
        {
            Assert.InRange(c[0].GetDouble(), 119.6, 120.0);
            Assert.InRange(c[1].GetDouble(), 32.3, 32.7);
        }

        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var direct = await http.PostAsync("api/carbon", new StringContent(posted.PostData!, System.Text.Encoding.UTF8, "application/geo+json"));
        var expected = await direct.Content.ReadFromJsonAsync<JsonElement>();
        var transitions = expected.GetProperty("transitions").GetArrayLength();
        Assert.Equal(transitions, await chart.Locator("rect[fill^=rgba]").CountAsync());
        var change = expected.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("from").GetInt32() == 2000 && c.GetProperty("to").GetInt32() == 2020);
        var shown = (await viewer.Page.Locator("[data-testid=carbon-change]").TextContentAsync())!;
        Assert.Equal(Math.Round(change.GetProperty("change_mg_c").GetDouble(), 1).ToString("#,##0.#", System.Globalization.CultureInfo.InvariantCulture) + " Mg C", shown);
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task Swipe_shows_the_earlier_year_left_of_the_line_and_the_later_year_right_of_it()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.4, 32.9, 8, "landuse_2020"));
        var page = viewer.Page;
        await page.Locator("[data-testid=year-slider]").FillAsync("0");
        Assert.Equal("2000", await page.Locator("[data-testid=year-output]").TextContentAsync());
        Assert.Contains("landuse_2000", await HashLayersAsync(viewer));

        await page.Locator("[data-testid=swipe-toggle]").CheckAsync();
        async Task<SKBitmap> At(int position)
        {
            await page.Locator("[data-testid=swipe-position]").FillAsync(position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await viewer.SettledAsync();
            return SKBitmap.Decode(await viewer.Map.ScreenshotAsync());
        }

        using var all2000 = await At(100);
        using var all2020 = await At(0);
        using var half = await At(50);
        await viewer.ScreenshotAsync("swipe");

        var w = half.Width;
        // Left of the line the half view is 2000's picture, right of it 2020's; the two years differ on both sides.
        Assert.Equal(0, DifferentPixels(half, all2000, 0, w / 2 - 6));
        Assert.Equal(0, DifferentPixels(half, all2020, w / 2 + 6, w));
        Assert.True(DifferentPixels(all2000, all2020, 0, w / 2 - 6) > 100, "2000 and 2020 look the same on the left");
        Assert.True(DifferentPixels(all2000, all2020, w / 2 + 6, w) > 100, "2000 and 2020 look the same on the right");
        Assert.Empty(viewer.Errors);
    }

    [RequiresToolFact(ViewerFixture.Chromium)]
    public async Task The_language_switch_turns_labels_to_english_and_back()
    {
        await using var viewer = await ViewerPage.OpenAsync(fixture, ViewerPage.Hash(119.4, 32.9, 7, "landuse_2020", "red_line", "control_unit"));
        var page = viewer.Page;
        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Equal("Ecological protection red line", await page.Locator("[data-layer-name=red_line]").TextContentAsync());
        Assert.Equal("Environmental control units", await page.Locator("[data-layer-name=control_unit]").TextContentAsync());
        Assert.Equal(["Zoning control", "Ecology", "Land use", "Carbon"], await page.Locator(".layer-group > legend").AllTextContentsAsync());
        Assert.Equal("中文", await page.Locator("[data-testid=lang-switch]").TextContentAsync());
        Assert.Contains("lang=en", page.Url);
        await viewer.ScreenshotAsync("english");

        await page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Equal("生态保护红线", await page.Locator("[data-layer-name=red_line]").TextContentAsync());
        Assert.DoesNotContain("lang=en", page.Url);
        Assert.Empty(viewer.Errors);
    }

    private static async Task<string[]> HashLayersAsync(ViewerPage viewer)
    {
        var hash = await viewer.Page.EvaluateAsync<string>("() => window.location.hash");
        var layers = hash.TrimStart('#').Split('&').FirstOrDefault(p => p.StartsWith("layers=", StringComparison.Ordinal));
        return layers is null ? [] : layers["layers=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool NonBlank(byte[] png)
    {
        using var bmp = SKBitmap.Decode(png);
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bmp.Height; y += 7)
            for (var x = 0; x < bmp.Width; x += 7)
                colours.Add(bmp.GetPixel(x, y));
        return colours.Count > 20;
    }

    /// <summary>Pixels of columns [x0, x1) whose colours differ by more than a few levels in any channel.</summary>
    private static int DifferentPixels(SKBitmap a, SKBitmap b, int x0, int x1)
    {
        var n = 0;
        for (var y = 0; y < a.Height; y++)
            for (var x = x0; x < x1; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                if (Math.Abs(p.Red - q.Red) > 3 || Math.Abs(p.Green - q.Green) > 3 || Math.Abs(p.Blue - q.Blue) > 3) n++;
            }

        return n;
    }
}
