using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The exact zonal overlay, raster-sequential: walks the raster band by band (whole rows of blocks), reads
/// each block once on all cores, and hands every zone's covered cells to per-worker accumulators.</summary>
/// <remarks>
/// Each zone's coverage (<see cref="CoverageFraction"/>) is computed once, in parallel, when the first band it meets
/// comes up, and dropped after its last row. Memory is bounded, whatever the raster size, by
/// workers × rasters × window cells × 8 bytes for the decoded windows (a window is one tile column of a band, e.g.
/// 256 × 256 cells = 512 KiB, or at least 64 rows of a striped file), plus the run-length coverage of the zones
/// that meet the current band (each proportional to its perimeter in cells plus its rows), plus the zone index.
/// </remarks>
public static class ZonalEngine
{
    /// <summary>Overlays <paramref name="zonesInRasterCrs"/> on the rasters (one, or two on the same grid: values
    /// and weights) and returns one accumulator per worker, to be merged by the caller. Each run of cells comes with
    /// the cells' areas from <paramref name="cellAreas"/>. A zone that is empty, degenerate or outside the raster
    /// receives nothing and gets a warning; it never stops the run.</summary>
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
        var accumulators = new TAccumulator[workers];
        for (var w = 0; w < workers; w++) accumulators[w] = createPerWorker();

        var index = new ZoneIndex(zonesInRasterCrs, grid, options.Warning);
        var plan = BlockPlan.For(rasters[0], workers);
        var buffers = new double[workers * rasters.Count][];
        for (var b = 0; b < buffers.Length; b++) buffers[b] = new double[plan.WindowCells];
        var areas = new WindowAreas[workers];
        for (var w = 0; w < workers; w++) areas[w] = new WindowAreas(cellAreas, plan);

        var coverages = new PolygonCoverage?[zonesInRasterCrs.Count];
        var seen = new bool[zonesInRasterCrs.Count];
        var active = new List<int>();
        List<int>[] windowZones = [];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = options.Cancellation };

        for (var band = 0; band < plan.BandCount; band++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var (row0, rows) = plan.Band(band);
            var entering = index.InRows(row0, rows, grid.Width).Where(z => !seen[z]).ToArray();
            Parallel.For(0, entering.Length, parallel, k => coverages[entering[k]] = CoverageFraction.Compute(zonesInRasterCrs[entering[k]], grid));
            foreach (var z in entering)
            {
                seen[z] = true;
                if (coverages[z]!.IsEmpty) options.Warning?.Invoke(new ZonalWarning(z, "covers no cell of the raster: the zone gets zeros"));
                else active.Add(z);
            }

            active.RemoveAll(z =>
            {
                if (coverages[z]!.RowMax >= row0) return false;
                coverages[z] = null;
                Fold(accumulators, z);
                return true;
            });

            var windows = plan.Windows(band);
            var zonesOf = ZonesByWindow(active, coverages, plan, row0, windows.Count, ref windowZones);
            // Worker w takes windows w, w + workers, ...: a fixed assignment, so each worker's float64 sums (and the
            // merged result) are the same from run to run, unlike a work queue whose interleaving varies.
            Parallel.For(0, workers, parallel, w =>
            {
                for (var i = w; i < windows.Count; i += workers)
                {
                    var here = zonesOf[i];
                    if (here.Count == 0) continue;
                    var window = windows[i];
                    var cells = (int)window.CellCount;
                    var values0 = buffers[w * rasters.Count].AsSpan(0, cells);
                    var values1 = rasters.Count > 1 ? buffers[w * rasters.Count + 1].AsSpan(0, cells) : [];
                    rasters[0].ReadWindow(1, window, values0);
                    if (rasters.Count > 1) rasters[1].ReadWindow(1, window, values1);
                    areas[w].Reset(window);
                    foreach (var z in here)
                    {
                        Apply(accumulators[w], z, coverages[z]!, window, values0, values1, areas[w]);
                    }
                }
            });
            progress?.Report((band + 1.0) / plan.BandCount);
        }

        return accumulators;
    }

    /// <summary>Folds a finished zone's state from workers 1, 2, ... into worker 0, in the order the caller's final
    /// merge uses, when the accumulator supports it: with a million zones, each worker's copy would otherwise live to
    /// the end of the run.</summary>
    private static void Fold<TAccumulator>(TAccumulator[] accumulators, int zone)
        where TAccumulator : IZoneAccumulator
    {
        if (accumulators[0] is not IZoneFolding<TAccumulator> first) return;
        for (var w = 1; w < accumulators.Length; w++) first.FoldZone(zone, accumulators[w]);
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

    /// <summary>For each window of the band starting at <paramref name="row0"/>, the active zones whose coverage
    /// box meets it, in the order of <paramref name="active"/>: each window visits only its own zones (windows no zone
    /// meets are not even read), instead of every window scanning every active zone.</summary>
    private static List<int>[] ZonesByWindow(List<int> active, PolygonCoverage?[] coverages, BlockPlan plan, int row0,
        int windowCount, ref List<int>[] lists)
    {
        if (lists.Length < windowCount)
        {
            Array.Resize(ref lists, windowCount);
            for (var i = 0; i < lists.Length; i++) lists[i] ??= [];
        }

        for (var i = 0; i < windowCount; i++) lists[i].Clear();
        var columns = plan.ColumnCount;
        var stacks = windowCount / columns;
        foreach (var z in active)
        {
            var c = coverages[z]!;
            var s0 = Math.Max(0, (c.RowMin - row0) / plan.WindowHeight);
            var s1 = Math.Min(stacks - 1, (c.RowMax - row0) / plan.WindowHeight);
            var c0 = Math.Max(0, c.ColMin / plan.WindowWidth);
            var c1 = Math.Min(columns - 1, c.ColMax / plan.WindowWidth);
            for (var s = s0; s <= s1; s++)
                for (var col = c0; col <= c1; col++)
                    lists[s * columns + col].Add(z);
        }

        return lists;
    }

    /// <summary>Hands the runs of one zone that fall in one window to the accumulator, clipped to the window.</summary>
    private static void Apply<TAccumulator>(TAccumulator accumulator, int zone, PolygonCoverage coverage, RasterWindow window,
        ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, WindowAreas areas)
        where TAccumulator : IZoneAccumulator
    {
        var x0 = window.X;
        var x1 = window.X + window.Width;
        if (coverage.ColMax < x0 || coverage.ColMin >= x1) return;
        var r0 = Math.Max(window.Y, coverage.RowMin);
        var r1 = Math.Min(window.Y + window.Height - 1, coverage.RowMax);
        var hasWeights = !values1.IsEmpty;
        for (var r = r0; r <= r1; r++)
        {
            var offset = (r - window.Y) * window.Width - x0;
            var rowAreas = areas.Row(r);
            foreach (var run in coverage.RowRuns(r))
            {
                if (run.End <= x0) continue;
                if (run.Col >= x1) break;
                var c0 = Math.Max(run.Col, x0);
                var n = Math.Min(run.End, x1) - c0;
                var v0 = values0.Slice(offset + c0, n);
                var v1 = hasWeights ? values1.Slice(offset + c0, n) : [];
                var a = rowAreas.Slice(c0 - x0, n);
                if (run.IsFull) accumulator.AddFull(zone, r, c0, v0, v1, a);
                else accumulator.AddPartial(zone, r, c0, coverage.Fractions.AsSpan(run.FractionOffset + c0 - run.Col, n), v0, v1, a);
            }
        }
    }
}
