using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Carbon;

public class CarbonBalanceTests
{
    private static readonly CarbonPoolTable Pools = CarbonPoolTable.Parse(CarbonFixtures.Pools);

    [Fact]
    public void StockOfTinyRasterMatchesHandTotal()
    {
        // 3x2 cells of 0.09 ha: classes 1,1,2 / 5,0(nodata),2 → 0.09·(62+62+205+0+205) = 48.06 Mg C.
        var grid = CarbonFixtures.Projected(3, 2);
        var map = new ArrayBlockSink(3, 2);
        var t = CarbonBalance.Stock(CarbonFixtures.Raster(grid, [1, 1, 2, 5, 0, 2]), Pools, map, CarbonFixtures.Planar);
        Assert.Equal(48.06, t.Baseline_mg_c, 9);
        Assert.Equal(1, t.NodataPixels);
        Assert.Equal(5, t.ValidPixels);
        Assert.Equal(0.45, t.ValidArea_ha, 12);
        Assert.Equal(205f, map[2, 0]);
        Assert.True(float.IsNaN(map[1, 1]));
    }

    [Fact]
    public void ChangeTotalsMatrixAndMapsMatchHandComputation()
    {
        // baseline 1 1 2 2 / alternate 2 1 1 5: changes +143, 0, −143, −205 Mg C/ha on 0.09 ha each.
        var grid = CarbonFixtures.Projected(2, 2);
        var change = new ArrayBlockSink(2, 2);
        var t = CarbonBalance.Change(CarbonFixtures.Raster(grid, [1, 1, 2, 2]), CarbonFixtures.Raster(grid, [2, 1, 1, 5]),
            Pools, new CarbonMaps(Change: change), CarbonFixtures.Planar with { TileSize = 1 });
        Assert.Equal(0.09 * (62 + 62 + 205 + 205), t.Baseline_mg_c, 9);
        Assert.Equal(0.09 * (205 + 62 + 62 + 0), t.Alternate_mg_c, 9);
        Assert.Equal(0.09 * -205, t.Change_mg_c, 9);
        Assert.Equal(0.09 * -205 * 44 / 12, t.Change_mg_co2e, 9);
        Assert.Equal([143f, 0f, -143f, -205f], change.Values);

        var entries = t.Transitions.Entries(Pools.Density_mg_c_ha).ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal(t.ValidArea_ha, entries.Sum(e => e.Area_ha), 12);
        Assert.Equal(t.Change_mg_c, entries.Sum(e => e.Change_mg_c), 9);
        var forestToWater = entries.Single(e => e.FromCode == 2 && e.ToCode == 5);
        Assert.Equal(0.09, forestToWater.Area_ha, 12);
        Assert.Equal(-18.45, forestToWater.Change_mg_c, 9);
    }

    [Fact]
    public void NodataInEitherRasterIsExcludedAndCounted()
    {
        var grid = CarbonFixtures.Projected(4, 1);
        double[] a = [1, 255, 2, 1];
        double[] b = [2, 2, 0, 1];
        var t = CarbonBalance.Change(CarbonFixtures.Raster(grid, a, 255), CarbonFixtures.Raster(grid, b, 0), Pools, options: CarbonFixtures.Planar);
        Assert.Equal(2, t.NodataPixels);
        Assert.Equal(2, t.ValidPixels);
        Assert.Equal(0.09 * 143, t.Change_mg_c, 9);
    }

    [Fact]
    public void MissingCodesAreListedInOneError()
    {
        var grid = CarbonFixtures.Projected(5, 1);
        var e = Assert.Throws<InputException>(() => CarbonBalance.Change(
            CarbonFixtures.Raster(grid, [1, 7, 3, 2, 7], path: "lulc2010.tif"),
            CarbonFixtures.Raster(grid, [1, 9, 2, 2, 2], path: "lulc2020.tif"), Pools));
        Assert.Equal("pools.csv: 3 land-use codes found in lulc2010.tif and lulc2020.tif missing from the table: 3, 7, 9", e.Message);
    }

