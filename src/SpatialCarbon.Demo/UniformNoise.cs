namespace SpatialCarbon.Demo;

/// <summary>Maps fractal value noise to a uniform [0, 1) variable through its empirical distribution, so that
/// "cell is class k when u &lt; p" gives class k a share p while keeping the noise's spatial clustering.</summary>
public sealed class UniformNoise
{
    private const int Bins = 4096;
    private readonly float[] _cdf = new float[Bins + 1];

    private UniformNoise(int octaves)
    {
        Octaves = octaves;
        // The distribution of value noise does not depend on the period, so one table per octave count suffices.
        var counts = new int[Bins];
        var total = 0;
        for (var y = 0; y < 400; y++)
        {
            for (var x = 0; x < 400; x++)
            {
                var v = ValueNoise.Fractal(x * 0.173 + 0.05, y * 0.191 + 0.07, 12345u, octaves);
                counts[Math.Min(Bins - 1, (int)(v * Bins))]++;
                total++;
            }
        }

        var cumulative = 0;
        for (var i = 0; i < Bins; i++)
        {
            _cdf[i] = (float)cumulative / total;
            cumulative += counts[i];
        }

        _cdf[Bins] = 1f;
    }

    public int Octaves { get; }

    private static readonly UniformNoise[] Tables = [.. Enumerable.Range(1, 4).Select(o => new UniformNoise(o))];

    /// <summary>The table for 1 to 4 octaves.</summary>
    public static UniformNoise For(int octaves) => Tables[octaves - 1];

    /// <summary>Uniform value of a raw noise value in [0, 1).</summary>
    public float ToUniform(float v)
    {
        var x = v * Bins;
        var i = (int)x;
        if (i < 0) return 0;
        if (i >= Bins) return 1;
        var t = x - i;
        return _cdf[i] + (_cdf[i + 1] - _cdf[i]) * t;
    }

    /// <summary>Fills a row with uniformised fractal noise (see <see cref="ValueNoise.FillRow"/>).</summary>
    public void FillRow(Span<float> destination, int x0, int y, double period, uint seed)
    {
        ValueNoise.FillRow(destination, x0, y, period, seed, Octaves);
        for (var i = 0; i < destination.Length; i++) destination[i] = ToUniform(destination[i]);
    }
}
