using ProjNet.CoordinateSystems;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>True areas of the cells of a north-up latitude-longitude grid: every cell of a row is the same
/// latitude-longitude quadrangle, whose area is closed-form (<see cref="AuthalicArea.Box_m2"/>).</summary>
public sealed class GeographicCellAreas : CellAreaModel
{
    private readonly double[] _rowArea_m2;

    /// <param name="grid">An axis-aligned grid in a geographic CRS.</param>
    public GeographicCellAreas(RasterGrid grid)
        : base(AreaMethod.Ellipsoidal)
    {
        var degrees = grid.Crs?.System is GeographicCoordinateSystem g ? g.AngularUnit.RadiansPerUnit * 180 / Math.PI : 1.0;
        var t = grid.Transform;
        _rowArea_m2 = new double[grid.Height];
        for (var r = 0; r < grid.Height; r++)
        {
            var top = (t.OriginY + r * t.PixelHeight) * degrees;
            var bottom = (t.OriginY + (r + 1) * t.PixelHeight) * degrees;
            _rowArea_m2[r] = AuthalicArea.Box_m2(top, bottom, Math.Abs(t.PixelWidth) * degrees);
        }
    }

    public override void RowAreas(int row, int col0, Span<double> areas_m2) => areas_m2.Fill(_rowArea_m2[row]);
}
