using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>The area in m² of each cell of one raster grid, measured with one <see cref="AreaMethod"/>: the cell's map
/// area (planar), or its true area on the ellipsoid (per row for geographic grids, interpolated from an exact lattice
/// for projected ones). Thread-safe; a cell's area never depends on the segment it is asked in, so sums stay
/// bit-identical however the grid is cut into windows.</summary>
public abstract class CellAreaModel
{
    private protected CellAreaModel(AreaMethod method) => Method = method;

    /// <summary>How the areas are measured, as outputs record it.</summary>
    public AreaMethod Method { get; }

    /// <summary>Writes the areas (m²) of the cells <paramref name="col0"/> .. <paramref name="col0"/> +
    /// <paramref name="areas_m2"/>.Length − 1 of <paramref name="row"/>.</summary>
    public abstract void RowAreas(int row, int col0, Span<double> areas_m2);

    /// <summary>The model for <paramref name="grid"/>: planar needs a projected CRS with a linear unit in metres; the
    /// ellipsoidal method works for any CRS. <paramref name="raster"/> names the raster in errors.</summary>
    /// <exception cref="InputException">The grid has no CRS (areas in unknown units are never given as m²), or planar
    /// areas are asked of a geographic CRS (they would be in degrees²).</exception>
    public static CellAreaModel For(RasterGrid grid, AreaMethod method, string raster)
    {
        var crs = grid.Crs ?? throw new InputException(raster, null,
            "the raster has no CRS, so its cell areas in m² are unknown; areas and carbon need its CRS");
        if (method == AreaMethod.Planar)
        {
            if (crs.IsGeographic)
                throw new InputException(raster, null,
                    $"planar cell areas need a projected CRS, but {crs.Label} is geographic (its map areas would be in degrees²); measure on the ellipsoid instead");
            if (!(crs.LinearUnitMetres > 0) || !double.IsFinite(crs.LinearUnitMetres))
                throw new InputException(raster, null, $"{crs.Label} has no linear unit in metres, so its planar cell areas are unknown");
            return new PlanarCellAreas(grid, crs.LinearUnitMetres);
        }

        return crs.IsGeographic && grid.Transform.IsAxisAligned
            ? new GeographicCellAreas(grid)
            : new ProjectedCellAreas(grid, raster);
    }

    /// <summary>Areas nobody asked for, of a raster without a CRS: NaN, so that they can never pass as m².</summary>
    public static CellAreaModel Unknown { get; } = new UnknownCellAreas();

    private sealed class UnknownCellAreas() : CellAreaModel(AreaMethod.Ellipsoidal)
    {
        public override void RowAreas(int row, int col0, Span<double> areas_m2) => areas_m2.Fill(double.NaN);
    }
}
