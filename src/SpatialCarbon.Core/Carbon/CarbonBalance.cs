using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Carbon stock and change over whole land-use rasters, block by block and in parallel: density and change
/// maps go to <see cref="CarbonMaps"/>, totals and the transition matrix accumulate in float64 per worker and are merged.
/// Cell areas come from the <see cref="CellAreaModel"/> of the run's <see cref="CarbonRunOptions.AreaMethod"/>.</summary>
public static class CarbonBalance
{
    /// <summary>Stock of one land-use raster (Mg C) and its density map.</summary>
    public static CarbonTotals Stock(IRasterSource lulc, CarbonPoolTable pools, IRasterBlockSink? density = null,
        CarbonRunOptions? options = null) =>
        Run(lulc, null, pools, new CarbonMaps(BaselineDensity: density), options ?? CarbonRunOptions.Default);

    /// <summary>Stocks at two dates, their change (alternate − baseline) and the from→to matrix. Both rasters must
    /// share one grid (see <see cref="NearestNeighbourRaster"/> to align them).</summary>
    public static CarbonTotals Change(IRasterSource baseline, IRasterSource alternate, CarbonPoolTable pools,
        CarbonMaps? maps = null, CarbonRunOptions? options = null)
    {
        EnsureSameGrid(baseline, alternate);
        return Run(baseline, alternate, pools, maps ?? CarbonMaps.None, options ?? CarbonRunOptions.Default);
    }

    /// <summary>Throws an error naming both files when two rasters are not on one grid.</summary>
    public static void EnsureSameGrid(IRasterSource baseline, IRasterSource alternate)
    {
        if (baseline.Grid.SameAs(alternate.Grid)) return;
        var a = baseline.Grid;
        var b = alternate.Grid;
        string Describe(RasterGrid g) =>
            $"{g.Width}x{g.Height} cells of {g.CellWidth:G6}x{g.CellHeight:G6} at ({g.Transform.OriginX:G10}, {g.Transform.OriginY:G10}) in {g.Crs?.Label ?? "no CRS"}";
        throw new GridMismatchException(alternate.Path,
            $"grid differs from {baseline.Path} ({Describe(b)} vs {Describe(a)}); it can be aligned, resampled nearest-neighbour onto the baseline grid");
    }

