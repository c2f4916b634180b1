using MathNet.Numerics.Distributions;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A normal distribution N(μ, σ²) truncated to [0, ∞), sampled by inversion: u uniform on (Φ(α), 1) with
/// α = −μ/σ, draw μ + σ·Φ⁻¹(u). Unlike clamping at zero it puts no mass on 0; its mean is μ + σ·φ(α)/(1 − Φ(α)),
/// slightly above μ. Densities are never negative (the pool table refuses them), so α ≤ 0 and Φ(α) ≤ ½: inversion
/// stays in the accurate part of Φ⁻¹.</summary>
public readonly record struct TruncatedNormal(double Mean, double Sd)
{
    /// <summary>One draw (a constant <see cref="Mean"/> when <see cref="Sd"/> is 0).</summary>
    public double Sample(Random rng)
    {
        if (Sd <= 0) return Mean;
        var lower = Normal.CDF(0, 1, -Mean / Sd);
        // Rounding can carry u to 1, where Φ⁻¹ is infinite: keep it one step below.
        var u = Math.Min(lower + (1 - lower) * rng.NextDouble(), Math.BitDecrement(1.0));
        return Math.Max(0, Mean + Sd * Normal.InvCDF(0, 1, u));
    }

    /// <summary>The mean of the truncated distribution, μ + σ·φ(α)/(1 − Φ(α)).</summary>
    public double TruncatedMean
    {
        get
        {
            if (Sd <= 0) return Mean;
            var alpha = -Mean / Sd;
            return Mean + Sd * Normal.PDF(0, 1, alpha) / (1 - Normal.CDF(0, 1, alpha));
        }
    }
}
