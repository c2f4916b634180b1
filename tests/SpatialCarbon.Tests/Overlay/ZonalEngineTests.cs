using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Overlay;

public class ZonalEngineTests
{
    private static List<Geometry> Zones(MemoryRaster raster, int count, int seed)
    {
        var rng = new Random(seed);
        var b = raster.Grid.Bounds;
        var zones = new List<Geometry>();
        for (var i = 0; i < count; i++)
        {
            var cx = b.MinX + (b.Width * 1.2 * rng.NextDouble()) - b.Width * 0.1;
            var cy = b.MinY + (b.Height * 1.2 * rng.NextDouble()) - b.Height * 0.1;
            var r = b.Width * (0.02 + 0.2 * rng.NextDouble());
            zones.Add(OverlayFixtures.Star(rng, cx, cy, r * 0.4, r, 5 + rng.Next(60), hole: rng.Next(3) == 0));
        }

        return zones;
    }

    /// <summary>Plain per-polygon path: each zone's dense coverage times the raster values, no bands, no workers.</summary>
    private static (double Count, double Sum, double Nodata) PerPolygon(Geometry zone, MemoryRaster raster)
    {
        var cov = CoverageFraction.Compute(zone, raster.Grid).ToDense(raster.Grid.Full);
        double count = 0, sum = 0, nodata = 0;
        for (var r = 0; r < raster.Grid.Height; r++)
        {
            for (var c = 0; c < raster.Grid.Width; c++)
            {
                var f = cov[r * raster.Grid.Width + c];
                if (f == 0) continue;
                if (raster[c, r] == 255)
                {
                    nodata += f;
                    continue;
                }

                count += f;
                sum += f * raster[c, r];
            }
        }

        return (count, sum, nodata);
    }

