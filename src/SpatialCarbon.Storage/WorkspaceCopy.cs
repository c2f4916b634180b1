namespace SpatialCarbon.Storage;

/// <summary>Copies everything one workspace holds into another (GeoPackage to PostGIS and back): every layer (replacing
/// layers of the same name), the raster catalogue, class schemes and pool tables, and the rules documents and runs the
/// destination lacks, in order. Raster paths are rewritten so that they still name the same files from the
/// destination.</summary>
public static class WorkspaceCopy
{
    /// <summary>What a copy moved.</summary>
    public sealed record Summary(int Layers, long Features, int Rasters, int Rules, int Runs);

    public static Summary Copy(IWorkspaceStore from, IWorkspaceStore to, Action<string>? progress = null)
    {
        long features = 0;
        var layers = from.LayerNames;
        foreach (var name in layers)
        {
            var layer = from.ReadLayer(name);
            to.WriteLayer(layer, from.DescribeLayer(name).Changed_utc);
            features += layer.Features.Count;
            progress?.Invoke($"{name}: {layer.Features.Count} features");
        }

        var rasters = from.Rasters;
        foreach (var raster in rasters) to.PutRaster(raster with { Path = WorkspaceRasters.PathFor(from, raster, to) });
        foreach (var name in from.ClassSchemeNames) to.WriteClassScheme(from.ReadClassScheme(name)!);
        foreach (var name in from.PoolTableNames) to.WritePoolTable(from.ReadPoolTable(name)!);

        var rules = to.RulesHistory.ToHashSet();
        var newRules = from.RulesHistory.Where(r => !rules.Contains(r)).ToArray();
        foreach (var r in newRules) to.WriteRules(r);

        var runs = to.Runs.Select(Key).ToHashSet();
        var newRuns = from.Runs.Where(r => !runs.Contains(Key(r))).ToArray();
        foreach (var run in newRuns) to.AppendRun(run);
        return new Summary(layers.Count, features, rasters.Count, newRules.Length, newRuns.Length);
    }

    private static string Key(RunRecord run) =>
        $"{run.Command}\n{WorkspaceMetadata.Iso(run.Time_utc)}\n{string.Join('\n', run.Outputs)}\n{string.Join('\n', run.InputHashes.OrderBy(p => p.Key, StringComparer.Ordinal))}";
}
