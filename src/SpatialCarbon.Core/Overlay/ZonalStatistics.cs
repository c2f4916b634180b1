using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Zonal statistics over the exact overlay: runs <see cref="ZonalEngine"/> with
/// <see cref="StatisticsAccumulator"/>s, merges them and derives each zone's statistics.</summary>
public static class ZonalStatistics
{
    /// <summary>What errors about the weights raster name as their source.</summary>
    public const string WeightsName = "weights raster";

    /// <summary>What errors about the minimum coverage fraction name as their source.</summary>
    public const string MinCoverageName = "minimum coverage";

    /// <summary>Statistics of <paramref name="values"/> (and <paramref name="weights"/>, on the same grid, for the
    /// weighted ones) for each zone, in the zones' order.</summary>
    /// <exception cref="InputException">A weighted statistic without a weights raster, or grids that differ.</exception>
    public static ZoneStatistics[] Compute(IRasterSource values, IRasterSource? weights,
        IReadOnlyList<Geometry> zonesInRasterCrs, ZonalOptions options, ZonalRunOptions? run = null,
        IProgress<double>? progress = null)
    {
        var total = Merged(values, weights, zonesInRasterCrs, options, run, progress);
        var result = new ZoneStatistics[total.ZoneCount];
        for (var z = 0; z < result.Length; z++)
        {
            result[z] = Derive(total, z);

            // The histogram now lives on in the zone's class fractions: drop it, so both are not held for every zone.
            total.ReleaseHistograms(z);
        }

        return result;
    }

    /// <summary>The same statistics as <see cref="Compute"/>, each derived from the merged sums when it is read
    /// instead of all held at once: for a writer that goes through the zones once or twice, a million zones then
    /// never hold a <see cref="ZoneStatistics"/> (~250 B) each.</summary>
    /// <exception cref="InputException">As <see cref="Compute"/>.</exception>
    public static IReadOnlyList<ZoneStatistics> ComputeOnRead(IRasterSource values, IRasterSource? weights,
        IReadOnlyList<Geometry> zonesInRasterCrs, ZonalOptions options, ZonalRunOptions? run = null,
        IProgress<double>? progress = null) =>
        new DerivedZoneStatistics(Merged(values, weights, zonesInRasterCrs, options, run, progress));

    /// <summary>Runs the engine and merges the workers' sums into worker 0's accumulator (the others become garbage
    /// when this returns).</summary>
    private static StatisticsAccumulator Merged(IRasterSource values, IRasterSource? weights,
        IReadOnlyList<Geometry> zonesInRasterCrs, ZonalOptions options, ZonalRunOptions? run, IProgress<double>? progress)
    {
        if (weights is null && options.Statistics.FirstOrDefault(ZonalStatisticNames.IsWeighted) is var w && ZonalStatisticNames.IsWeighted(w))
            throw new InputException(WeightsName, null, $"statistic '{ZonalStatisticNames.NameOf(w)}' needs a weights raster");
        if (options.MinCoverage is < 0 or > 1 || double.IsNaN(options.MinCoverage))
            throw new InputException(MinCoverageName, null, $"{options.MinCoverage} is not a fraction in [0, 1]");

        var zoneCount = zonesInRasterCrs.Count;
        IRasterSource[] rasters = weights is null ? [values] : [values, weights];
        var workers = ZonalEngine.Run(rasters, zonesInRasterCrs, CellAreas(values, options),
            () => new StatisticsAccumulator(zoneCount, values.NoData, weights?.NoData, options), run, progress);
        var total = workers[0];
        for (var i = 1; i < workers.Length; i++) total.Merge(workers[i]);
        return total;
    }

    /// <summary>The cell areas of <paramref name="values"/>, measured only when the zones' areas are asked for (no
    /// other statistic needs them, and the ellipsoidal model costs a lattice of inverse projections per window); a
    /// raster without a CRS is refused only then.</summary>
    private static CellAreaModel CellAreas(IRasterSource values, ZonalOptions options) =>
        options.Wants(ZonalStatistic.Area)
            ? CellAreaModel.For(values.Grid, options.AreaMethod, values.Path)
            : CellAreaModel.Unknown;

    /// <summary>The class values seen in any zone's frac (or weighted frac), ascending: the frac_&lt;code&gt; columns.</summary>
    public static double[] Classes(IEnumerable<ZoneStatistics> zones, bool weighted = false) =>
        zones.SelectMany(z => (weighted ? z.WeightedFrac : z.Frac).Keys).Distinct().Order().ToArray();

    /// <summary>Zone <paramref name="zone"/>'s statistics from the merged sums.</summary>
    internal static ZoneStatistics Derive(StatisticsAccumulator total, int zone)
    {
        var (t, m) = total.Totals(zone);
        var (values, amounts) = total.Histogram(zone) is { } histogram ? histogram.ToSorted() : (Array.Empty<double>(), Array.Empty<double>());
        double majority = double.NaN, minority = double.NaN;
        double most = double.NegativeInfinity, least = double.PositiveInfinity;
        var fractions = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var (value, amount) = (values[i], amounts[i]);
            fractions[i] = amount / t.Count;

            // Ties go to the smaller value (the histogram is ascending and comparisons are strict).
            if (amount > most)
            {
                most = amount;
                majority = value;
            }

            if (amount < least)
            {
                least = amount;
                minority = value;
            }
        }

        var variety = values.Length;
        var frac = values.Length == 0 ? ClassFractions.Empty : new ClassFractions(values, fractions);
        var weightedFrac = ClassFractions.Empty;
        var (wvalues, wamounts) = total.WeightedHistogram(zone) is { } weighted ? weighted.ToSorted() : (Array.Empty<double>(), Array.Empty<double>());
        if (wvalues.Length > 0)
        {
            for (var i = 0; i < wamounts.Length; i++) wamounts[i] = m.WeightMissing ? double.NaN : wamounts[i] / m.SumWeights;
            weightedFrac = new ClassFractions(wvalues, wamounts);
        }

        var defined = t.Count > 0;
        return new ZoneStatistics(
            Count: t.Count,
            NodataCount: t.NodataCount,
            Area_m2: m.Area_m2,
            Sum: t.Sum,
            Mean: defined ? t.Sum / t.Count : double.NaN,
            Min: defined && t.Min <= t.Max ? t.Min : double.NaN,
            Max: defined && t.Min <= t.Max ? t.Max : double.NaN,
            Stdev: Math.Sqrt(m.Variance(t.Count)),
            Majority: majority,
            Minority: minority,
            Variety: variety,
            Frac: frac,
            WeightedSum: m.WeightMissing ? double.NaN : m.SumWeightedValues,
            WeightedMean: m.WeightMissing || m.SumWeights == 0 ? double.NaN : m.SumWeightedValues / m.SumWeights,
            WeightedFrac: weightedFrac);
    }
}