    private static CarbonTotals Run(IRasterSource baseline, IRasterSource? alternate, CarbonPoolTable pools,
        CarbonMaps maps, CarbonRunOptions options)
    {
        var grid = baseline.Grid;
        var windows = ProcessingWindows.For(grid, Math.Max(baseline.BlockWidth, alternate?.BlockWidth ?? 0),
            Math.Max(baseline.BlockHeight, alternate?.BlockHeight ?? 0), options.TileSize);
        var total = new Tally(pools.Codes);
        var gate = new object();
        var done = 0;
        var cellAreas = CellAreaModel.For(grid, options.AreaMethod, baseline.Path);
        var density = pools.Density_mg_c_ha.Select(d => (float)d).ToArray();

        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, windows.Count, 1),
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => new Worker(pools.Codes),
            (range, _, worker) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    worker.Process(windows[i], baseline, alternate, maps, pools.Density_mg_c_ha, density, cellAreas);
                    if (options.Progress is { } p) p.Report((double)Interlocked.Increment(ref done) / windows.Count);
                }

                return worker;
            },
            worker =>
            {
                lock (gate) total.Merge(worker.Tally);
            });

        if (total.Missing0.Count + total.Missing1.Count > 0)
        {
            var files = new List<string>();
            if (total.Missing0.Count > 0) files.Add(baseline.Path);
            if (total.Missing1.Count > 0) files.Add(alternate!.Path);
            pools.EnsureCovers(total.Missing0.Concat(total.Missing1), string.Join(" and ", files));
        }

        var m = total.Matrix;
        return new CarbonTotals(m.BaselineStock_mg_c(pools.Density_mg_c_ha), m.AlternateStock_mg_c(pools.Density_mg_c_ha),
            (long)m.Pixels.Sum(), total.Nodata, m.TotalArea_m2 * CarbonUnits.HaPerM2, m);
    }

    /// <summary>Per-worker totals: merged once at the end, so workers never lock.</summary>
    private sealed class Tally(ClassCodeIndex codes)
    {
        public TransitionMatrix Matrix { get; } = new(codes);

        public long Nodata { get; set; }

        public HashSet<double> Missing0 { get; } = [];

        public HashSet<double> Missing1 { get; } = [];

        public void Merge(Tally other)
        {
            Matrix.Merge(other.Matrix);
            Nodata += other.Nodata;
            Missing0.UnionWith(other.Missing0);
            Missing1.UnionWith(other.Missing1);
        }
    }

    /// <summary>One worker's buffers and tally, reused across windows.</summary>
    private sealed class Worker(ClassCodeIndex codes)
    {
        private double[] _v0 = [];
        private double[] _v1 = [];
        private float[] _d0 = [];
        private float[] _d1 = [];
        private float[] _change = [];
        private double[] _areas = [];

        public Tally Tally { get; } = new(codes);

        public void Process(RasterWindow w, IRasterSource baseline, IRasterSource? alternate, CarbonMaps maps,
            double[] density64, float[] density, CellAreaModel cellAreas)
        {
            var n = (int)w.CellCount;
            if (_areas.Length < w.Width) _areas = new double[w.Width];
            var rowAreas = _areas.AsSpan(0, w.Width);
            if (_v0.Length < n)
            {
                _v0 = new double[n];
                _v1 = new double[n];
                _d0 = new float[n];
                _d1 = new float[n];
                _change = new float[n];
            }

            var v0 = _v0.AsSpan(0, n);
            var v1 = _v1.AsSpan(0, n);
            var d0 = _d0.AsSpan(0, n);
            var d1 = _d1.AsSpan(0, n);
            var change = _change.AsSpan(0, n);
            baseline.ReadWindow(1, w, v0);
            if (alternate is not null) alternate.ReadWindow(1, w, v1);
            var nd0 = baseline.NoData ?? double.NaN;
            var nd1 = alternate?.NoData ?? double.NaN;
            var k = codes.Count;
            var area = Tally.Matrix.Area_m2;
            var pixels = Tally.Matrix.Pixels;
            long nodata = 0;
            for (var r = 0; r < w.Height; r++)
            {
                cellAreas.RowAreas(w.Y + r, w.X, rowAreas);
                var o = r * w.Width;
                for (var c = 0; c < w.Width; c++)
                {
                    var i = o + c;
                    var x0 = v0[i];
                    var x1 = alternate is null ? x0 : v1[i];
                    if (double.IsNaN(x0) || x0 == nd0 || double.IsNaN(x1) || x1 == nd1)
                    {
                        nodata++;
                        d0[i] = d1[i] = change[i] = CarbonMaps.NoData;
                        continue;
                    }

                    var f = codes.IndexOf(x0);
                    var t = alternate is null ? f : codes.IndexOf(x1);
                    if (f < 0 || t < 0)
                    {
                        if (f < 0) Tally.Missing0.Add(x0);
                        if (t < 0 && alternate is not null) Tally.Missing1.Add(x1);
                        d0[i] = d1[i] = change[i] = CarbonMaps.NoData;
                        continue;
                    }

                    var p = f * k + t;
                    area[p] += rowAreas[c];
                    pixels[p] += 1;
                    d0[i] = density[f];
                    d1[i] = density[t];
                    // Difference in float64 then rounded once, so the map agrees with the totals to Float32 precision.
                    change[i] = (float)(density64[t] - density64[f]);
                }
            }

            Tally.Nodata += nodata;
            maps.BaselineDensity?.Write(w, d0);
            maps.AlternateDensity?.Write(w, d1);
            maps.Change?.Write(w, change);
        }
    }
}
