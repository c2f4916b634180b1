using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using SpatialCarbon.Server;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Tests.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>The real server, in process on a free loopback port, over a reduced-scale demo workspace, serving the
/// built viewer; and Debian's chromium driven by Playwright. Nothing starts when chromium is missing (the tests then
/// skip loudly, or fail under SPATIALCARBON_REQUIRE_ALL=1).</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    public const string Chromium = "chromium";
    private const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private ServedWorkspace? _workspace;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public string WorkspaceFolder { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output (and docs/img with SPATIALCARBON_UPDATE_SCREENSHOTS=1).</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "viewer-screenshots");

    public async Task InitializeAsync()
    {
        if (!TestEnvironment.RequireAll && !NativeTools.IsAvailable(Chromium)) return;
        var viewer = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(viewer, "index.html")))
            throw new InvalidOperationException($"{viewer}/index.html is missing: the Server build did not build the viewer (is Node.js installed?)");
        if (File.Exists(Path.Combine(viewer, ".needs-node")) || !File.ReadAllText(Path.Combine(viewer, "index.html")).Contains("assets/", StringComparison.Ordinal))
            throw new InvalidOperationException($"{viewer}/index.html is the placeholder page: the viewer was built without Node.js");

        var demo = DemoWorkspaceFixture.Build("viewer");
        WorkspaceFolder = demo.Folder;
        _workspace = ServedWorkspace.Open(demo.Folder, demo.PoolTable);
        var port = FreePort();
        var options = new ServerOptions { Workspace = demo.Folder, PoolTable = demo.PoolTable, Port = port, ViewerFolder = viewer };
        _app = ServerApp.Build(options, _workspace);
        await _app.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}/";

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _workspace?.Dispose();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
