using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class MonteCarloTests
{
    // Standard normal density and distribution function, written out here (Φ by Simpson's rule on φ) so the expected
    // values do not come from the library the sampler uses.
    private static double Phi(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    private static double BigPhi(double x)
    {
        // Φ(x) = ½ + ∫₀ˣ φ(t) dt; 2,000 Simpson intervals give ~1e-15 for |x| ≤ 5.
        const int n = 2000;
        var h = x / n;
        var s = Phi(0) + Phi(x);
        for (var i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * Phi(i * h);
        return 0.5 + s * h / 3;
    }

    [Fact]
    public void DrawsFollowTheNormalTruncatedAtZeroNotAClamp()
    {
        // One class, one uncertain pool: μ = 1, σ = 2 Mg C/ha, so α = (0 − μ)/σ = −0.5 and a clamp would put
        // Φ(−0.5) ≈ 31 % of the draws on exactly 0.
        const double mu = 1, sigma = 2;
        var pools = CarbonPoolTable.Parse($"lucode,c_above,c_below,c_soil,c_dead,c_above_sd\n1,{mu},0,0,0,{sigma}\n");
        const int n = 200_000;
        var rng = new Random(17);
        var draws = new double[n];
        for (var i = 0; i < n; i++) draws[i] = MonteCarlo.SampleDensities(pools, rng)[0];

        var alpha = (0 - mu) / sigma;
        var lambda = Phi(alpha) / (1 - BigPhi(alpha));
        // Mean of N(μ, σ²) truncated to [0, ∞): μ + σ·φ(α)/(1 − Φ(α)) = 1 + 2·0.35207/0.69146 = 2.01832.
        var mean = mu + sigma * lambda;
        // Its variance σ²·[1 + αλ − λ²] gives the standard error of the mean of n draws; 4 standard errors leave a
        // false failure about once in 16,000 runs (the seed is fixed, so in practice never).
        var variance = sigma * sigma * (1 + alpha * lambda - lambda * lambda);
        var se = Math.Sqrt(variance / n);
        Assert.InRange(mean, 2.0183, 2.0184);
        Assert.InRange(draws.Average(), mean - 4 * se, mean + 4 * se);
        Assert.All(draws, d => Assert.True(d > 0, $"draw {d} is not above 0"));
        Assert.Equal(0, draws.Count(d => d == 0));

        // The median solves Φ((m − μ)/σ) = (1 + Φ(α))/2; bisection on the hand-written Φ.
        var target = (1 + BigPhi(alpha)) / 2;
        double lo = alpha, hi = 6;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (BigPhi(mid) < target) lo = mid;
            else hi = mid;
        }

        var median = mu + sigma * lo;
        // Standard error of a sample median: √(¼/n) / f(m), with f the truncated density φ((m − μ)/σ)/(σ(1 − Φ(α))).
        var f = Phi(lo) / (sigma * (1 - BigPhi(alpha)));
        var seMedian = Math.Sqrt(0.25 / n) / f;
        Array.Sort(draws);
        Assert.InRange(MonteCarlo.Percentile(draws, 50), median - 4 * seMedian, median + 4 * seMedian);
        Assert.Equal(mean, new TruncatedNormal(mu, sigma).TruncatedMean, 9);
    }

    [Fact]
    public void PercentilesInterpolateLinearlyBetweenOrderStatistics()
    {
        // numpy.percentile([1, 2, 3, 4], q): position h = (n − 1)·q/100, value x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
        double[] x = [1, 2, 3, 4];
        Assert.Equal(1.15, MonteCarlo.Percentile(x, 5), 12);
        Assert.Equal(2.5, MonteCarlo.Percentile(x, 50), 12);
        Assert.Equal(3.85, MonteCarlo.Percentile(x, 95), 12);
        Assert.Equal(1, MonteCarlo.Percentile(x, 0), 12);
        Assert.Equal(4, MonteCarlo.Percentile(x, 100), 12);
        Assert.Equal(7, MonteCarlo.Percentile([7], 95), 12);
    }

    [Fact]
    public void NoSdMeansNoSpread()
    {
        var pools = CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead,c_above_sd\n1,10,2,50,0,0\n");
        var rng = new Random(1);
        for (var i = 0; i < 10; i++) Assert.Equal(62, MonteCarlo.SampleDensities(pools, rng)[0]);
    }
}
