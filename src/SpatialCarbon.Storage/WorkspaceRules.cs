using SpatialCarbon.Core;
using SpatialCarbon.Core.Screening;

namespace SpatialCarbon.Storage;

/// <summary>Which rules a screen of a workspace applies, for the CLI and the service alike: the file given, else the
/// newest rules document stored in the workspace, else a rules.json beside a GeoPackage workspace, else the
/// repository's demo rules.</summary>
public static class WorkspaceRules
{
    /// <summary>The file a GeoPackage workspace's folder may hold its rules in.</summary>
    public const string FolderRulesFile = "rules.json";

    /// <exception cref="InputException">No rules anywhere, or the rules chosen are malformed.</exception>
    public static RuleSet Read(IWorkspaceStore store, string? rulesFile, string? defaultRulesFile)
    {
        if (rulesFile is not null) return RuleSetReader.Read(rulesFile);
        if (store.ReadRules() is { } stored)
            return RuleSetReader.Parse(System.Text.Encoding.UTF8.GetBytes(stored.Json), $"{store.Locator} (rules {stored.Version})");
        if (store is GeoPackage.GeoPackageWorkspace && Path.Combine(store.RasterRoot, FolderRulesFile) is var beside && File.Exists(beside))
            return RuleSetReader.Read(beside);
        if (defaultRulesFile is not null) return RuleSetReader.Read(defaultRulesFile);
        throw new InputException("--rules", null, $"no rules file given, none stored in {store.Locator}, and no repository to take the demo rules from");
    }
}
