using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Zoning.Preparation;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Overlay;

public class ZonalStatisticsTests
{
    private static readonly GeometryFactory F = OverlayFixtures.Factory;

    [Fact]
    public void Geographic_area_uses_each_rows_ellipsoidal_cell_area()
    {
        // 0.01° cells in CGCS2000 over Jiangsu; the zone covers columns 3–8 wholly and rows 2–5 wholly, plus half of row 6.
        var grid = new RasterGrid(20, 20, GeoTransform.NorthUp(118.0, 32.2, 0.01, 0.01), CrsRegistry.FromEpsg(4490));
        var raster = new MemoryRaster(grid, Enumerable.Repeat(1.0, 400).ToArray());
        var zone = F.ToGeometry(new Envelope(118.03, 118.09, 32.2 - 0.065, 32.2 - 0.02));
        var stats = ZonalStatistics.Compute(raster, null, [zone], new ZonalOptions([ZonalStatistic.Area, ZonalStatistic.Count]));

        var expected = 0.0;
        for (var row = 2; row < 6; row++) expected += 6 * ClosedFormArea.Box_m2(32.2 - row * 0.01, 32.2 - (row + 1) * 0.01, 0.01);
        expected += 6 * ClosedFormArea.Box_m2(32.2 - 0.06, 32.2 - 0.065, 0.01);
        Assert.Equal(27, stats[0].Count, 9);
        Assert.Equal(expected, stats[0].Area_m2, expected * 1e-4);

        // Half a row is half the row's cell area to within the row's curvature (~1e-5 here), so check rows exactly too:
        var exactRows = 0.0;
        for (var row = 2; row < 6; row++) exactRows += 6 * ClosedFormArea.Box_m2(32.2 - row * 0.01, 32.2 - (row + 1) * 0.01, 0.01);
        exactRows += 3 * ClosedFormArea.Box_m2(32.2 - 0.06, 32.2 - 0.07, 0.01);
        Assert.Equal(exactRows, stats[0].Area_m2, exactRows * 1e-12);
    }

    [Fact]
    public void Stdev_and_weighted_statistics_follow_their_definitions()
    {
        var grid = new RasterGrid(6, 5, GeoTransform.NorthUp(0, 50, 10, 10), null);
        var rng = new Random(4);
        var v = Enumerable.Range(0, 30).Select(_ => (double)(1 + rng.Next(4))).ToArray();
        var w = Enumerable.Range(0, 30).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        var values = new MemoryRaster(grid, v, noData: -1, blockWidth: 4, blockHeight: 2);
        var weights = new MemoryRaster(grid, w, blockWidth: 4, blockHeight: 2);
        var zone = OverlayFixtures.Star(new Random(9), 31, 24, 9, 22, 23, hole: true);
        var asked = new ZonalOptions([ZonalStatistic.Mean, ZonalStatistic.Stdev, ZonalStatistic.WeightedSum, ZonalStatistic.WeightedMean,
            ZonalStatistic.WeightedFrac, ZonalStatistic.Majority, ZonalStatistic.Min, ZonalStatistic.Max]);
        var s = ZonalStatistics.Compute(values, weights, [zone], asked, new ZonalRunOptions { MaxDegreeOfParallelism = 2 })[0];

        // Direct sums over the NTS-computed coverage of each cell.
        var c = OverlayFixtures.NtsCoverage(zone, grid);
        double sc = 0, scv = 0, scw = 0, scvw = 0;
        var byClass = new double[5];
        var classWeight = new double[5];
        for (var i = 0; i < 30; i++)
        {
            sc += c[i];
            scv += c[i] * v[i];
            scw += c[i] * w[i];
            scvw += c[i] * v[i] * w[i];
            byClass[(int)v[i]] += c[i];
            classWeight[(int)v[i]] += c[i] * w[i];
        }

        var mean = scv / sc;
        var variance = Enumerable.Range(0, 30).Sum(i => c[i] * (v[i] - mean) * (v[i] - mean)) / sc;
        Assert.Equal(mean, s.Mean, 1e-9);
        Assert.Equal(Math.Sqrt(variance), s.Stdev, 1e-9);
        Assert.Equal(scvw, s.WeightedSum, 1e-9);
        Assert.Equal(scvw / scw, s.WeightedMean, 1e-9);
        for (var k = 1; k <= 4; k++)
        {
            if (classWeight[k] > 0) Assert.Equal(classWeight[k] / scw, s.WeightedFrac[k], 1e-9);
        }

        Assert.Equal(Array.IndexOf(byClass, byClass.Max()), s.Majority);
        Assert.Equal(Enumerable.Range(0, 30).Where(i => c[i] > 0).Min(i => v[i]), s.Min);
        Assert.Equal(Enumerable.Range(0, 30).Where(i => c[i] > 0).Max(i => v[i]), s.Max);
    }

