using System.Collections.Concurrent;

namespace SpatialCarbon.Demo;

/// <summary>Where each grid column falls on a noise lattice of one period: the lattice column, the smoothed position
/// in its square and the first column of the next square. It depends on the column only, not the row, so rows share
/// it instead of recomputing floor and smoothstep per cell and octave.</summary>
internal sealed class NoiseAxis
{
    private static readonly ConcurrentDictionary<double, NoiseAxis> Cache = new();

    private NoiseAxis(double period, int columns)
    {
        Cell = new int[columns];
        T = new float[columns];
        End = new int[columns];
        var inv = 1.0 / period;
        for (var c = 0; c < columns; c++)
        {
            var lx = (c + 0.5) * inv;
            var fx = Math.Floor(lx);
            Cell[c] = (int)fx;
            T[c] = ValueNoise.Smooth((float)(lx - fx));
        }

        for (var c = columns - 1; c >= 0; c--) End[c] = c + 1 < columns && Cell[c + 1] == Cell[c] ? End[c + 1] : c + 1;
    }

    public int[] Cell { get; }

    public float[] T { get; }

    public int[] End { get; }

    /// <summary>The axis of <paramref name="period"/> covering at least columns [0, columns).</summary>
    public static NoiseAxis For(double period, int columns)
    {
        if (Cache.TryGetValue(period, out var axis) && axis.Cell.Length >= columns) return axis;
        // Built a little wider than asked so that a wider request rarely rebuilds it; a race only builds it twice.
        axis = new NoiseAxis(period, Math.Max(columns, axis is null ? columns : axis.Cell.Length * 2));
        Cache[period] = axis;
        return axis;
    }
}
