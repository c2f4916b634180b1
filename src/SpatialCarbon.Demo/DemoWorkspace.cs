using System.Text.Json;

namespace SpatialCarbon.Demo;

/// <summary>Where the demo workspace and its source data live, which files it holds, and whether a built workspace
/// is current (its manifest records the generator version, seed and scale).</summary>
public sealed record DemoWorkspace(string Folder, string DataFolder, int Scale = 1, uint Seed = DemoWorkspace.DefaultSeed)
{
    /// <summary>Bump whenever the generator's output changes, so that old workspaces are rebuilt.</summary>
    public const int GeneratorVersion = 2;
    public const uint DefaultSeed = 20260101;

    public string LandUse(int year) => Path.Combine(Folder, $"landuse_{year}.tif");

    public string ForestType => Path.Combine(Folder, "forest_type_2020.tif");

    public string ForestAge => Path.Combine(Folder, "forest_age_2020.tif");

    public string Zones => Path.Combine(Folder, "zones.gpkg");

    public string Manifest => Path.Combine(Folder, "manifest.json");

    public string Readme => Path.Combine(Folder, "README.md");

    /// <summary>Every generated data file (rasters and zones).</summary>
    public IReadOnlyList<string> DataFiles => [.. LandUseSynthesizer.Years.Select(LandUse), ForestType, ForestAge, Zones];

    public string JiangsuData => Path.Combine(DataFolder, "jiangsu");

    public string PoolTable => Path.Combine(DataFolder, "carbon", "clcd_pools_illustrative.csv");

    public string RulesFile => Path.Combine(DataFolder, "rules", "jiangsu-demo-rules.json");

    /// <summary>The workspace of a repository: data/demo, built from data/.</summary>
    public static DemoWorkspace ForRepository(string repoRoot, string? folder = null, int scale = 1) =>
        new(Path.GetFullPath(folder ?? Path.Combine(repoRoot, "data", "demo")), Path.Combine(repoRoot, "data"), scale);

    /// <summary>The folder holding SpatialCarbon.sln, searched upward from the current directory and then from the
    /// program's own folder; null when neither is inside a checkout.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SpatialCarbon.sln"))) return dir.FullName;
        }

        return null;
    }

    /// <summary>True when the manifest matches this generator, seed and scale and every data file exists.</summary>
    public bool IsCurrent()
    {
        var manifest = ReadManifest();
        return manifest is not null && manifest.GeneratorVersion == GeneratorVersion && manifest.Seed == Seed
            && manifest.Scale == Scale && DataFiles.All(File.Exists) && File.Exists(Readme);
    }

    public DemoManifest? ReadManifest()
    {
        if (!File.Exists(Manifest)) return null;
        try
        {
            return JsonSerializer.Deserialize<DemoManifest>(File.ReadAllText(Manifest), DemoManifest.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
