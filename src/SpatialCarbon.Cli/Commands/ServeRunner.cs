using Microsoft.Extensions.Hosting;
using SpatialCarbon.Core;
using SpatialCarbon.Demo;
using SpatialCarbon.Server;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Storage.PostGis;

namespace SpatialCarbon.Cli.Commands;

/// <summary>Shared by <c>serve</c> and <c>demo</c>: where a workspace's pool table, seeded archives and viewer are,
/// and running the service until Ctrl+C.</summary>
internal static class ServeRunner
{
    /// <summary>Options for a workspace (a folder, a GeoPackage or a postgresql:// URI): the pool table in the folder
    /// (carbon_pools.csv) or the repository's illustrative CLCD table; archives in the repository's tiles/; the viewer
    /// built into the server's wwwroot; the 天地图 key and 审图号 line from SPATIALCARBON_TIANDITU_KEY and
    /// SPATIALCARBON_MAP_APPROVAL.</summary>
    public static ServerOptions Options(string workspace, string host, int port, string? pools = null)
    {
        if (port is < 1 or > 65535) throw new InputException("--port", null, $"must be between 1 and 65535, got {port}");
        var root = DemoWorkspace.FindRepositoryRoot();
        var isUri = PostGisLocation.IsUri(workspace);
        var folder = isUri ? null : Directory.Exists(workspace) ? workspace : Path.GetDirectoryName(Path.GetFullPath(workspace));
        var local = folder is null ? null : Path.Combine(folder, "carbon_pools.csv");
        var table = pools ?? (File.Exists(local) ? local
            : root is not null ? DemoWorkspace.ForRepository(root).PoolTable
            : throw new InputException("--pools", null, "no pool table given and no repository data/carbon to take one from"));
        string[] viewers = [.. root is null ? [] : new[] { Path.Combine(root, "src", "SpatialCarbon.Server", "wwwroot") }, Path.Combine(AppContext.BaseDirectory, "wwwroot")];
        return new ServerOptions
        {
            Workspace = isUri ? workspace : Path.GetFullPath(workspace),
            PoolTable = table,
            Host = host,
            Port = port,
            TilesFolder = root is not null ? Path.Combine(root, "tiles") : folder is null ? null : Path.Combine(folder, "tiles"),
            ViewerFolder = viewers.FirstOrDefault(v => File.Exists(Path.Combine(v, "index.html"))),
            TiandituKey = Setting("SPATIALCARBON_TIANDITU_KEY"),
            MapApproval = Setting("SPATIALCARBON_MAP_APPROVAL"),
        };
    }

    private static string? Setting(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v.Trim() : null;

    /// <summary>Loads the workspace and serves it until the process is stopped.</summary>
    public static int Serve(ServerOptions options, TextWriter output)
    {
        using var workspace = ServedWorkspace.Open(options.Workspace, options.PoolTable, options.TilesFolder);
        var app = ServerApp.Build(options, workspace);
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            throw new InputException($"{options.Host}:{options.Port}", null, $"cannot listen there ({e.Message}); choose another --port");
        }

        output.WriteLine($"Serving {workspace.Locator} ({workspace.Sources.Count} tile sources)");
        output.WriteLine($"Open {options.Url} in a browser (API reference {options.Url}docs); Ctrl+C stops.");
        output.Flush();
        app.WaitForShutdown();
        return CliRunner.Ok;
    }
}
