using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Demo;

/// <summary>One reduced-size demo workspace (600 m cells, 1/400 of the full cell count) built once for all demo
/// tests; the full-scale build is measured outside the test suite.</summary>
public sealed class DemoWorkspaceFixture
{
    public const int Scale = 20;

    public DemoWorkspaceFixture()
    {
        Workspace = Build("demo-a");
    }

    public DemoWorkspace Workspace { get; }

    public DemoManifest Manifest => Workspace.ReadManifest()!;

    /// <summary>Builds a fresh workspace of the test scale in a new temporary folder.</summary>
    public static DemoWorkspace Build(string name)
    {
        var workspace = DemoWorkspace.ForRepository(TestEnvironment.RepoRoot, TestEnvironment.TempDir(name), Scale);
        DemoBuilder.Build(workspace, TextWriter.Null);
        return workspace;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoWorkspaceFixture>
{
    public const string Name = "demo workspace";
}
