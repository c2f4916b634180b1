using System.Numerics;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>A smooth field sampled every <see cref="Step"/> cells of a fine grid and read back by bilinear
/// interpolation: the expensive, large-scale parts of the land-use model (distance to cities, hills) are evaluated on
/// about 1/256 of the cells.</summary>
public sealed class CoarseField
{
    private readonly float[] _values;

    private CoarseField(int step, int columns, int rows, float[] values)
    {
        Step = step;
        Columns = columns;
        Rows = rows;
        _values = values;
    }

    public int Step { get; }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Evaluates <paramref name="f"/>(x, y) in world coordinates at every node (node (i, j) sits on the centre
    /// of fine cell (i·step, j·step)), in parallel.</summary>
    public static CoarseField Evaluate(RasterGrid grid, int step, Func<double, double, float> f)
    {
        var columns = grid.Width / step + 2;
        var rows = grid.Height / step + 2;
        var values = new float[columns * rows];
        Parallel.For(0, rows, j =>
        {
            for (var i = 0; i < columns; i++)
            {
                var (x, y) = grid.Transform.PixelToWorld(i * step + 0.5, j * step + 0.5);
                values[j * columns + i] = f(x, y);
            }
        });
        return new CoarseField(step, columns, rows, values);
    }

    /// <summary>As <see cref="Evaluate"/> for several fields that share work at each node: <paramref name="f"/> fills
    /// one value per field.</summary>
    public static CoarseField[] EvaluateMany(RasterGrid grid, int step, int count, NodeValues f)
    {
        var columns = grid.Width / step + 2;
        var rows = grid.Height / step + 2;
        var values = new float[count][];
        for (var k = 0; k < count; k++) values[k] = new float[columns * rows];
        Parallel.For(0, rows, j =>
        {
            Span<float> node = stackalloc float[count];
            for (var i = 0; i < columns; i++)
            {
                var (x, y) = grid.Transform.PixelToWorld(i * step + 0.5, j * step + 0.5);
                f(x, y, node);
                for (var k = 0; k < count; k++) values[k][j * columns + i] = node[k];
            }
        });
        return [.. values.Select(v => new CoarseField(step, columns, rows, v))];
    }

    /// <summary>Fills the values of several fields at world point (x, y).</summary>
    public delegate void NodeValues(double x, double y, Span<float> values);

    public float Node(int i, int j) => _values[j * Columns + i];

    /// <summary>Bilinear values for fine row <paramref name="row"/>, columns col0 .. col0 + destination.Length. Each
    /// node column is interpolated down once per row, then the cells between two nodes are blended with SIMD (the same
    /// float operations as one cell at a time).</summary>
    public void InterpolateRow(int row, int col0, Span<float> destination)
    {
        var gy = (double)row / Step;
        var j = Math.Min((int)gy, Rows - 2);
        var ty = (float)(gy - j);
        var r0 = _values.AsSpan(j * Columns, Columns);
        var r1 = _values.AsSpan((j + 1) * Columns, Columns);
        var inv = 1f / Step;
        var c = 0;
        while (c < destination.Length)
        {
            var col = col0 + c;
            var i = Math.Min(col / Step, Columns - 2);
            var a = r0[i] + (r1[i] - r0[i]) * ty;
            var b = r0[i + 1] + (r1[i + 1] - r0[i + 1]) * ty;
            var end = i == Columns - 2 ? destination.Length : Math.Min(destination.Length, (i + 1) * Step - col0);
            var d = b - a;
            var k = 0;
            var span = destination[c..end];
            if (Vector.IsHardwareAccelerated && span.Length >= Vector<float>.Count)
            {
                var va = new Vector<float>(a);
                var vd = new Vector<float>(d);
                var vinv = new Vector<float>(inv);
                var first = col - i * Step;
                var offsets = Offsets;
                for (; k + Vector<float>.Count <= span.Length; k += Vector<float>.Count)
                {
                    var tx = Vector.ConvertToSingle(new Vector<int>(first + k) + offsets) * vinv;
                    (va + vd * tx).CopyTo(span.Slice(k, Vector<float>.Count));
                }
            }

            for (; k < span.Length; k++) span[k] = a + d * ((col + k - i * Step) * inv);
            c = end;
        }
    }

    private static readonly Vector<int> Offsets = CreateOffsets();

    private static Vector<int> CreateOffsets()
    {
        var o = new int[Vector<int>.Count];
        for (var k = 0; k < o.Length; k++) o[k] = k;
        return new Vector<int>(o);
    }
}
