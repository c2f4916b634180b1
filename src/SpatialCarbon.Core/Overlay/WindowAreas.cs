using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>One worker's cell areas for the window it is working on: each row is filled from the
/// <see cref="CellAreaModel"/> the first time a zone needs it, and reused by every other zone in that window.</summary>
internal sealed class WindowAreas(CellAreaModel model, BlockPlan plan)
{
    private readonly double[] _areas = ReferenceEquals(model, CellAreaModel.Unknown) ? [] : new double[plan.WindowCells];
    private readonly bool[] _filled = new bool[plan.WindowHeight];
    private readonly bool _unknown = ReferenceEquals(model, CellAreaModel.Unknown);
    private readonly double[] _nan = ReferenceEquals(model, CellAreaModel.Unknown) ? NaNs(plan.WindowWidth) : [];
    private RasterWindow _window;

    /// <summary>Unknown areas are NaN everywhere: one row of them serves every row, with no per-row fill.</summary>
    private static double[] NaNs(int n)
    {
        var row = new double[n];
        Array.Fill(row, double.NaN);
        return row;
    }

    /// <summary>Starts a new window: no row filled yet.</summary>
    public void Reset(RasterWindow window)
    {
        _window = window;
        if (_unknown) return;
        Array.Clear(_filled, 0, window.Height);
    }

    /// <summary>Areas (m²) of the window's cells in raster row <paramref name="row"/>, from the window's first column.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        if (_unknown) return _nan.AsSpan(0, _window.Width);
        var r = row - _window.Y;
        var span = _areas.AsSpan(r * _window.Width, _window.Width);
        if (!_filled[r])
        {
            model.RowAreas(row, _window.X, span);
            _filled[r] = true;
        }

        return span;
    }
}
