using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Annual biomass sink of forest that stays forest (IPCC gain method): for each cell whose class is a forest
/// class at both dates, the growth table's rate for its forest type and stand age × true cell area. Block-wise and
/// parallel; nodata in any input is excluded and counted.</summary>
public static class ForestGrowth
{
    /// <summary>Runs over the rasters (all on one grid); <paramref name="alternate"/> may be null to take every forest
    /// cell of the baseline. Throws one error listing every (type, age) that the table does not cover.</summary>
    public static ForestGrowthTotals Run(IRasterSource baseline, IRasterSource? alternate, IRasterSource forestType,
        IRasterSource standAge, ForestGrowthTable table, IReadOnlySet<int> forestClasses, CarbonRunOptions? options = null)
    {
        var view = new ForestGrowthRaster(baseline, alternate, forestType, standAge, table, forestClasses);
        options ??= CarbonRunOptions.Default;
        var windows = ProcessingWindows.For(baseline.Grid, baseline.BlockWidth, baseline.BlockHeight, options.TileSize);
        var cellAreas = CellAreaModel.For(baseline.Grid, options.AreaMethod, baseline.Path);
        var sink = 0.0;
        var area = 0.0;
        long nodata = 0;
        var missing = new HashSet<(int, double)>();
        var gate = new object();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, windows.Count, 1),
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => new State(),
            (range, _, s) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var w = windows[i];
                    var n = (int)w.CellCount;
                    if (s.Rate.Length < n) s.Rate = new double[n];
                    if (s.Areas.Length < w.Width) s.Areas = new double[w.Width];
                    view.ReadRates(w, s.Rate, s.Missing);
                    for (var r = 0; r < w.Height; r++)
                    {
                        cellAreas.RowAreas(w.Y + r, w.X, s.Areas.AsSpan(0, w.Width));
                        for (var c = 0; c < w.Width; c++)
                        {
                            var v = s.Rate[r * w.Width + c];
                            if (double.IsNaN(v)) { s.Nodata++; continue; }
                            if (v < 0) continue;
                            var a = s.Areas[c] * CarbonUnits.HaPerM2;
                            s.Sink += v * a;
                            s.Area += a;
                        }
                    }
                }

                return s;
            },
            s =>
            {
                lock (gate)
                {
                    sink += s.Sink;
                    area += s.Area;
                    nodata += s.Nodata;
                    missing.UnionWith(s.Missing);
                }
            });
        if (missing.Count > 0)
        {
            var list = MessageList.Cut(missing.Order(), m => $"type {m.Item1} age {m.Item2}");
            throw new InputException(table.Path, null,
                $"{missing.Count} forest type/age combination{(missing.Count == 1 ? "" : "s")} in {forestType.Path} and {standAge.Path} not covered by any age class: {list}");
        }

        return new ForestGrowthTotals(sink, area, nodata);
    }

    private sealed class State
    {
        public double[] Rate = [];
        public double[] Areas = [];
        public double Sink;
        public double Area;
        public long Nodata;
        public readonly HashSet<(int, double)> Missing = [];
    }
}

/// <summary>Forest growth totals: annual sink in Mg C/yr over the forest that stays forest (area in ha).</summary>
public sealed record ForestGrowthTotals(double AnnualSink_mg_c_yr, double ForestArea_ha, long NodataPixels)
{
    public double AnnualSink_mg_co2e_yr => AnnualSink_mg_c_yr * CarbonUnits.Co2ePerC;
}
