using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The <see cref="IZoneAccumulator"/> behind zonal statistics: per zone, the coverage-weighted sums,
/// extremes and histograms the asked statistics need, and nothing more. One per worker; merge them at the end.</summary>
public sealed class StatisticsAccumulator : IZoneAccumulator, IZoneFolding<StatisticsAccumulator>
{
    private readonly ZoneSums[] _zones;

    /// <summary>Area, variance and weight sums: allocated only when one of them is asked, so that a million zones
    /// cost 40 B per worker (count, nodata, sum, extremes) instead of 104 B.</summary>
    private readonly ZoneMoments[]? _moments;

    /// <summary>Stands in for <see cref="_moments"/> when it is not kept: never written, since no statistic asked reads it.</summary>
    private ZoneMoments _noMoments;
    private readonly ValueHistogram?[] _histograms;
    private readonly ValueHistogram?[] _weightedHistograms;

    /// <summary>Finished zones' histograms, packed as they are folded in (worker 0 only; created on first use).</summary>
    private FrozenHistograms? _frozen;
    private FrozenHistograms? _weightedFrozen;
    private readonly double _noData;
    private readonly double _weightNoData;
    private readonly bool _hasDefault;
    private readonly double _default;
    private readonly double _minCoverage;
    private readonly bool _area;
    private readonly bool _squares;
    private readonly bool _extremes;
    private readonly bool _histogram;
    private readonly bool _weights;
    private readonly bool _weightedHistogram;
    private readonly ZonalOptions _options;

    /// <param name="zoneCount">Zones in the run.</param>
    /// <param name="noData">Nodata value of the value raster (NaN is always nodata).</param>
    /// <param name="weightNoData">Nodata value of the weights raster.</param>
    /// <param name="options">Statistics asked for, default value, minimum coverage.</param>
    public StatisticsAccumulator(int zoneCount, double? noData, double? weightNoData, ZonalOptions options)
    {
        _zones = new ZoneSums[zoneCount];
        Array.Fill(_zones, ZoneSums.Empty);
        _histograms = new ValueHistogram?[zoneCount];
        _weightedHistograms = new ValueHistogram?[zoneCount];
        _options = options;
        _noData = noData ?? double.NaN;
        _weightNoData = weightNoData ?? double.NaN;
        _hasDefault = options.DefaultValue is not null;
        _default = options.DefaultValue ?? 0;
        _minCoverage = options.MinCoverage;
        _area = options.Wants(ZonalStatistic.Area);
        _squares = options.Wants(ZonalStatistic.Stdev);
        _extremes = options.WantsAny(ZonalStatistic.Min, ZonalStatistic.Max);
        _histogram = options.WantsAny(ZonalStatistic.Majority, ZonalStatistic.Minority, ZonalStatistic.Variety, ZonalStatistic.Frac);
        _weights = options.Statistics.Any(ZonalStatisticNames.IsWeighted);
        _weightedHistogram = options.Wants(ZonalStatistic.WeightedFrac);
        if (_area || _squares || _weights) _moments = new ZoneMoments[zoneCount];
    }

    public int ZoneCount => _zones.Length;

    /// <summary>The zone's sums, and its moments (zero when none of area, variance and weights is asked).</summary>
    internal (ZoneSums Sums, ZoneMoments Moments) Totals(int zone) => (_zones[zone], _moments is null ? default : _moments[zone]);

    /// <summary>The zone's histogram (a new object when it was packed), or null when none.</summary>
    public ValueHistogram? Histogram(int zone) => _histograms[zone] ?? _frozen?.Thaw(zone);

    /// <summary>The zone's weighted histogram (a new object when it was packed), or null when none.</summary>
    public ValueHistogram? WeightedHistogram(int zone) => _weightedHistograms[zone] ?? _weightedFrozen?.Thaw(zone);

    public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
        ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
    {
        ref var z = ref _zones[zone];
        ref var m = ref Moments(zone);
        if (!_squares && !_weights)
        {
            Run(ref z, ref m, zone, coverage, values0, cellAreas_m2);
            return;
        }

        var area = 0.0;
        var weighted = _weights && !values1.IsEmpty;
        for (var i = 0; i < values0.Length; i++)
        {
            var c = coverage[i];
            if (c < _minCoverage) continue;
            area += Cell(ref z, ref m, zone, c, values0[i], weighted ? values1[i] : double.NaN) * cellAreas_m2[i];
        }

        if (_area) m.Area_m2 += area;
    }

