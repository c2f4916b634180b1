using System.Numerics;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Demo;

/// <summary>Deterministic fractal value noise from integer lattice hashing: cheap enough for hundreds of millions of
/// cells, identical on every machine (integer hashing and float arithmetic only, no trigonometry, no RNG state).</summary>
public static class ValueNoise
{
    /// <summary>A lattice value in [0, 1) for integer point (x, y) under a seed.</summary>
    public static float Lattice(int x, int y, uint seed)
    {
        var h = seed ^ ((uint)x * 0x8DA6B343u) ^ ((uint)y * 0xD8163841u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        return (h >> 8) * (1f / 16777216f);
    }

    /// <summary>Smoothly interpolated value noise at (x, y) in lattice units, in [0, 1).</summary>
    public static float Sample(double x, double y, uint seed)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var ix = (int)fx;
        var iy = (int)fy;
        var tx = Smooth((float)(x - fx));
        var ty = Smooth((float)(y - fy));
        var a = Lattice(ix, iy, seed);
        var b = Lattice(ix + 1, iy, seed);
        var c = Lattice(ix, iy + 1, seed);
        var d = Lattice(ix + 1, iy + 1, seed);
        var top = a + (b - a) * tx;
        var bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> octaves (period halving, amplitude halving), in [0, 1).</summary>
    public static float Fractal(double x, double y, uint seed, int octaves)
    {
        float sum = 0, amplitude = 1, norm = 0;
        var scale = 1.0;
        for (var o = 0; o < octaves; o++)
        {
            sum += amplitude * Sample(x * scale, y * scale, seed + (uint)o * 0x9E3779B9u);
            norm += amplitude;
            amplitude *= 0.5f;
            scale *= 2;
        }

        return sum / norm;
    }

    /// <summary>Fills one grid row with fractal noise: cell (x0 + i) of row y has period <paramref name="period"/>
    /// cells for the first octave. Lattice corners are hashed once per lattice square the row crosses; the per-column
    /// position in the square comes from a table shared by every row, and the cells of a square are blended with SIMD
    /// (the same float operations in the same order as one cell at a time, so the values do not change).</summary>
    public static void FillRow(Span<float> destination, int x0, int y, double period, uint seed, int octaves)
    {
        destination.Clear();
        float amplitude = 1, norm = 0;
        var p = period;
        var n = destination.Length;
        for (var o = 0; o < octaves; o++)
        {
            var octaveSeed = seed + (uint)o * 0x9E3779B9u;
            var inv = 1.0 / p;
            var ly = (y + 0.5) * inv;
            var fy = Math.Floor(ly);
            var iy = (int)fy;
            var ty = Smooth((float)(ly - fy));
            var axis = NoiseAxis.For(p, x0 + n);
            var i = 0;
            while (i < n)
            {
                var c = x0 + i;
                var ix = axis.Cell[c];
                var end = Math.Min(axis.End[c] - x0, n);
                var a = Lattice(ix, iy, octaveSeed);
                var cc = Lattice(ix, iy + 1, octaveSeed);
                var b = Lattice(ix + 1, iy, octaveSeed);
                var d = Lattice(ix + 1, iy + 1, octaveSeed);
                var top0 = a + (cc - a) * ty;
                var top1 = b + (d - b) * ty;
                Blend(destination[i..end], axis.T.AsSpan(c, end - i), amplitude, top0, top1 - top0);
                i = end;
            }

            norm += amplitude;
            amplitude *= 0.5f;
            p *= 0.5;
        }

        var k = 1f / norm;
        var vk = new Vector<float>(k);
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (var v = 0; v < lanes.Length; v++) lanes[v] *= vk;
            j = lanes.Length * Vector<float>.Count;
        }

        for (; j < n; j++) destination[j] *= k;
    }

    /// <summary>destination[i] += amplitude · (top0 + delta · t[i]), evaluated exactly as the scalar expression.</summary>
    private static void Blend(Span<float> destination, ReadOnlySpan<float> t, float amplitude, float top0, float delta)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<float>.Count)
        {
            var va = new Vector<float>(amplitude);
            var v0 = new Vector<float>(top0);
            var vd = new Vector<float>(delta);
            for (; i + Vector<float>.Count <= destination.Length; i += Vector<float>.Count)
            {
                var slot = destination.Slice(i, Vector<float>.Count);
                var sum = new Vector<float>(slot) + va * (v0 + vd * new Vector<float>(t.Slice(i, Vector<float>.Count)));
                sum.CopyTo(slot);
            }
        }

        for (; i < destination.Length; i++) destination[i] += amplitude * (top0 + delta * t[i]);
    }

    internal static float Smooth(float t) => t * t * (3 - 2 * t);
}
