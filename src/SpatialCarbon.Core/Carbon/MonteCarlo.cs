using MathNet.Numerics.Statistics;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Seedable sampling of class densities from the pool table's <c>*_sd</c> columns: each pool an independent
/// <see cref="TruncatedNormal"/> (normal truncated at 0, not clamped), one draw per class and iteration shared by every
/// cell of the class; percentiles through MathNet.Numerics.</summary>
public static class MonteCarlo
{
    /// <summary>Total density of each class (in the table's class order), Mg C/ha, for one iteration.</summary>
    public static double[] SampleDensities(CarbonPoolTable pools, Random rng)
    {
        var d = new double[pools.Pools.Count];
        for (var i = 0; i < d.Length; i++)
        {
            var p = pools.Pools[i];
            d[i] = new TruncatedNormal(p.Above_mg_c_ha, p.AboveSd_mg_c_ha).Sample(rng)
                + new TruncatedNormal(p.Below_mg_c_ha, p.BelowSd_mg_c_ha).Sample(rng)
                + new TruncatedNormal(p.Soil_mg_c_ha, p.SoilSd_mg_c_ha).Sample(rng)
                + new TruncatedNormal(p.Dead_mg_c_ha, p.DeadSd_mg_c_ha).Sample(rng);
        }

        return d;
    }

    /// <summary>P5/P50/P95 of the stock change (Mg C) of a transition matrix when class densities are drawn from the
    /// table's standard deviations: the areas are exact, only the densities vary.</summary>
    public static (double P5, double P50, double P95) ChangeInterval(TransitionMatrix m, CarbonPoolTable pools, int iterations = 1000, int seed = 1)
    {
        var rng = new Random(seed);
        var draws = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var d = SampleDensities(pools, rng);
            draws[i] = m.AlternateStock_mg_c(d) - m.BaselineStock_mg_c(d);
        }

        Array.Sort(draws);
        return (Percentile(draws, 5), Percentile(draws, 50), Percentile(draws, 95));
    }

    /// <summary>Percentile (0–100) of sorted data with linear interpolation between order statistics (Hyndman–Fan
    /// type 7, numpy's default).</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, percent / 100.0, QuantileDefinition.R7);
}
