using SpatialCarbon.Core;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;
using SpatialCarbon.Demo;

namespace SpatialCarbon.Cli.Screening;

/// <summary>Finds and loads what <c>screen</c> reads: the workspace (default: the repository's demo, built the way the
/// demo command builds it when missing or stale), the rules file (default: the demo rules) and the pool table.</summary>
internal static class ScreenWorkspace
{
    public static ScreenContext Load(string? workspace, string? rules, string? fieldMapping, TextWriter stderr)
    {
        var root = DemoWorkspace.FindRepositoryRoot();
        string folder;
        string? zonesFile = null;
        if (workspace is null)
        {
            if (root is null) throw new InputException("--workspace", null, "no workspace given and no repository (SpatialCarbon.sln) found for the demo workspace");
            var demo = DemoWorkspace.ForRepository(root);
            if (!demo.IsCurrent())
            {
                stderr.WriteLine($"screen: building the demo workspace in {demo.Folder} (about a minute)");
                DemoBuilder.Build(demo, stderr);
            }

            folder = demo.Folder;
        }
        else if (File.Exists(workspace) && workspace.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            zonesFile = workspace;
            folder = Path.GetDirectoryName(Path.GetFullPath(workspace)) ?? ".";
        }
        else if (Directory.Exists(workspace)) folder = workspace;
        else throw new InputException(workspace, null, "workspace not found (a folder with zones.gpkg and landuse_YYYY.tif, or a zones GeoPackage)");

        var dataFolder = root is null ? null : Path.Combine(root, "data");
        var rulesPath = rules ?? (dataFolder is null ? throw new InputException("--rules", null, "no rules file given and no repository to take the demo rules from")
            : Path.Combine(dataFolder, "rules", "jiangsu-demo-rules.json"));
        var pools = dataFolder is null ? null : Path.Combine(dataFolder, "carbon", "clcd_pools_illustrative.csv");
        if (pools is not null && !File.Exists(pools)) pools = null;
        var mapping = fieldMapping is null ? null : FieldMapping.Read(fieldMapping);
        return ScreenContextLoader.FromFolder(folder, rulesPath, pools, mapping, zonesFile);
    }
}
