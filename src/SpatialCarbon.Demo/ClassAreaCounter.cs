using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>Counts a categorical raster's classes block by block (in parallel over block rows) and converts the
/// areas to hectares with each cell's area (true area on the ellipsoid unless planar is asked).</summary>
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
            var local = new double[256];
            long localNodata = 0;
            for (var r = 0; r < rows; r++)
            {
                var row = buffer.AsSpan(r * grid.Width, grid.Width);
                cellAreas.RowAreas(b * bh + r, 0, areas);
                for (var c = 0; c < row.Length; c++)
                {
                    var v = row[c];
                    if (nodataValue is double nd && v == nd) localNodata++;
                    else if (v >= 0 && v < 256) local[(int)v] += areas[c] / 10_000;
                }
            }

            perBand[b] = local;
            nodataPerBand[b] = localNodata;

            return buffer;
        }, _ => { });
        // Summed in band order so that the totals do not depend on thread timing.
        var areas = new double[256];
        foreach (var local in perBand)
            for (var k = 0; k < 256; k++) areas[k] += local[k];
        var nodata = nodataPerBand.Sum();
        var result = new SortedDictionary<int, double>();
        for (var k = 0; k < 256; k++) if (areas[k] > 0) result[k] = areas[k];
        return new YearClassAreas(year, result, nodata);
    }
}
