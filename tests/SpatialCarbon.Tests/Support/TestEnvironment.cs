namespace SpatialCarbon.Tests.Support;

/// <summary>Where the test run stands: paths to shared data, and whether skips of native-dependency tests become
/// failures (CI sets SPATIALCARBON_REQUIRE_ALL=1 so that nothing is skipped there).</summary>
public static class TestEnvironment
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("SPATIALCARBON_REQUIRE_ALL") == "1";

    /// <summary>The repository root (the folder holding SpatialCarbon.sln).</summary>
    public static string RepoRoot { get; } = SpatialCarbon.Core.Demo.DemoWorkspace.FindRepositoryRoot()
        ?? throw new InvalidOperationException("SpatialCarbon.sln not found above " + AppContext.BaseDirectory);

    /// <summary>../shared/data beside the repository.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>A fresh temporary folder for one test.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "spatialcarbon-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
