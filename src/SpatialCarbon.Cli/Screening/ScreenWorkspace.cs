using SpatialCarbon.Core;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Demo;
using SpatialCarbon.Storage;

namespace SpatialCarbon.Cli.Screening;

/// <summary>Finds and loads what <c>screen</c> reads: the workspace (a folder, a GeoPackage or a postgresql:// URI;
/// default: the repository's demo, built the way the demo command builds it when missing or stale), the rules
/// (<see cref="WorkspaceRules"/>) and the pool table.</summary>
internal static class ScreenWorkspace
{
    /// <summary>Loads the context; with <paramref name="withRules"/> false no rules are looked for (a job that judges no
    /// project must not fail for want of a rules file).</summary>
    public static ScreenContext Load(string? workspace, string? rules, string? fieldMapping, TextWriter stderr, bool withRules = true)
    {
        var root = DemoWorkspace.FindRepositoryRoot();
        if (workspace is null)
        {
            if (root is null) throw new InputException("--workspace", null, "no workspace given and no repository (SpatialCarbon.sln) found for the demo workspace");
            var demo = DemoWorkspace.ForRepository(root);
            if (!demo.IsCurrent())
            {
                stderr.WriteLine($"screen: building the demo workspace in {demo.Folder} (about a minute)");
                DemoBuilder.Build(demo, stderr);
            }

            workspace = demo.Folder;
        }

        var repository = root is null ? null : DemoWorkspace.ForRepository(root);
        var pools = repository is not null && File.Exists(repository.PoolTable) ? repository.PoolTable : null;
        var mapping = fieldMapping is null ? null : Core.Zoning.FieldMapping.Read(fieldMapping);
        using var store = WorkspaceStore.OpenForReading(workspace);
        var ruleSet = withRules ? WorkspaceRules.Read(store, rules, repository?.RulesFile) : RuleSet.None;
        return WorkspaceScreenContext.Load(store, ruleSet, pools, mapping);
    }
}
