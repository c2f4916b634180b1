using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using SpatialCarbon.Core.Demo;
using SpatialCarbon.Server;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Tests.Demo;

namespace SpatialCarbon.Tests.Server;

/// <summary>The service over a reduced-scale demo workspace, in process (ASP.NET Core TestServer): the same
/// <see cref="ServerApp.Build"/> that <c>serve</c> runs, with <c>b.WebHost.UseTestServer()</c>.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public DemoWorkspace Demo { get; } = DemoWorkspaceFixture.Build("server");

    public ServedWorkspace Workspace { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new ServerOptions { Workspace = Demo.Folder, PoolTable = Demo.PoolTable, TileCacheBytes = 8 << 20, MaxUploadBytes = 1 << 20 };
        Workspace = ServedWorkspace.Open(options.Workspace, options.PoolTable);
        App = ServerApp.Build(options, Workspace, b => b.WebHost.UseTestServer());
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Workspace.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
