using SpatialCarbon.Core.IO;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Runs <c>carbon stock|change</c> end to end as four steps: check the inputs and the output folder before
/// anything is written, open the rasters on one grid, compute, write the files. The files are built in a staging folder
/// swapped in whole (<see cref="AtomicFolder"/>), so the output folder always holds one run's complete set. The report
/// is presentation: the caller renders it from the <see cref="CarbonResult"/> into the staging folder (<paramref name="present"/>).</summary>
public static class CarbonWorkflow
{
    /// <param name="progress">Reports the fraction done of the main block-wise pass (the long part).</param>
    /// <param name="present">Writes presentation files (the report) into the folder given, before it is swapped in.</param>
    public static CarbonResult Run(CarbonRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null, IProgress<double>? progress = null,
        Action<CarbonResult, string>? present = null)
    {
        OutputGuard.CheckFolder(q.OutDir, [q.Baseline, q.Alternate, q.Pools, q.Zones, q.ForestType, q.StandAge, q.GrowthTable],
            CarbonOutputNames.IsOutput);
        var inputs = CarbonInputs.Validate(q);
        using var rasters = GridAlignment.Open(q, open, log);
        var zones = q.Zones is null ? null : CarbonZones.Load(q.Zones, q.ZoneLayer, q.IdField, rasters.Grid.Crs, read: readZones);
        if (zones is { Report.Any: true }) log?.WriteLine($"{q.Zones}: {zones.Report}");
        foreach (var w in zones?.Report.Warnings ?? []) log?.WriteLine($"{q.Zones}: warning: {w}");
        return AtomicFolder.Write(q.OutDir, staging =>
        {
            using var outputs = CarbonOutputs.Create(staging, rasters.Grid, q.WriteMaps, isChange: q.Alternate is not null);
            var result = CarbonAnalysis.Compute(q, inputs, rasters, zones, outputs.Maps,
                new CarbonRunOptions(q.Threads, Progress: progress, AreaMethod: q.AreaMethod), log);
            outputs.Write(result);
            present?.Invoke(result, staging);
            return result;
        });
    }
}
