using SpatialCarbon.Core.IO;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Runs <c>carbon scenario</c>: check the inputs, measure each intervention's eligible land, refuse shares that
/// together exceed the land, project year by year with Monte Carlo draws, write the files into a staging folder swapped in
/// whole (<see cref="AtomicFolder"/>). The caller renders the report from the <see cref="ScenarioRun"/> into that folder
/// (<paramref name="present"/>).</summary>
public static class ScenarioWorkflow
{
    public static ScenarioRun Run(ScenarioRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null, Action<ScenarioRun, string>? present = null)
    {
        OutputGuard.CheckFolder(q.OutDir, [q.Lulc, q.Pools, q.ScenarioPath], CarbonOutputNames.IsOutput);
        var inputs = ScenarioInputs.Validate(q);
        // The zone files the scenario names are inputs too.
        OutputGuard.Check(q.OutDir, inputs.Scenario.Interventions.Select(i => i.Zones));
        using var lulc = CategoricalRaster.Ensure(open(q.Lulc), "land use");
        var options = new CarbonRunOptions(q.Threads, AreaMethod: q.AreaMethod);
        var land = ScenarioEligibility.Measure(inputs.Scenario, q.ScenarioPath, lulc, inputs.Pools, options, readZones, q.ZoneSource);
        InterventionOverlap.Ensure(land, q.ScenarioPath, lulc, inputs.Pools, options);
        foreach (var l in land)
            log?.WriteLine($"{l.Intervention.Name}: eligible {string.Join(", ", l.Area_ha.Select(a => $"class {a.Key} {a.Value:F1} ha"))}");
        var projection = ScenarioProjection.Project(inputs.Scenario, [.. land.Select(l => l.Area_ha)], inputs.Pools, q.Iterations, q.Seed);
        var run = new ScenarioRun(q, inputs, land, projection);
        return AtomicFolder.Write(q.OutDir, staging =>
        {
            ScenarioOutputs.Write(staging, run);
            present?.Invoke(run, staging);
            return run;
        });
    }
}