    public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
        ReadOnlySpan<double> cellAreas_m2)
    {
        if (_minCoverage > 1) return;
        ref var z = ref _zones[zone];
        ref var m = ref Moments(zone);
        if (!_squares && !_weights)
        {
            Run(ref z, ref m, zone, [], values0, cellAreas_m2);
            return;
        }

        var area = 0.0;
        var weighted = _weights && !values1.IsEmpty;
        for (var i = 0; i < values0.Length; i++)
            area += Cell(ref z, ref m, zone, 1.0, values0[i], weighted ? values1[i] : double.NaN) * cellAreas_m2[i];
        if (_area) m.Area_m2 += area;
    }

    /// <summary>The common case (count, sum, mean, min, max, histogram statistics; no variance, no weights): one
    /// tight loop with its sums in locals. An empty <paramref name="coverage"/> means every cell is wholly covered.</summary>
    private void Run(ref ZoneSums z, ref ZoneMoments m, int zone, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values,
        ReadOnlySpan<double> cellAreas_m2)
    {
        var full = coverage.IsEmpty;
        if (full)
        {
            FullRun(ref z, ref m, zone, values, cellAreas_m2);
            return;
        }

        double count = 0, sum = 0, nodata = 0, area = 0, min = z.Min, max = z.Max;
        var noData = _noData;
        var histogram = _histogram ? _histograms[zone] ??= new ValueHistogram() : null;
        for (var i = 0; i < values.Length; i++)
        {
            var c = full ? 1.0 : coverage[i];
            if (c < _minCoverage) continue;
            var v = values[i];
            if (v == noData || double.IsNaN(v))
            {
                if (!_hasDefault)
                {
                    nodata += c;
                    continue;
                }

                v = _default;
            }

            count += c;
            sum += c * v;
            area += c * cellAreas_m2[i];
            if (_extremes)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            histogram?.Add(v, c);
        }

        z.Count += count;
        z.Sum += sum;
        z.NodataCount += nodata;
        if (_area) m.Area_m2 += area;
        z.Min = min;
        z.Max = max;
    }

    /// <summary>Wholly covered cells: land-cover values come in runs of equal values, so each run of equal values is
    /// added once (its length as the amount), which keeps the histogram out of the per-cell loop.</summary>
    private void FullRun(ref ZoneSums z, ref ZoneMoments m, int zone, ReadOnlySpan<double> values, ReadOnlySpan<double> cellAreas_m2)
    {
        double count = 0, sum = 0, nodata = 0, area = 0, min = z.Min, max = z.Max;
        var noData = _noData;
        var histogram = _histogram ? _histograms[zone] ??= new ValueHistogram() : null;
        var bits = MemoryMarshal.Cast<double, long>(values);
        var i = 0;
        while (i < values.Length)
        {
            var v = values[i];

            // Runs end where the bits change (a vectorised search): the runs == finds, except that NaNs come as one run
            // instead of cell by cell and 0 and -0 split a run; either way the same whole numbers are added.
            var end = bits[(i + 1)..].IndexOfAnyExcept(bits[i]);
            var j = end < 0 ? values.Length : i + 1 + end;
            double n = j - i;
            var first = i;
            i = j;
            if (v == noData || double.IsNaN(v))
            {
                if (!_hasDefault)
                {
                    nodata += n;
                    continue;
                }

                v = _default;
            }

            count += n;
            sum += n * v;
            if (_area)
            {
                for (var k = first; k < j; k++) area += cellAreas_m2[k];
            }

            if (_extremes)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            histogram?.Add(v, n);
        }

        z.Count += count;
        z.Sum += sum;
        z.NodataCount += nodata;
        if (_area) m.Area_m2 += area;
        z.Min = min;
        z.Max = max;
    }

    /// <summary>Adds one cell; returns the coverage it added to the valid count (0 for a nodata cell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Cell(ref ZoneSums z, ref ZoneMoments m, int zone, double c, double v, double w)
    {
        if (v == _noData || double.IsNaN(v))
        {
            if (!_hasDefault)
            {
                z.NodataCount += c;
                return 0;
            }

            v = _default;
        }

        z.Count += c;
        z.Sum += c * v;
        if (_extremes)
        {
            if (v < z.Min) z.Min = v;
            if (v > z.Max) z.Max = v;
        }

        if (_squares)
        {
            if (!m.HasShift)
            {
                m.HasShift = true;
                m.Shift = v;
            }

            var d = v - m.Shift;
            m.SumDeviation += c * d;
            m.SumSquaredDeviation += c * d * d;
        }

        if (_histogram) (_histograms[zone] ??= new ValueHistogram()).Add(v, c);
        if (_weights) Weight(ref m, zone, c, v, w);
        return c;
    }

    private void Weight(ref ZoneMoments m, int zone, double c, double v, double w)
    {
        if (w == _weightNoData || double.IsNaN(w))
        {
            m.WeightMissing = true;
            return;
        }

        m.SumWeights += c * w;
        m.SumWeightedValues += c * v * w;
        if (_weightedHistogram) (_weightedHistograms[zone] ??= new ValueHistogram()).Add(v, c * w);
    }

    /// <summary>Adds another worker's sums into this one.</summary>
    public void Merge(StatisticsAccumulator other)
    {
        if (other.ZoneCount != ZoneCount) throw new ArgumentException("accumulators of different runs", nameof(other));
        for (var i = 0; i < _zones.Length; i++)
        {
            MergeZone(i, other, i);
            MergeHistogram(_histograms, _frozen, i, other._histograms, i);
            MergeHistogram(_weightedHistograms, _weightedFrozen, i, other._weightedHistograms, i);
        }
    }

    // NaN is always nodata, so a NaN nodata value and none read alike.
    public StatisticsAccumulator CreateScratch(int zones) => new(zones, _noData, _weightNoData, _options);

    public void FoldZone(int zone, StatisticsAccumulator scratch, int scratchZone)
    {
        MergeZone(zone, scratch, scratchZone);
        scratch._zones[scratchZone] = ZoneSums.Empty;
        if (scratch._moments is not null) scratch._moments[scratchZone] = default;
        MergeHistogram(_histograms, _frozen, zone, scratch._histograms, scratchZone);
        scratch._histograms[scratchZone] = null;
        MergeHistogram(_weightedHistograms, _weightedFrozen, zone, scratch._weightedHistograms, scratchZone);
        scratch._weightedHistograms[scratchZone] = null;
    }

    public void FinishZone(int zone)
    {
        // The zone is finished: only this merged copy stays, packed.
        Freeze(_histograms, ref _frozen, zone);
        Freeze(_weightedHistograms, ref _weightedFrozen, zone);
    }

    /// <summary>This zone's moments, or a stand-in when none are kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ZoneMoments Moments(int zone) => ref _moments is null ? ref _noMoments : ref _moments[zone];

    /// <summary>Adds the other's sums for its zone <paramref name="otherZone"/> to <paramref name="zone"/>, moments
    /// first (they need the other's count before it is added).</summary>
    private void MergeZone(int zone, StatisticsAccumulator other, int otherZone)
    {
        // The moments move the other's deviations to this shift using the other's count: merged first.
        if (_moments is not null) _moments[zone].Merge(other._moments![otherZone], other._zones[otherZone].Count);
        _zones[zone].Merge(other._zones[otherZone]);
    }

    /// <summary>Drops a zone's histograms once its statistics are derived.</summary>
    public void ReleaseHistograms(int zone)
    {
        _histograms[zone] = null;
        _weightedHistograms[zone] = null;
        _frozen?.Drop(zone);
        _weightedFrozen?.Drop(zone);
    }

    private void Freeze(ValueHistogram?[] live, ref FrozenHistograms? frozen, int zone)
    {
        if (live[zone] is not { } h || !FrozenHistograms.Fits(h)) return;
        (frozen ??= new FrozenHistograms(ZoneCount)).Freeze(zone, h);
        live[zone] = null;
    }

    /// <summary>Adds <paramref name="theirs"/>' histogram of zone <paramref name="j"/> to this one's zone
    /// <paramref name="i"/>, unpacking this one first if it was packed.</summary>
    private static void MergeHistogram(ValueHistogram?[] mine, FrozenHistograms? frozen, int i, ValueHistogram?[] theirs, int j)
    {
        if (theirs[j] is not { } h) return;
        if (mine[i] is null && frozen?.Thaw(i) is { } thawed)
        {
            mine[i] = thawed;
            frozen.Drop(i);
        }

        if (mine[i] is null) mine[i] = h;
        else mine[i]!.Merge(h);
    }
}
