using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A computed raster of annual forest growth sink in Mg C/ha/yr: the growth rate where the cell is forest at
/// both dates, 0 elsewhere, NaN where any input is nodata. Read through the zonal engine it gives the sink per zone
/// (Σ rate × coverage × cell area) without writing an intermediate file.</summary>
public sealed class ForestGrowthRaster : IRasterSource
{
    private readonly IRasterSource _baseline;
    private readonly IRasterSource? _alternate;
    private readonly IRasterSource _type;
    private readonly IRasterSource _age;
    private readonly ForestGrowthTable _table;
    private readonly IReadOnlySet<int> _forest;

    public ForestGrowthRaster(IRasterSource baseline, IRasterSource? alternate, IRasterSource forestType, IRasterSource standAge,
        ForestGrowthTable table, IReadOnlySet<int> forestClasses)
    {
        foreach (var other in new[] { alternate, forestType, standAge })
        {
            if (other is not null) CarbonBalance.EnsureSameGrid(baseline, other);
        }

        (_baseline, _alternate, _type, _age, _table, _forest) = (baseline, alternate, forestType, standAge, table, forestClasses);
    }

    public string Path => $"forest growth of {_baseline.Path}";

    public RasterGrid Grid => _baseline.Grid;

    public int BandCount => 1;

    public RasterDataType DataType => RasterDataType.Float64;

    public double? NoData => double.NaN;

    public int BlockWidth => _baseline.BlockWidth;

    public int BlockHeight => _baseline.BlockHeight;

    public void ReadWindow(int band, RasterWindow window, Span<double> destination)
    {
        var missing = new HashSet<(int, double)>();
        ReadRates(window, destination, missing);
        foreach (ref var v in destination[..(int)window.CellCount])
        {
            if (v == NotForest) v = 0;
        }

        if (missing.Count > 0)
            throw new InputException(_table.Path, null, $"forest type/age not covered by any age class: {MessageList.Cut(missing.Order(), m => $"type {m.Item1} age {m.Item2}")}");
    }

    /// <summary>Marks a cell that is not forest at both dates in <see cref="ReadRates"/>.</summary>
    internal const double NotForest = -2;

    /// <summary>Marks a forest cell whose type and age no class covers (recorded in the missing set).</summary>
    internal const double Uncovered = -1;

    /// <summary>Fills rates in Mg C/ha/yr, NaN for nodata, <see cref="NotForest"/> or <see cref="Uncovered"/>.</summary>
    internal void ReadRates(RasterWindow w, Span<double> rate, HashSet<(int, double)> missing)
    {
        var n = (int)w.CellCount;
        var pool = System.Buffers.ArrayPool<double>.Shared;
        var (b, a, t, g) = (pool.Rent(n), pool.Rent(n), pool.Rent(n), pool.Rent(n));
        try
        {
            Rates(w, rate, missing, b.AsSpan(0, n), a.AsSpan(0, n), t.AsSpan(0, n), g.AsSpan(0, n));
        }
        finally
        {
            pool.Return(b);
            pool.Return(a);
            pool.Return(t);
            pool.Return(g);
        }
    }

    private void Rates(RasterWindow w, Span<double> rate, HashSet<(int, double)> missing, Span<double> b, Span<double> a,
        Span<double> t, Span<double> g)
    {
        var n = (int)w.CellCount;
        _baseline.ReadWindow(1, w, b);
        if (_alternate is not null) _alternate.ReadWindow(1, w, a);
        _type.ReadWindow(1, w, t);
        _age.ReadWindow(1, w, g);
        var lastType = int.MinValue;
        var lastAge = double.NaN;
        ForestGrowthRate? last = null;
        for (var i = 0; i < n; i++)
        {
            var alt = _alternate is null ? b[i] : a[i];
            if (IsNoData(b[i], _baseline) || (_alternate is not null && IsNoData(alt, _alternate)))
            {
                rate[i] = double.NaN;
                continue;
            }

            if (!IsForest(b[i]) || !IsForest(alt))
            {
                rate[i] = NotForest;
                continue;
            }

            if (IsNoData(t[i], _type) || IsNoData(g[i], _age))
            {
                rate[i] = double.NaN;
                continue;
            }

            var type = (int)t[i];
            if (type != lastType || g[i] != lastAge)
            {
                (lastType, lastAge, last) = (type, g[i], _table.Find(type, g[i]));
            }

            if (last is null)
            {
                missing.Add((type, g[i]));
                rate[i] = Uncovered;
            }
            else rate[i] = last.Sink_mg_c_ha_yr;
        }
    }

    private bool IsForest(double v) => v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue && _forest.Contains((int)v);

    private static bool IsNoData(double v, IRasterSource s) => double.IsNaN(v) || v == s.NoData;

    public void Dispose()
    {
    }
}