    [Fact]
    public void Streaming_engine_equals_the_per_polygon_path()
    {
        var raster = OverlayFixtures.Classes(90, 70, seed: 7);
        var zones = Zones(raster, 40, seed: 11);
        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.NodataCount]);
        var stats = ZonalStatistics.Compute(raster, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 3 });
        for (var z = 0; z < zones.Count; z++)
        {
            var (count, sum, nodata) = PerPolygon(zones[z], raster);
            Assert.Equal(count, stats[z].Count, 1e-9 * Math.Max(1, count));
            Assert.Equal(sum, stats[z].Sum, 1e-9 * Math.Max(1, sum));
            Assert.Equal(nodata, stats[z].NodataCount, 1e-9 * Math.Max(1, nodata));
        }
    }

    [Fact]
    public void Coverage_agrees_with_NTS_cell_by_cell_intersection()
    {
        var grid = new RasterGrid(24, 20, GeoTransform.NorthUp(500, 900, 5, 5), null);
        var rng = new Random(3);
        for (var k = 0; k < 6; k++)
        {
            var zone = OverlayFixtures.Star(rng, 560, 850, 12, 40, 9 + k * 7, hole: k % 2 == 1);
            var expected = OverlayFixtures.NtsCoverage(zone, grid);
            var actual = CoverageFraction.Compute(zone, grid).ToDense(grid.Full);
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }

    [Fact]
    public void Every_worker_count_gives_the_same_totals()
    {
        var raster = OverlayFixtures.Classes(70, 50, seed: 5);
        var zones = Zones(raster, 25, seed: 2);
        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.Stdev, ZonalStatistic.Frac]);
        var one = ZonalStatistics.Compute(raster, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 1 });
        var four = ZonalStatistics.Compute(raster, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 4 });
        for (var z = 0; z < zones.Count; z++)
        {
            Assert.Equal(one[z].Count, four[z].Count, 1e-9);
            Assert.Equal(one[z].Sum, four[z].Sum, 1e-8);
            Assert.Equal(one[z].Stdev, four[z].Stdev, 1e-9);
            Assert.Equal(one[z].Frac.Keys, four[z].Frac.Keys);
        }
    }

    [Fact]
    public void Statistics_are_bit_identical_for_any_worker_count_and_run()
    {
        // 12 x 4 windows of 16 x 64 cells: windows finish in a different order on every run and worker count, but
        // each window's sums are folded into the result in window order.
        var raster = OverlayFixtures.Classes(190, 250, seed: 9);
        var zones = Zones(raster, 60, seed: 4);
        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.Stdev, ZonalStatistic.Frac, ZonalStatistic.Min]);
        var runs = new[] { 1, 2, 3, 2, 4 }.Select(w => ZonalStatistics.Compute(raster, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = w })).ToArray();
        for (var z = 0; z < zones.Count; z++)
        {
            var (count, sum, _) = PerPolygon(zones[z], raster);
            Assert.Equal(count, runs[0][z].Count, 1e-9 * Math.Max(1, count));
            Assert.Equal(sum, runs[0][z].Sum, 1e-9 * Math.Max(1, sum));
            foreach (var other in runs[1..])
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(runs[0][z].Count), BitConverter.DoubleToInt64Bits(other[z].Count));
                Assert.Equal(BitConverter.DoubleToInt64Bits(runs[0][z].Sum), BitConverter.DoubleToInt64Bits(other[z].Sum));
                Assert.Equal(BitConverter.DoubleToInt64Bits(runs[0][z].Stdev), BitConverter.DoubleToInt64Bits(other[z].Stdev));
                Assert.Equal(runs[0][z].Frac.Keys, other[z].Frac.Keys);
                Assert.Equal(runs[0][z].Frac.Values, other[z].Frac.Values);
            }
        }
    }

    [Fact]
    public void Per_worker_accumulators_get_every_covered_cell_once()
    {
        var raster = OverlayFixtures.Classes(190, 250, seed: 9);
        var zones = Zones(raster, 60, seed: 4);
        var workers = ZonalEngine.Run([raster], zones, CellAreaModel.Unknown, () => new CountAccumulator(zones.Count),
            new ZonalRunOptions { MaxDegreeOfParallelism = 3 });
        Assert.Equal(3, workers.Length);
        for (var z = 0; z < zones.Count; z++)
        {
            var (count, _, nodata) = PerPolygon(zones[z], raster);
            Assert.Equal(count + nodata, workers.Sum(w => w.Coverage[z]), 1e-9 * Math.Max(1, count));
        }
    }

    [Fact]
    public void A_failing_accumulator_stops_every_worker()
    {
        var raster = OverlayFixtures.Classes(190, 250, seed: 9);
        var zones = Zones(raster, 60, seed: 4);
        var e = Assert.ThrowsAny<Exception>(() => ZonalEngine.Run([raster], zones, CellAreaModel.Unknown,
            () => new CountAccumulator(zones.Count) { FailAfter = 50 }, new ZonalRunOptions { MaxDegreeOfParallelism = 2 }));
        Assert.Contains("enough", (e as AggregateException)?.InnerExceptions[0].Message ?? e.Message);
    }

    /// <summary>Σ coverage per zone, nodata included; no folding, so the engine keeps one per worker.</summary>
    private sealed class CountAccumulator(int zones) : IZoneAccumulator
    {
        private int _calls;

        public double[] Coverage { get; } = new double[zones];

        public int FailAfter { get; init; } = int.MaxValue;

        public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
            ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
        {
            Check();
            foreach (var c in coverage) Coverage[zone] += c;
        }

        public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
            ReadOnlySpan<double> cellAreas_m2)
        {
            Check();
            Coverage[zone] += values0.Length;
        }

        private void Check()
        {
            if (++_calls > FailAfter) throw new InvalidOperationException("enough");
        }
    }

    [Fact]
    public void Empty_degenerate_and_outside_zones_get_zeros_and_warnings()
    {
        var raster = OverlayFixtures.Classes(20, 20, seed: 1);
        var f = OverlayFixtures.Factory;
        var zones = new List<Geometry>
        {
            f.CreatePolygon(),
            f.CreateLineString([new Coordinate(1000, 4900), new Coordinate(1100, 4850)]),
            f.ToGeometry(new Envelope(0, 10, 0, 10)),
            f.ToGeometry(new Envelope(1000, 1200, 4800, 5000)),
        };
        var warnings = new List<ZonalWarning>();
        var stats = ZonalStatistics.Compute(raster, null, zones, new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum]),
            new ZonalRunOptions { Warning = warnings.Add });
        Assert.Equal([0, 1, 2], warnings.Select(w => w.Zone).Order());
        for (var z = 0; z < 3; z++)
        {
            Assert.Equal(0, stats[z].Count);
            Assert.Equal(0, stats[z].Sum);
        }

        Assert.True(stats[3].Count + stats[3].NodataCount == 400);
    }

    [Fact]
    public void Rasters_on_different_grids_are_rejected()
    {
        var a = OverlayFixtures.Classes(20, 20, seed: 1);
        var b = OverlayFixtures.Classes(20, 20, seed: 1, left: 1005);
        var e = Assert.Throws<InputException>(() =>
            ZonalEngine.Run([a, b], [], CellAreaModel.Unknown, () => new StatisticsAccumulator(0, null, null, new ZonalOptions([ZonalStatistic.Count]))));
        Assert.Contains("differs", e.Message);
    }
}
