namespace SpatialCarbon.Tests.Support;

/// <summary>The CLI's contract for bad input: exit code 2 and exactly one stderr line, no stack trace.</summary>
public static class CliAssert
{
    /// <summary>Asserts exit code 2 and a single stderr line "spatialcarbon: ..." containing <paramref name="fragment"/>;
    /// returns that line.</summary>
    public static string FailsWithOneLine(int code, string stderr, string fragment = "")
    {
        Assert.True(code == 2, $"exit code {code}, stderr: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("spatialcarbon: ", line, StringComparison.Ordinal);
        Assert.Contains(fragment, line, StringComparison.Ordinal);
        return line;
    }
}
