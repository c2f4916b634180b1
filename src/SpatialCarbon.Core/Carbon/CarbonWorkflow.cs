using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Runs <c>carbon stock|change</c> end to end as four steps: check the inputs before anything is written, open
/// the rasters on one grid, compute, write the files. The report is presentation: the caller renders it from the
/// returned <see cref="CarbonResult"/> (SpatialCarbon.Reports).</summary>
public static class CarbonWorkflow
{
    /// <param name="progress">Reports the fraction done of the main block-wise pass (the long part).</param>
    public static CarbonResult Run(CarbonRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null, IProgress<double>? progress = null)
    {
        var inputs = CarbonInputs.Validate(q);
        using var rasters = GridAlignment.Open(q, open, log);
        var zones = q.Zones is null ? null : CarbonZones.Load(q.Zones, q.ZoneLayer, q.IdField, rasters.Grid.Crs, read: readZones);
        if (zones is { Report.Any: true }) log?.WriteLine($"{q.Zones}: {zones.Report}");
        foreach (var w in zones?.Report.Warnings ?? []) log?.WriteLine($"{q.Zones}: warning: {w}");
        using var outputs = CarbonOutputs.Create(q.OutDir, rasters.Grid, q.WriteMaps, isChange: q.Alternate is not null);
        var result = CarbonAnalysis.Compute(q, inputs, rasters, zones, outputs.Maps, new CarbonRunOptions(q.Threads, Progress: progress, AreaMethod: q.AreaMethod), log);
        outputs.Write(result);
        return result;
    }
}
