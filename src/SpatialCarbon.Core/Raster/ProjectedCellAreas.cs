using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>True areas of the cells of a projected (or rotated geographic) grid, where the area varies with x and y
/// (Gauss-Krüger, UTM, Web Mercator, Albers, ...). Exact on a coarse lattice of cells: each lattice cell's corners are
/// inverse-projected to longitude-latitude and its area taken in the equal-area map (λ, b²f(φ)) of
/// <see cref="AuthalicArea"/>; cells in between are interpolated bilinearly. Lattice rows are computed once, when
/// first needed, and kept.</summary>
/// <remarks>The area scale of these projections is smooth: with lattice nodes at most 2 km (and 64 cells) apart the
/// bilinear interpolation is exact to about 1e-8 relative (the second derivative of the scale is of order 1/R²).</remarks>
public sealed class ProjectedCellAreas : CellAreaModel
{
    /// <summary>Largest lattice spacing, in cells.</summary>
    public const int MaxStep = 64;

    /// <summary>Largest lattice spacing, in metres on the ground.</summary>
    public const double MaxSpacing_m = 2000;

    private static readonly CoordinateTransformationFactory Factory = new();

    private readonly RasterGrid _grid;
    private readonly string _raster;
    private readonly int[] _nodeCols;
    private readonly int[] _nodeRows;
    private readonly int[] _colNode;
    private readonly double[] _colWeight;
    private readonly Lazy<double[]>[] _lattice;
    private readonly double _degreesPerUnit;

    /// <param name="grid">A grid with a CRS.</param>
    /// <param name="raster">Names the raster in errors.</param>
    public ProjectedCellAreas(RasterGrid grid, string raster)
        : base(AreaMethod.Ellipsoidal)
    {
        var crs = grid.Crs ?? throw new ArgumentException("the grid has no CRS", nameof(grid));
        _grid = grid;
        _raster = raster;
        var cellSize_m = Math.Max(grid.CellWidth, grid.CellHeight)
            * (crs.System is GeographicCoordinateSystem g ? g.AngularUnit.RadiansPerUnit * AuthalicArea.SemiMajorAxis_m : crs.LinearUnitMetres);
        _degreesPerUnit = crs.System is GeographicCoordinateSystem gg ? gg.AngularUnit.RadiansPerUnit * 180 / Math.PI : 1.0;
        Step = double.IsFinite(cellSize_m) && cellSize_m > 0 ? (int)Math.Clamp(Math.Floor(MaxSpacing_m / cellSize_m), 1, MaxStep) : 1;
        _nodeCols = Nodes(grid.Width, Step);
        _nodeRows = Nodes(grid.Height, Step);
        (_colNode, _colWeight) = Weights(grid.Width, _nodeCols, Step);
        _lattice = new Lazy<double[]>[_nodeRows.Length];
        for (var j = 0; j < _lattice.Length; j++)
        {
            var row = _nodeRows[j];
            _lattice[j] = new Lazy<double[]>(() => LatticeRow(row), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>Lattice spacing in cells.</summary>
    public int Step { get; }

    public override void RowAreas(int row, int col0, Span<double> areas_m2)
    {
        if (areas_m2.IsEmpty) return;
        var j = Math.Min(row / Step, _nodeRows.Length - 2);
        var span = _nodeRows[j + 1] - _nodeRows[j];
        var u = span == 0 ? 0 : (row - _nodeRows[j]) / (double)span;
        var above = _lattice[j].Value;
        var below = _lattice[j + 1].Value;

        // The row's values at the lattice columns this segment needs, then a straight line between them.
        var i0 = _colNode[col0];
        var i1 = _colNode[col0 + areas_m2.Length - 1] + 1;
        Span<double> atNodes = i1 - i0 + 1 <= 256 ? stackalloc double[i1 - i0 + 1] : new double[i1 - i0 + 1];
        for (var i = i0; i <= i1; i++) atNodes[i - i0] = above[i] + u * (below[i] - above[i]);
        for (var k = 0; k < areas_m2.Length; k++)
        {
            var c = col0 + k;
            var i = _colNode[c] - i0;
            areas_m2[k] = atNodes[i] + _colWeight[c] * (atNodes[i + 1] - atNodes[i]);
        }
    }

    /// <summary>The exact area of one cell: its four corners in longitude-latitude, shoelace in (λ, b²f(φ)).</summary>
    private static double CellArea_m2(RasterGrid grid, MathTransform? toLonLat, double degreesPerUnit, int col, int row)
    {
        Span<double> lon = stackalloc double[4];
        Span<double> y = stackalloc double[4];
        ReadOnlySpan<(int C, int R)> corners = [(0, 0), (1, 0), (1, 1), (0, 1)];
        for (var k = 0; k < 4; k++)
        {
            var (x, yy) = grid.Transform.PixelToWorld(col + corners[k].C, row + corners[k].R);
            var (l, p) = toLonLat is null ? (x * degreesPerUnit, yy * degreesPerUnit) : toLonLat.Transform(x, yy);
            lon[k] = l * Math.PI / 180;
            y[k] = AuthalicArea.Y_m2(p);
        }

        var sum = 0.0;
        for (var k = 0; k < 4; k++)
        {
            var n = (k + 1) % 4;
            sum += (lon[k] - lon[n]) * (y[k] + y[n]);
        }

        return Math.Abs(sum / 2);
    }

    private double[] LatticeRow(int row)
    {
        var toLonLat = _grid.Crs!.System is ProjectedCoordinateSystem p
            ? Factory.CreateFromCoordinateSystems(p, p.GeographicCoordinateSystem).MathTransform
            : null;
        var areas = new double[_nodeCols.Length];
        for (var i = 0; i < areas.Length; i++)
        {
            areas[i] = CellArea_m2(_grid, toLonLat, _degreesPerUnit, _nodeCols[i], row);
            if (!double.IsFinite(areas[i]) || areas[i] <= 0)
                throw new InputException(_raster, null,
                    $"cell (column {_nodeCols[i]}, row {row}) cannot be placed on the ellipsoid: its {_grid.Crs.Label} coordinates are outside the projection's domain");
        }

        return areas;
    }

    /// <summary>Lattice positions 0, step, 2·step, ... and the last cell (listed twice for a one-cell axis, so that
    /// every cell lies between two nodes).</summary>
    private static int[] Nodes(int cells, int step)
    {
        var nodes = new List<int>();
        for (var k = 0; k < cells - 1; k += step) nodes.Add(k);
        nodes.Add(Math.Max(0, cells - 1));
        if (nodes.Count == 1) nodes.Add(nodes[0]);
        return [.. nodes];
    }

    private static (int[] Node, double[] Weight) Weights(int cells, int[] nodes, int step)
    {
        var node = new int[cells];
        var weight = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            var i = Math.Min(c / step, nodes.Length - 2);
            var span = nodes[i + 1] - nodes[i];
            node[c] = i;
            weight[c] = span == 0 ? 0 : (c - nodes[i]) / (double)span;
        }

        return (node, weight);
    }
}
