namespace SpatialCarbon.Tests.Support;

/// <summary>A fact that needs a native tool (GDAL's command-line programs, libgdal, chromium, PostgreSQL): skipped with
/// a loud reason when the tool is missing, and run anyway (so it fails) when SPATIALCARBON_REQUIRE_ALL=1.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        if (!TestEnvironment.RequireAll && tools.FirstOrDefault(t => !NativeTools.IsAvailable(t)) is { } tool)
            Skip = $"SKIPPED LOUDLY: '{tool}' is not installed here ({NativeTools.InstallHint(tool)}); CI installs it and sets SPATIALCARBON_REQUIRE_ALL=1";
    }
}

/// <summary>The theory counterpart of <see cref="RequiresToolFactAttribute"/>.</summary>
public sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(params string[] tools)
    {
        if (!TestEnvironment.RequireAll && tools.FirstOrDefault(t => !NativeTools.IsAvailable(t)) is { } tool)
            Skip = $"SKIPPED LOUDLY: '{tool}' is not installed here ({NativeTools.InstallHint(tool)}); CI installs it and sets SPATIALCARBON_REQUIRE_ALL=1";
    }
}

/// <summary>Finds native programs and libraries the integration tests use.</summary>
public static class NativeTools
{
    public const string GdalCli = "gdal-bin";
    public const string LibGdal = "libgdal32";
    public const string PostGis = "postgresql-15-postgis-3";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Probed = new();

    /// <summary>Whether the tool really works here: the library loads, the program runs (a file that merely exists
    /// is not enough, so a machine with GDAL masked out is told apart from one that has it).</summary>
    public static bool IsAvailable(string tool) => Probed.GetOrAdd(tool, t => t switch
    {
        GdalCli => Runs("gdalinfo", "--version") && Runs("ogrinfo", "--version") && OnPath("gdal_translate") && OnPath("ogr2ogr"),
        LibGdal => LibraryLoads("libgdal.so.32"),
        PostGis => PostGisCluster.FindBinaries() is not null,
        _ => OnPath(t),
    });

    private static bool LibraryLoads(string name)
    {
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(name, out var handle)) return false;
        System.Runtime.InteropServices.NativeLibrary.Free(handle);
        return true;
    }

    private static bool Runs(string program, params string[] args)
    {
        if (!OnPath(program)) return false;
        try
        {
            Run(program, args);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static string InstallHint(string tool) => tool switch
    {
        GdalCli => "apt-get install gdal-bin",
        LibGdal => "apt-get install libgdal32",
        PostGis => "apt-get install postgresql-15-postgis-3",
        _ => $"install {tool}",
    };

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>Runs a program to completion and returns its standard output; throws with stderr on failure.</summary>
    public static string Run(string program, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
