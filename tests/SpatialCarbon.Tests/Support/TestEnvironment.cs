namespace SpatialCarbon.Tests.Support;

/// <summary>Where the test run stands: paths to committed data, and whether skips of native-dependency tests become
/// failures (CI sets SPATIALCARBON_REQUIRE_ALL=1 so that nothing is skipped there).</summary>
public static class TestEnvironment
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("SPATIALCARBON_REQUIRE_ALL") == "1";

    /// <summary>The repository root (the folder holding SpatialCarbon.sln).</summary>
    public static string RepoRoot { get; } = SpatialCarbon.Demo.DemoWorkspace.FindRepositoryRoot()
        ?? throw new InvalidOperationException("SpatialCarbon.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The real Jiangsu geodata committed under data/jiangsu (licences in its README).</summary>
    public static string JiangsuData => Path.Combine(RepoRoot, "data", "jiangsu");

    /// <summary>A file under tests/SpatialCarbon.Tests/Fixtures, read from the source tree.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([RepoRoot, "tests", "SpatialCarbon.Tests", "Fixtures", .. parts]);

    /// <summary>A fresh temporary folder for one test.</summary>
    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "spatialcarbon-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
