using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>The cell's map area in its projected CRS (InVEST's and exactextract's convention): the same for every cell.</summary>
public sealed class PlanarCellAreas : CellAreaModel
{
    /// <param name="grid">A grid in a projected CRS.</param>
    /// <param name="unitMetres">Metres per linear unit of the CRS.</param>
    public PlanarCellAreas(RasterGrid grid, double unitMetres)
        : base(AreaMethod.Planar)
    {
        var t = grid.Transform;
        CellArea_m2 = Math.Abs(t.PixelWidth * t.PixelHeight - t.RowRotation * t.ColumnRotation) * unitMetres * unitMetres;
    }

    /// <summary>Map area of one cell in m².</summary>
    public double CellArea_m2 { get; }

    public override void RowAreas(int row, int col0, Span<double> areas_m2) => areas_m2.Fill(CellArea_m2);
}
