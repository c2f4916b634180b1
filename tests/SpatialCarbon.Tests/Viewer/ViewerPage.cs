using System.Globalization;
using Microsoft.Playwright;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>One browser page on the viewer: console errors and failed requests collected, helpers to open a view and
/// keep screenshots (test output; docs/img too with SPATIALCARBON_UPDATE_SCREENSHOTS=1).</summary>
public sealed class ViewerPage : IAsyncDisposable
{
    private readonly ViewerFixture _fixture;

    private ViewerPage(ViewerFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Type == "error") Errors.Add($"console: {m.Text} ({m.Location})");
        };
        page.PageError += (_, e) => Errors.Add($"page error: {e}");
        page.RequestFailed += (_, r) => Errors.Add($"request failed: {r.Url} {r.Failure}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public ILocator Map => Page.Locator("#map");

    /// <summary>Opens the viewer at a view hash; <paramref name="setup"/> runs on the browser context before the page
    /// loads (to route requests).</summary>
    public static async Task<ViewerPage> OpenAsync(ViewerFixture fixture, string hash = "", Func<IBrowserContext, Task>? setup = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 860 },
            Locale = "zh-CN",
        });
        if (setup is not null) await setup(context);
        var page = await context.NewPageAsync();
        var viewer = new ViewerPage(fixture, context, page);
        await page.GotoAsync(fixture.BaseUrl + hash);
        await viewer.SettledAsync();
        return viewer;
    }

    /// <summary>A view hash: zoom, CGCS2000 lon/lat of the centre, visible layers.</summary>
    public static string Hash(double lon, double lat, double zoom, params string[] layers) =>
        string.Create(CultureInfo.InvariantCulture, $"#map={zoom}/{lon:F6}/{lat:F6}&layers={string.Join(',', layers)}");

    /// <summary>Waits until the page reported ready and the map finished rendering every visible tile.</summary>
    public async Task SettledAsync()
    {
        await Page.WaitForSelectorAsync("body[data-state=ready]", new() { Timeout = 60_000 });
        await Page.EvaluateAsync("""
            () => new Promise(resolve => {
              const map = window.spatialcarbon.map;
              map.once('rendercomplete', () => resolve(true));
              map.render();
            })
            """);
    }

    public async Task<(float X, float Y)> MapCentreAsync()
    {
        var box = (await Map.BoundingBoxAsync())!;
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    /// <summary>Saves a screenshot of the page as viewer-NAME.png under the test output, and under docs/img when
    /// SPATIALCARBON_UPDATE_SCREENSHOTS=1 (a plain test run must not rewrite tracked files).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var file = Path.Combine(_fixture.ScreenshotFolder, $"viewer-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        if (Environment.GetEnvironmentVariable("SPATIALCARBON_UPDATE_SCREENSHOTS") != "1") return file;
        var docs = Path.Combine(TestEnvironment.RepoRoot, "docs", "img");
        Directory.CreateDirectory(docs);
        File.Copy(file, Path.Combine(docs, $"viewer-{name}.png"), overwrite: true);
        return file;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
