using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>One run of <see cref="ZonalEngine"/>: the workers' loop over an <see cref="OverlaySchedule"/>, the zones'
/// coverages while they are needed, and the in-order folding of each window's scratch sums.</summary>
internal sealed class OverlayRun<TAccumulator>
    where TAccumulator : IZoneAccumulator
{
    private readonly IReadOnlyList<IRasterSource> _rasters;
    private readonly IReadOnlyList<Geometry> _zones;
    private readonly RasterGrid _grid;
    private readonly OverlaySchedule _schedule;
    private readonly int _workers;
    private readonly TAccumulator[] _accumulators;
    private readonly IZoneFolding<TAccumulator>? _folding;
    private readonly CancellationToken _cancellation;
    private readonly IProgress<double>? _progress;
    private readonly double[][] _buffers;
    private readonly WindowAreas[] _areas;
    private readonly PolygonCoverage?[] _coverages;
    private readonly bool[] _coversNothing;
    private readonly int[] _windowsLeft;
    private readonly int[] _claimed;

    // Folding: per zone, the windows listing it that are not yet folded; at zero the zone is finished.
    private readonly int[] _foldsLeft;

    // Folding: windows done but not yet folded, by window number; scratch accumulators free for reuse.
    private readonly Scratch?[] _done;
    private readonly Stack<Scratch> _free = new();
    private readonly Lock _fold = new();
    private int _nextToFold;
    private int _windowsDone;
    private int _nextTask;
    private volatile bool _stopped;

    public OverlayRun(IReadOnlyList<IRasterSource> rasters, IReadOnlyList<Geometry> zones, RasterGrid grid,
        CellAreaModel cellAreas, BlockPlan plan, OverlaySchedule schedule, int workers, TAccumulator[] accumulators,
        IZoneFolding<TAccumulator>? folding, CancellationToken cancellation, IProgress<double>? progress)
    {
        _rasters = rasters;
        _zones = zones;
        _grid = grid;
        _schedule = schedule;
        _workers = workers;
        _accumulators = accumulators;
        _folding = folding;
        _cancellation = cancellation;
        _progress = progress;
        _buffers = new double[workers * rasters.Count][];
        for (var b = 0; b < _buffers.Length; b++) _buffers[b] = new double[plan.WindowCells];
        _areas = new WindowAreas[workers];
        for (var w = 0; w < workers; w++) _areas[w] = new WindowAreas(cellAreas, plan);
        _coverages = new PolygonCoverage?[zones.Count];
        _coversNothing = new bool[zones.Count];
        _windowsLeft = (int[])schedule.WindowsPerZone.Clone();
        _claimed = new int[zones.Count];
        _done = folding is null ? [] : new Scratch?[schedule.Windows.Length];
        _foldsLeft = folding is null ? [] : (int[])schedule.WindowsPerZone.Clone();
    }

    /// <summary>The zone was planned but its coverage turned out empty (valid after the run).</summary>
    public bool CoversNothing(int zone) => _coversNothing[zone];

    /// <summary>Worker <paramref name="worker"/>'s loop. With folding, each task goes to whichever worker is free
    /// next; otherwise the worker walks the whole sequence, computes the coverages no other worker has taken and
    /// overlays its own windows.</summary>
    public void Work(int worker)
    {
        try
        {
            if (_folding is not null) WorkShared(worker);
            else WorkOwn(worker);
        }
        catch
        {
            _stopped = true;
            throw;
        }
    }

    private void WorkShared(int worker)
    {
        var tasks = _schedule.Tasks;
        while (!Stop())
        {
            var t = Interlocked.Increment(ref _nextTask) - 1;
            if (t >= tasks.Length) return;
            if (tasks[t] < 0) Cover(~tasks[t]);
            else Window(worker, tasks[t]);
        }
    }

    private void WorkOwn(int worker)
    {
        var tasks = _schedule.Tasks;
        for (var t = 0; t < tasks.Length && !Stop(); t++)
        {
            var task = tasks[t];
            if (task < 0)
            {
                if (Interlocked.Exchange(ref _claimed[~task], 1) == 0) Cover(~task);
            }
            else if (task % _workers == worker)
            {
                Window(worker, task);
            }
        }
    }

    private bool Stop()
    {
        if (_cancellation.IsCancellationRequested) _stopped = true;
        return _stopped;
    }

    private void Cover(int zone)
    {
        var coverage = CoverageFraction.Compute(_zones[zone], _grid);
        if (coverage.IsEmpty) _coversNothing[zone] = true;
        Volatile.Write(ref _coverages[zone], coverage);
    }

    /// <summary>The coverage of a zone that an earlier task computes (or is computing); null when the run stops.</summary>
    private PolygonCoverage? AwaitCoverage(int zone)
    {
        var spin = default(SpinWait);
        PolygonCoverage? coverage;
        while ((coverage = Volatile.Read(ref _coverages[zone])) is null)
        {
            if (Stop()) return null;
            spin.SpinOnce();
        }

        return coverage;
    }

    private void Window(int worker, int number)
    {
        var window = _schedule.Windows[number];
        var zones = _schedule.ZonesOf[number];
        var scratch = _folding is null ? null : RentScratch();
        var accumulator = scratch is null ? _accumulators[worker] : scratch.Accumulator;
        var read = false;
        var values0 = _buffers[worker * _rasters.Count].AsSpan(0, (int)window.CellCount);
        var values1 = _rasters.Count > 1 ? _buffers[worker * _rasters.Count + 1].AsSpan(0, values0.Length) : [];
        for (var k = 0; k < zones.Length; k++)
        {
            var z = zones[k];
            if (AwaitCoverage(z) is not { } coverage) return;
            if (coverage.IsEmpty || coverage.ColMax < window.X || coverage.ColMin >= window.X + window.Width
                || coverage.RowMax < window.Y || coverage.RowMin >= window.Y + window.Height) continue;
            if (!read)
            {
                // Windows no zone's coverage meets are never decoded.
                _rasters[0].ReadWindowOnce(1, window, values0);
                if (_rasters.Count > 1) _rasters[1].ReadWindowOnce(1, window, values1);
                _areas[worker].Reset(window);
                read = true;
            }

            // A scratch accumulator holds only this window's zones, by their place in its list.
            var key = scratch is null ? z : k;
            scratch?.Used.Add(k);
            Apply(accumulator, key, coverage, window, values0, values1, _areas[worker]);
        }

        foreach (var z in zones)
        {
            if (Interlocked.Decrement(ref _windowsLeft[z]) == 0) _coverages[z] = PolygonCoverage.Empty;
        }

        if (scratch is null) Report();
        else FoldInOrder(number, scratch);
    }

    private Scratch RentScratch()
    {
        lock (_fold)
        {
            if (_free.TryPop(out var scratch)) return scratch;
        }

        return new Scratch(_folding!.CreateScratch(_schedule.MaxZonesPerWindow));
    }

    /// <summary>Marks window <paramref name="number"/> done and folds every done window that follows the last folded
    /// one into the result, in window order, whichever worker finished them and when.</summary>
    private void FoldInOrder(int number, Scratch scratch)
    {
        lock (_fold)
        {
            _done[number] = scratch;
            while (_nextToFold < _done.Length && _done[_nextToFold] is { } next)
            {
                var zones = _schedule.ZonesOf[_nextToFold];
                foreach (var k in next.Used) _folding!.FoldZone(zones[k], next.Accumulator, k);
                next.Used.Clear();
                foreach (var z in zones)
                {
                    if (--_foldsLeft[z] == 0) _folding!.FinishZone(z);
                }

                _done[_nextToFold++] = null;
                _free.Push(next);
                _progress?.Report((double)_nextToFold / _done.Length);
            }
        }
    }

    private void Report()
    {
        if (_progress is null) return;
        lock (_fold) _progress.Report((double)++_windowsDone / _schedule.Windows.Length);
    }

    /// <summary>Hands the runs of one zone that fall in one window to the accumulator, clipped to the window.</summary>
    private static void Apply(TAccumulator accumulator, int zone, PolygonCoverage coverage, RasterWindow window,
        ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, WindowAreas areas)
    {
        var x0 = window.X;
        var x1 = window.X + window.Width;
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

    /// <summary>A window's own accumulator and the places in its zone list that it received.</summary>
    private sealed class Scratch(TAccumulator accumulator)
    {
        public TAccumulator Accumulator { get; } = accumulator;

        public List<int> Used { get; } = [];
    }
}
