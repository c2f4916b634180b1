using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Screening;

/// <summary>Land use under a footprint with exact coverage (the zonal engine's <see cref="CoverageFraction"/>): per
/// class, Σ coverage × cell area, scaled by the footprint's area by the request's method over its area in the raster's
/// own measure (the map scale is constant across a footprint to a few parts in a million), so that the classes add up
/// to the footprint's area where the raster covers it. Reads only the blocks under the footprint.</summary>
public static class LandUseUnderFootprint
{
    /// <summary>Most raster rows read at once (bounds memory for very large footprints).</summary>
    private const int BandRows = 256;

    public static LandUseYear Compute(LandUseRaster landUse, FootprintShape footprint, CarbonPoolTable? pools)
    {
        var raster = landUse.Raster;
        var grid = raster.Grid;
        var crs = grid.Crs ?? CrsRegistry.Cgcs2000;
        Geometry shape;
        double measured_m2;
        if (crs.Epsg == footprint.GkEpsg) shape = footprint.Gk;
        else if (crs.IsGeographic) shape = footprint.LonLat;
        else shape = new GeometryReprojector(CrsRegistry.Cgcs2000, crs).Transform(footprint.LonLat, FootprintShape.Densify_deg);
        measured_m2 = crs.IsGeographic ? GeometryArea.Ellipsoidal_m2(footprint.LonLat, crs) : shape.Area * crs.LinearUnitMetres * crs.LinearUnitMetres;
        var scale = measured_m2 > 0 ? footprint.Area_m2 / measured_m2 : 1;

        var coverage = CoverageFraction.Compute(shape, grid);
        var byCode = new SortedDictionary<int, double>();
        double nodata_m2 = 0;
        if (!coverage.IsEmpty)
        {
            var width = coverage.ColMax - coverage.ColMin + 1;
            var buffer = new double[width * Math.Min(BandRows, coverage.RowMax - coverage.RowMin + 1)];
            // The raster's own measure (map area, or true area for a geographic grid), rescaled below to the request's.
            var cellAreas = CellAreaModel.For(grid, crs.IsGeographic ? AreaMethod.Ellipsoidal : AreaMethod.Planar, landUse.Raster.Path);
            var rowAreas = new double[width];
            for (var row0 = coverage.RowMin; row0 <= coverage.RowMax; row0 += BandRows)
            {
                var rows = Math.Min(BandRows, coverage.RowMax - row0 + 1);
                var window = new RasterWindow(coverage.ColMin, row0, width, rows);
                raster.ReadWindow(1, window, buffer.AsSpan(0, width * rows));
                for (var r = row0; r < row0 + rows; r++)
                {
                    cellAreas.RowAreas(r, coverage.ColMin, rowAreas);
                    var offset = (r - row0) * width - coverage.ColMin;
                    foreach (var run in coverage.RowRuns(r))
                        for (var k = 0; k < run.Length; k++)
                        {
                            var f = run.IsFull ? 1.0 : coverage.Fractions[run.FractionOffset + k];
                            var v = buffer[offset + run.Col + k];
                            var a = f * rowAreas[run.Col - coverage.ColMin + k] * scale;
                            if (raster.NoData is { } nd && v == nd || double.IsNaN(v)) nodata_m2 += a;
                            else byCode[(int)v] = byCode.GetValueOrDefault((int)v) + a;
                        }
                }
            }
        }

        var classes = byCode.Select(kv => new LandUseClassArea(kv.Key, pools is not null && pools.Contains(kv.Key) ? pools[kv.Key].Name : null, kv.Value / 1e4)).ToArray();
        return new LandUseYear(landUse.Year, classes, nodata_m2 / 1e4);
    }

    /// <summary>Carbon under the footprint in <paramref name="year"/>'s land use, and the loss if all of it became
    /// <paramref name="builtCode"/> (CLCD 8, impervious).</summary>
    /// <exception cref="InputException">A class under the footprint, or the built class, is missing from the table.</exception>
    public static CarbonUnderFootprint Carbon(LandUseYear year, CarbonPoolTable pools, int builtCode = 8)
    {
        var missing = year.Classes.Select(c => c.Code).Append(builtCode).Where(c => !pools.Contains(c)).Distinct().ToArray();
        if (missing.Length > 0)
            throw new InputException(pools.Path, null, $"land-use code(s) {MessageList.Cut(missing)} missing from the carbon pool table");
        var stock = year.Classes.Sum(c => c.Area_ha * pools[c.Code].Total_mg_c_ha);
        var built = year.Classes.Sum(c => c.Area_ha) * pools[builtCode].Total_mg_c_ha;
        var loss = stock - built;
        return new CarbonUnderFootprint(year.Year, stock, loss, loss * 44.0 / 12.0);
    }
}
