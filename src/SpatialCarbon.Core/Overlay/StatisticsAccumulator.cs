using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The <see cref="IZoneAccumulator"/> behind zonal statistics: per zone, the coverage-weighted sums,
/// extremes and histograms the asked statistics need, and nothing more. One per worker; merge them at the end.</summary>
public sealed class StatisticsAccumulator : IZoneAccumulator, IZoneFolding<StatisticsAccumulator>
{
    private readonly ZoneTotals[] _zones;
    private readonly ValueHistogram?[] _histograms;
    private readonly ValueHistogram?[] _weightedHistograms;
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
    private readonly double? _noDataArgument;
    private readonly double? _weightNoDataArgument;
    private readonly ZonalOptions _options;

    /// <param name="zoneCount">Zones in the run.</param>
    /// <param name="noData">Nodata value of the value raster (NaN is always nodata).</param>
    /// <param name="weightNoData">Nodata value of the weights raster.</param>
    /// <param name="options">Statistics asked for, default value, minimum coverage.</param>
    public StatisticsAccumulator(int zoneCount, double? noData, double? weightNoData, ZonalOptions options)
    {
        _zones = new ZoneTotals[zoneCount];
        Array.Fill(_zones, ZoneTotals.Empty);
        _histograms = new ValueHistogram?[zoneCount];
        _weightedHistograms = new ValueHistogram?[zoneCount];
        _noDataArgument = noData;
        _weightNoDataArgument = weightNoData;
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
    }

    public int ZoneCount => _zones.Length;

    public ref readonly ZoneTotals Totals(int zone) => ref _zones[zone];

    public ValueHistogram? Histogram(int zone) => _histograms[zone];

    public ValueHistogram? WeightedHistogram(int zone) => _weightedHistograms[zone];

    public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
        ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
    {
        ref var z = ref _zones[zone];
        if (!_squares && !_weights)
        {
            Run(ref z, zone, coverage, values0, cellAreas_m2);
            return;
        }

        var area = 0.0;
        var weighted = _weights && !values1.IsEmpty;
        for (var i = 0; i < values0.Length; i++)
        {
            var c = coverage[i];
            if (c < _minCoverage) continue;
            area += Cell(ref z, zone, c, values0[i], weighted ? values1[i] : double.NaN) * cellAreas_m2[i];
        }

        if (_area) z.Area_m2 += area;
    }

    public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
        ReadOnlySpan<double> cellAreas_m2)
    {
        if (_minCoverage > 1) return;
        ref var z = ref _zones[zone];
        if (!_squares && !_weights)
        {
            Run(ref z, zone, [], values0, cellAreas_m2);
            return;
        }

        var area = 0.0;
        var weighted = _weights && !values1.IsEmpty;
        for (var i = 0; i < values0.Length; i++)
            area += Cell(ref z, zone, 1.0, values0[i], weighted ? values1[i] : double.NaN) * cellAreas_m2[i];
        if (_area) z.Area_m2 += area;
    }

    /// <summary>The common case (count, sum, mean, min, max, histogram statistics; no variance, no weights): one
    /// tight loop with its sums in locals. An empty <paramref name="coverage"/> means every cell is wholly covered.</summary>
    private void Run(ref ZoneTotals z, int zone, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values,
        ReadOnlySpan<double> cellAreas_m2)
    {
        var full = coverage.IsEmpty;
        if (full)
        {
            FullRun(ref z, zone, values, cellAreas_m2);
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
        if (_area) z.Area_m2 += area;
        z.Min = min;
        z.Max = max;
    }

    /// <summary>Wholly covered cells: land-cover values come in runs of equal values, so each run of equal values is
    /// added once (its length as the amount), which keeps the histogram out of the per-cell loop.</summary>
    private void FullRun(ref ZoneTotals z, int zone, ReadOnlySpan<double> values, ReadOnlySpan<double> cellAreas_m2)
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
        z.Area_m2 += area;
        z.Min = min;
        z.Max = max;
    }

    /// <summary>Adds one cell; returns the coverage it added to the valid count (0 for a nodata cell).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Cell(ref ZoneTotals z, int zone, double c, double v, double w)
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
            if (!z.HasShift)
            {
                z.HasShift = true;
                z.Shift = v;
            }

            var d = v - z.Shift;
            z.SumDeviation += c * d;
            z.SumSquaredDeviation += c * d * d;
        }

        if (_histogram) (_histograms[zone] ??= new ValueHistogram()).Add(v, c);
        if (_weights) Weight(ref z, zone, c, v, w);
        return c;
    }

    private void Weight(ref ZoneTotals z, int zone, double c, double v, double w)
    {
        if (w == _weightNoData || double.IsNaN(w))
        {
            z.WeightMissing = true;
            return;
        }

        z.SumWeights += c * w;
        z.SumWeightedValues += c * v * w;
        if (_weightedHistogram) (_weightedHistograms[zone] ??= new ValueHistogram()).Add(v, c * w);
    }

    /// <summary>Adds another worker's sums into this one.</summary>
    public void Merge(StatisticsAccumulator other)
    {
        if (other.ZoneCount != ZoneCount) throw new ArgumentException("accumulators of different runs", nameof(other));
        for (var i = 0; i < _zones.Length; i++)
        {
            _zones[i].Merge(other._zones[i]);
            MergeHistogram(_histograms, other._histograms, i);
            MergeHistogram(_weightedHistograms, other._weightedHistograms, i);
        }
    }

    public StatisticsAccumulator CreateScratch(int zones) => new(zones, _noDataArgument, _weightNoDataArgument, _options);

    public void FoldZone(int zone, StatisticsAccumulator scratch, int scratchZone)
    {
        _zones[zone].Merge(scratch._zones[scratchZone]);
        scratch._zones[scratchZone] = ZoneTotals.Empty;
        FoldHistogram(_histograms, zone, scratch._histograms, scratchZone);
        FoldHistogram(_weightedHistograms, zone, scratch._weightedHistograms, scratchZone);
    }

    /// <summary>Drops a zone's histograms once its statistics are derived.</summary>
    public void ReleaseHistograms(int zone)
    {
        _histograms[zone] = null;
        _weightedHistograms[zone] = null;
    }

    private static void FoldHistogram(ValueHistogram?[] mine, int zone, ValueHistogram?[] scratch, int scratchZone)
    {
        if (scratch[scratchZone] is not { } h) return;
        if (mine[zone] is null) mine[zone] = h;
        else mine[zone]!.Merge(h);
        scratch[scratchZone] = null;
    }

    private static void MergeHistogram(ValueHistogram?[] mine, ValueHistogram?[] theirs, int i)
    {
        if (theirs[i] is not { } h) return;
        if (mine[i] is null) mine[i] = h;
        else mine[i]!.Merge(h);
    }
}
