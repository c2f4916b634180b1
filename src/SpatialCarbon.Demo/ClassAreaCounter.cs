using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>Counts a categorical raster's classes block by block (in parallel over block rows) and converts the
/// areas to hectares with each cell's area (true area on the ellipsoid unless planar is asked). The builder counts
/// the bands it synthesises with <see cref="CountBand"/> and <see cref="Combine"/> instead of reading its files back;
/// both paths add the same cells in the same order, so they give the same figures.</summary>
public static class ClassAreaCounter
{
    public static YearClassAreas Count(IRasterSource raster, int year, AreaMethod areaMethod = AreaMethod.Ellipsoidal)
    {
        var grid = raster.Grid;
        var cellAreas = CellAreaModel.For(grid, areaMethod, raster.Path);
        var bh = Math.Max(1, raster.BlockHeight);
        var bands = (grid.Height + bh - 1) / bh;
        var perBand = new double[bands][];
        var nodataPerBand = new long[bands];
        var nodataValue = raster.NoData;
        Parallel.For(0, bands, () => new double[grid.Width * (bh + 1)], (b, _, buffer) =>
        {
            // The band's values, then one row of cell areas after them.
            var areas = buffer.AsSpan(grid.Width * bh, grid.Width);
            var rows = Math.Min(bh, grid.Height - b * bh);
            raster.ReadWindow(1, new RasterWindow(0, b * bh, grid.Width, rows), buffer);
            perBand[b] = new double[256];
            nodataPerBand[b] = CountBand<double>(buffer.AsSpan(0, grid.Width * rows), grid.Width, b * bh, cellAreas, nodataValue, perBand[b], areas);
            return buffer;
        }, _ => { });
        return Combine(year, perBand, nodataPerBand.Sum());
    }

    /// <summary>Adds full-width rows from grid row <paramref name="row0"/> to <paramref name="hectares"/> (256 classes)
    /// and returns how many cells were nodata; <paramref name="areaRow"/> is scratch of one row.</summary>
    public static long CountBand<T>(ReadOnlySpan<T> values, int width, int row0, CellAreaModel cellAreas, double? noData,
        double[] hectares, Span<double> areaRow) where T : struct, System.Numerics.INumberBase<T>
    {
        long nodata = 0;
        var rows = values.Length / width;
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * width, width);
            cellAreas.RowAreas(row0 + r, 0, areaRow);
            for (var c = 0; c < row.Length; c++)
            {
                var v = double.CreateTruncating(row[c]);
                if (noData is double nd && v == nd) nodata++;
                else if (v >= 0 && v < 256) hectares[(int)v] += areaRow[c] / 10_000;
            }
        }

        return nodata;
    }

    /// <summary>As <see cref="CountBand"/> for the same rows of several byte rasters (the years of one band): each row's
    /// cell areas are computed and turned into hectares once for all of them, and every raster's classes are added in
    /// the same order as <see cref="CountBand"/>, so the sums are the same to the last bit.</summary>
    public static void CountBands(IReadOnlyList<byte[]> bands, int width, int rows, int row0, CellAreaModel cellAreas,
        byte noData, double[][] hectares, long[] nodata, Span<double> areaRow)
    {
        for (var r = 0; r < rows; r++)
        {
            cellAreas.RowAreas(row0 + r, 0, areaRow);
            for (var c = 0; c < width; c++) areaRow[c] /= 10_000;
            for (var b = 0; b < bands.Count; b++)
            {
                var row = bands[b].AsSpan(r * width, width);
                var sums = hectares[b];
                long empty = 0;
                for (var c = 0; c < row.Length; c++)
                {
                    var v = row[c];
                    if (v == noData) empty++;
                    else sums[v] += areaRow[c];
                }

                nodata[b] += empty;
            }
        }
    }

    /// <summary>Sums per-band counts in band order, so that the totals do not depend on thread timing.</summary>
    public static YearClassAreas Combine(int year, IEnumerable<double[]> perBand, long nodata)
    {
        var areas = new double[256];
        foreach (var local in perBand)
            for (var k = 0; k < 256; k++) areas[k] += local[k];
        var result = new SortedDictionary<int, double>();
        for (var k = 0; k < 256; k++) if (areas[k] > 0) result[k] = areas[k];
        return new YearClassAreas(year, result, nodata);
    }
}
