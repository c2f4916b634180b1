using System.Reflection;
using SpatialCarbon.Storage;
using SpatialCarbon.Tests.Support;
using Xunit.Sdk;

namespace SpatialCarbon.Tests.Storage;

/// <summary>The two workspace homes a storage test runs on.</summary>
public static class Backend
{
    public const string GeoPackage = "geopackage";
    public const string PostGis = "postgis";
}

/// <summary>Feeds a storage theory the GeoPackage backend.</summary>
public sealed class GeoPackageBackendAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.GeoPackage]];
}

/// <summary>Feeds a storage theory the PostGIS backend; skipped loudly when PostgreSQL/PostGIS is not installed (a
/// failure instead under SPATIALCARBON_REQUIRE_ALL=1).</summary>
public sealed class PostGisBackendAttribute : DataAttribute
{
    public PostGisBackendAttribute()
    {
        if (!TestEnvironment.RequireAll && !NativeTools.IsAvailable(NativeTools.PostGis))
            Skip = $"SKIPPED LOUDLY: PostgreSQL/PostGIS is not installed here ({NativeTools.InstallHint(NativeTools.PostGis)}); CI installs it and sets SPATIALCARBON_REQUIRE_ALL=1";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.PostGis]];
}

/// <summary>One throwaway PostGIS cluster for every storage test (started on first use, stopped at the end), and fresh
/// empty workspaces on either backend: a new GeoPackage file, or a new schema.</summary>
public sealed class StorageFixture : IDisposable
{
    private readonly Lazy<PostGisCluster> _cluster = new(PostGisCluster.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SpatialCarbon.Demo.DemoWorkspace> _demo = new(() => SpatialCarbon.Tests.Demo.DemoWorkspaceFixture.Build("storage-demo"), LazyThreadSafetyMode.ExecutionAndPublication);

    public PostGisCluster Cluster => _cluster.Value;

    /// <summary>A reduced-scale demo workspace, built once on first use; tests copy its zones.gpkg before opening it.</summary>
    public SpatialCarbon.Demo.DemoWorkspace Demo => _demo.Value;

    /// <summary>A private copy of the demo folder's zones.gpkg and rasters, so that opening it as a workspace (which
    /// adds tables and switches to WAL) leaves the shared demo untouched.</summary>
    public string DemoCopy(string name)
    {
        var dir = TestEnvironment.TempDir(name);
        foreach (var file in Demo.DataFiles) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    /// <summary>The locator of a new, empty workspace on <paramref name="backend"/>.</summary>
    public string NewLocator(string backend, string name) => backend switch
    {
        Backend.GeoPackage => Path.Combine(TestEnvironment.TempDir(name), "workspace.gpkg"),
        Backend.PostGis => Cluster.Uri($"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 60)]),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    public IWorkspaceStore Create(string backend, string name) => WorkspaceStore.Open(NewLocator(backend, name), create: true);

    public void Dispose()
    {
        if (_cluster.IsValueCreated) _cluster.Value.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "storage backends";
}
