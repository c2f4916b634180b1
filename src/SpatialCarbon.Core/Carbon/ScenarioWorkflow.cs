using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Runs <c>carbon scenario</c>: check the inputs, measure each intervention's eligible land, refuse shares that
/// together exceed the land, project year by year with Monte Carlo draws, write the files. The caller renders the
/// report from the returned <see cref="ScenarioRun"/>.</summary>
public static class ScenarioWorkflow
{
    public static ScenarioRun Run(ScenarioRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null)
    {
        var inputs = ScenarioInputs.Validate(q);
        using var lulc = open(q.Lulc);
        var options = new CarbonRunOptions(q.Threads, AreaMethod: q.AreaMethod);
        var land = ScenarioEligibility.Measure(inputs.Scenario, q.ScenarioPath, lulc, inputs.Pools, options, readZones, q.ZoneSource);
        InterventionOverlap.Ensure(land, q.ScenarioPath, lulc, inputs.Pools, options);
        foreach (var l in land)
            log?.WriteLine($"{l.Intervention.Name}: eligible {string.Join(", ", l.Area_ha.Select(a => $"class {a.Key} {a.Value:F1} ha"))}");
        var projection = ScenarioProjection.Project(inputs.Scenario, [.. land.Select(l => l.Area_ha)], inputs.Pools, q.Iterations, q.Seed);
        var run = new ScenarioRun(q, inputs, land, projection);
        Directory.CreateDirectory(q.OutDir);
        ScenarioOutputs.Write(q.OutDir, run);
        return run;
    }
}
