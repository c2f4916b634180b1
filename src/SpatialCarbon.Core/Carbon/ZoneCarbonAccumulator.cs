using SpatialCarbon.Core.Overlay;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Per-zone carbon for the zonal engine: for each zone, the covered area (coverage fraction × cell area)
/// of every baseline→alternate class pair, from which stocks and change follow. With one raster it accumulates stock
/// only (alternate = baseline). One instance per worker; <see cref="Merge"/> combines them.</summary>
public sealed class ZoneCarbonAccumulator(CarbonPoolTable pools, int zoneCount, double? baselineNoData, double? alternateNoData = null)
    : IZoneAccumulator
{
    private readonly TransitionMatrix?[] _zones = new TransitionMatrix?[zoneCount];
    private readonly double[] _nodataArea_m2 = new double[zoneCount];
    private readonly double _nd0 = baselineNoData ?? double.NaN;
    private readonly double _nd1 = alternateNoData ?? double.NaN;

    public int ZoneCount => zoneCount;

    /// <summary>Raster values met inside zones that are not in the pool table.</summary>
    public HashSet<double> MissingCodes { get; } = [];

    public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
        ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
    {
        var m = _zones[zone] ??= new TransitionMatrix(pools.Codes);
        for (var i = 0; i < values0.Length; i++)
            Add(zone, m, values0[i], values1.IsEmpty ? values0[i] : values1[i], coverage[i] * cellAreas_m2[i], coverage[i]);
    }

    public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
        ReadOnlySpan<double> cellAreas_m2)
    {
        var m = _zones[zone] ??= new TransitionMatrix(pools.Codes);
        for (var i = 0; i < values0.Length; i++)
            Add(zone, m, values0[i], values1.IsEmpty ? values0[i] : values1[i], cellAreas_m2[i], 1);
    }

    public void Merge(ZoneCarbonAccumulator other)
    {
        for (var z = 0; z < zoneCount; z++)
        {
            _nodataArea_m2[z] += other._nodataArea_m2[z];
            if (other._zones[z] is not { } o) continue;
            (_zones[z] ??= new TransitionMatrix(pools.Codes)).Merge(o);
        }

        MissingCodes.UnionWith(other.MissingCodes);
    }

    /// <summary>Merges per-worker accumulators into one.</summary>
    public static ZoneCarbonAccumulator MergeAll(IEnumerable<ZoneCarbonAccumulator> workers)
    {
        ZoneCarbonAccumulator? first = null;
        foreach (var w in workers)
        {
            if (first is null) first = w;
            else first.Merge(w);
        }

        return first ?? throw new ArgumentException("no accumulators to merge", nameof(workers));
    }

    /// <summary>Results per zone, in zone order; throws the pool table's missing-code error if any were met.</summary>
    public IReadOnlyList<ZoneCarbon> Results(string rasterPaths)
    {
        if (MissingCodes.Count > 0) pools.EnsureCovers(MissingCodes, rasterPaths);
        var d = pools.Density_mg_c_ha;
        return Enumerable.Range(0, zoneCount).Select(z =>
        {
            var m = _zones[z] ?? new TransitionMatrix(pools.Codes);
            return new ZoneCarbon(z, m.BaselineStock_mg_c(d), m.AlternateStock_mg_c(d), m.TotalArea_m2 * CarbonUnits.HaPerM2,
                _nodataArea_m2[z] * CarbonUnits.HaPerM2, m);
        }).ToArray();
    }

    private void Add(int zone, TransitionMatrix m, double v0, double v1, double area_m2, double pixels)
    {
        if (double.IsNaN(v0) || v0 == _nd0 || double.IsNaN(v1) || v1 == _nd1)
        {
            _nodataArea_m2[zone] += area_m2;
            return;
        }

        var f = pools.Codes.IndexOf(v0);
        var t = pools.Codes.IndexOf(v1);
        if (f < 0 || t < 0)
        {
            if (f < 0) MissingCodes.Add(v0);
            if (t < 0) MissingCodes.Add(v1);
            return;
        }

        m.Add(f, t, area_m2, pixels);
    }
}