    [Fact]
    public void RealChangeEqualToAWouldBeNodataValueSurvives()
    {
        // InVEST's change raster used −1 as nodata, so a real change of exactly −1 Mg C/ha disappeared. Ours is NaN.
        var pools = CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead\n1,10,0,0,0\n2,9,0,0,0\n3,0,0,0,0\n");
        var grid = CarbonFixtures.Projected(2, 1);
        var change = new ArrayBlockSink(2, 1);
        var t = CarbonBalance.Change(CarbonFixtures.Raster(grid, [1, 1], noData: -1), CarbonFixtures.Raster(grid, [2, 1], noData: -1),
            pools, new CarbonMaps(Change: change), CarbonFixtures.Planar);
        Assert.Equal(-1f, change[0, 0]);
        Assert.Equal(0f, change[1, 0]);
        Assert.Equal(0, t.NodataPixels);
        Assert.Equal(-0.09, t.Change_mg_c, 12);
        Assert.True(float.IsNaN(CarbonMaps.NoData));
    }

    [Fact]
    public void GeographicCellsUseEllipsoidAreaPerRow()
    {
        // Two rows of 0.01° cells at 32°N; each row's area from the authalic formula, not degrees squared.
        var grid = new RasterGrid(2, 2, GeoTransform.NorthUp(119.0, 32.02, 0.01, 0.01), CrsRegistry.FromEpsg(4490));
        var t = CarbonBalance.Stock(CarbonFixtures.Raster(grid, [2, 2, 1, 5]), Pools);
        var row0 = Support.ClosedFormArea.Box_m2(32.02, 32.01, 0.01) / 1e4;
        var row1 = Support.ClosedFormArea.Box_m2(32.01, 32.00, 0.01) / 1e4;
        Assert.Equal(2 * 205 * row0 + 62 * row1, t.Baseline_mg_c, 6);
        // Sanity on the formula itself: a 0.01° cell at 32°N is about 1.11 km × 0.945 km.
        Assert.InRange(row0, 104.0, 105.5);
        Assert.NotEqual(row0, row1);
    }

    [Fact]
    public void DifferentGridsAreAnErrorNamingBothFilesOrAlignedNearestNeighbour()
    {
        var a = CarbonFixtures.Raster(CarbonFixtures.Projected(2, 2), [1, 1, 2, 2], path: "a.tif");
        // 15 m cells shifted 1 m west and north: each 30 m cell centre falls in fine cell (1,1), (3,1), (1,3) or (3,3).
        var fine = new RasterGrid(4, 4, GeoTransform.NorthUp(399_999, 3_500_001, 15, 15), CrsRegistry.FromEpsg(4549));
        var b = CarbonFixtures.Raster(fine, [9, 9, 9, 9, 9, 2, 9, 2, 9, 9, 9, 9, 9, 1, 9, 5], path: "b.tif");
        var e = Assert.Throws<GridMismatchException>(() => CarbonBalance.Change(a, b, Pools));
        Assert.StartsWith("b.tif: grid differs from a.tif", e.Message);
        // Core names the remedy in domain words; the CLI adds its flag (CarbonCommandTests.DifferentGridsNeedAlign).
        Assert.Contains("aligned", e.Message);
        Assert.DoesNotContain("--", e.Message);

        var aligned = new NearestNeighbourRaster(b, a.Grid, a.Path);
        var t = CarbonBalance.Change(a, aligned, Pools, options: CarbonFixtures.Planar);
        Assert.Equal(0.09 * (205 + 205 + 62 + 0), t.Alternate_mg_c, 9);
    }

    [Fact]
    public void ParallelRunOverManyBlocksEqualsSerialSum()
    {
        var grid = CarbonFixtures.Projected(300, 200);
        var rng = new Random(7);
        var a = Enumerable.Range(0, 60_000).Select(_ => (double)new[] { 1, 2, 5, 0 }[rng.Next(4)]).ToArray();
        var b = Enumerable.Range(0, 60_000).Select(_ => (double)new[] { 1, 2, 5, 0 }[rng.Next(4)]).ToArray();
        var t = CarbonBalance.Change(CarbonFixtures.Raster(grid, a, block: 64), CarbonFixtures.Raster(grid, b, block: 64), Pools,
            options: CarbonFixtures.Planar with { MaxDegreeOfParallelism = 2, TileSize = 64 });
        double D(double c) => c switch { 1 => 62, 2 => 205, _ => 0 };
        double expected = 0;
        long nodata = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == 0 || b[i] == 0) { nodata++; continue; }
            expected += 0.09 * (D(b[i]) - D(a[i]));
        }

        Assert.Equal(nodata, t.NodataPixels);
        Assert.Equal(expected, t.Change_mg_c, 6);
        Assert.Equal(60_000 - nodata, t.ValidPixels);
    }
}
