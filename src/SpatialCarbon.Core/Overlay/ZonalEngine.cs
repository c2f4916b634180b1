using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The exact zonal overlay, raster-sequential: walks the raster window by window (a window is one tile
/// column of a band of block rows), reads each block once, and hands every zone's covered cells to accumulators.</summary>
/// <remarks>
/// Each zone's coverage (<see cref="CoverageFraction"/>) is computed once, one band before the first window that
/// needs it, and dropped when the last window its envelope meets is done. All work (coverages and windows) is one
/// fixed sequence of tasks (<see cref="OverlaySchedule"/>) that the workers take in turn, so no worker waits at the
/// end of a band while another finishes. Results do not depend on which worker took what: an accumulator that
/// implements <see cref="IZoneFolding{TSelf}"/> gets each window's sums in a scratch accumulator of its own, folded
/// into the one result strictly in window order (so the result is the same for any worker count); any other
/// accumulator gets one instance per worker, and worker w takes windows w, w + workers, ... (the same result from run
/// to run for a given worker count). Memory is bounded, whatever the raster size, by workers × rasters × window
/// cells × 8 bytes for the decoded windows (e.g. 256 × 256 cells = 512 KiB, or at least 64 rows of a striped file),
/// plus the run-length coverage of the zones that meet the windows under way (each proportional to its perimeter in
/// cells plus its rows), plus the per-window zone lists.
/// </remarks>
public static class ZonalEngine
{
    /// <summary>Overlays <paramref name="zonesInRasterCrs"/> on the rasters (one, or two on the same grid: values
    /// and weights) and returns the accumulators to be merged by the caller in order: one per worker, or just one
    /// when the accumulator implements <see cref="IZoneFolding{TSelf}"/>. Each run of cells comes with the cells'
    /// areas from <paramref name="cellAreas"/>. A zone that is empty, degenerate or outside the raster receives
    /// nothing and gets a warning; it never stops the run.</summary>
    /// <exception cref="InputException">No raster, more than two, or rasters on different grids.</exception>
    public static TAccumulator[] Run<TAccumulator>(IReadOnlyList<IRasterSource> rasters,
        IReadOnlyList<Geometry> zonesInRasterCrs, CellAreaModel cellAreas, Func<TAccumulator> createPerWorker,
        ZonalRunOptions? options = null, IProgress<double>? progress = null)
        where TAccumulator : IZoneAccumulator
    {
        options ??= new ZonalRunOptions();
        CheckRasters(rasters);
        var grid = rasters[0].Grid;
        var workers = Math.Max(1, options.MaxDegreeOfParallelism);
        var first = createPerWorker();
        var folding = first as IZoneFolding<TAccumulator>;
        var accumulators = new TAccumulator[folding is null ? workers : 1];
        accumulators[0] = first;
        for (var w = 1; w < accumulators.Length; w++) accumulators[w] = createPerWorker();

        var index = new ZoneIndex(zonesInRasterCrs, grid, options.Warning);
        var plan = BlockPlan.For(rasters[0], workers);
        var schedule = OverlaySchedule.For(plan, index, zonesInRasterCrs.Count);
        var run = new OverlayRun<TAccumulator>(rasters, zonesInRasterCrs, grid, cellAreas, plan, schedule, workers,
            accumulators, folding, options.Cancellation, progress);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Parallel.For(0, workers, parallel, run.Work);
        options.Cancellation.ThrowIfCancellationRequested();

        for (var z = 0; z < zonesInRasterCrs.Count; z++)
        {
            if (run.CoversNothing(z)) options.Warning?.Invoke(new ZonalWarning(z, "covers no cell of the raster: the zone gets zeros"));
        }

        return accumulators;
    }

    private static void CheckRasters(IReadOnlyList<IRasterSource> rasters)
    {
        if (rasters.Count is < 1 or > 2)
            throw new InputException("zonal", null, $"expected one raster (values) or two (values and weights), got {rasters.Count}");
        if (rasters.Count == 2 && !rasters[1].Grid.SameAs(rasters[0].Grid))
        {
            var a = rasters[0].Grid;
            var b = rasters[1].Grid;
            throw new InputException(rasters[1].Path, null,
                $"grid {b.Width}x{b.Height} {b.Transform} {b.Crs?.Label ?? "no CRS"} differs from {rasters[0].Path}'s {a.Width}x{a.Height} {a.Transform} {a.Crs?.Label ?? "no CRS"}");
        }
    }
}