    [Fact]
    public void Nodata_is_excluded_and_counted_or_replaced_by_the_default()
    {
        var grid = new RasterGrid(4, 1, GeoTransform.NorthUp(0, 10, 10, 10), null);
        var raster = new MemoryRaster(grid, [5, -9, double.NaN, 7], noData: -9);

        // Covers cell 0 by 1/2, cells 1 and 2 wholly, cell 3 by 1/4.
        var zone = F.ToGeometry(new Envelope(5, 32.5, 0, 10));
        var plain = ZonalStatistics.Compute(raster, null, [zone], new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.NodataCount]))[0];
        Assert.Equal(0.75, plain.Count, 12);
        Assert.Equal(2.5 + 1.75, plain.Sum, 12);
        Assert.Equal(2, plain.NodataCount, 12);

        var filled = ZonalStatistics.Compute(raster, null, [zone], new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum], DefaultValue: 100))[0];
        Assert.Equal(2.75, filled.Count, 12);
        Assert.Equal(204.25, filled.Sum, 12);

        var thick = ZonalStatistics.Compute(raster, null, [zone], new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum], MinCoverage: 0.3))[0];
        Assert.Equal(0.5, thick.Count, 12);
        Assert.Equal(2.5, thick.Sum, 12);
    }

    [Fact]
    public void Zones_in_another_crs_are_densified_and_transformed()
    {
        // A 0.05° square in CGCS2000 geographic onto a 30 m grid in Gauss-Kruger CM 120E (EPSG:4549).
        var geographic = F.ToGeometry(new Envelope(119.50, 119.55, 32.00, 32.05));
        var gk = CrsRegistry.FromEpsg(4549);
        Geometry[] zones = [new ZoneReprojection(CrsRegistry.FromEpsg(4490), gk).Apply(geographic)];
        var e = zones[0].EnvelopeInternal;
        var grid = new RasterGrid(300, 300, GeoTransform.NorthUp(Math.Floor(e.MinX / 30) * 30 - 600, Math.Ceiling(e.MaxY / 30) * 30 + 600, 30, 30), gk);
        Assert.True(zones[0].NumPoints > 50, "edges are densified before transforming");

        var direct = new GeometryReprojector(CrsRegistry.FromEpsg(4490), gk).Transform(F.CreatePoint(new Coordinate(119.5, 32.0)));
        Assert.Equal(direct.Coordinate.X, zones[0].EnvelopeInternal.MinX, 1e-3);

        var cov = CoverageFraction.Compute(zones[0], grid);
        Assert.Equal(zones[0].Area, cov.TotalCoverage() * 900, zones[0].Area * 1e-9);

        // The ellipsoidal area of the quadrangle and its Gauss-Kruger image differ only by the projection's scale (< 0.1 %).
        var ellipsoidal = ClosedFormArea.Box_m2(32.00, 32.05, 0.05);
        Assert.Equal(ellipsoidal, zones[0].Area, ellipsoidal * 1e-3);
    }
}
