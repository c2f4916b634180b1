using SpatialCarbon.Cli;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>Runs the CLI in-process and checks the bad-input contract: exit 2, exactly one stderr line.</summary>
internal static class CliHarness
{
    public static (int Code, string Out, string[] ErrLines) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Exit 2 with one stderr line, free of .NET type names, that contains each of <paramref name="expected"/>.</summary>
    public static string AssertBadInput(string[] args, params string[] expected)
    {
        var (code, _, err) = Run(args);
        Assert.True(code == 2, $"exit {code}: {string.Join(" | ", err)}");
        var line = Assert.Single(err);
        foreach (var e in expected) Assert.Contains(e, line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain(".tmp", line);
        return line;
    }
}
