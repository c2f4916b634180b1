namespace SpatialCarbon.Core.Carbon;

/// <summary>Seedable sampling of class densities from the pool table's <c>*_sd</c> columns (each pool normal,
/// independent, truncated at 0; one draw per class and iteration, shared by every cell of the class), and percentiles.</summary>
public static class MonteCarlo
{
    /// <summary>Total density of each class (in the table's class order), Mg C/ha, for one iteration.</summary>
    public static double[] SampleDensities(CarbonPoolTable pools, Random rng)
    {
        var d = new double[pools.Pools.Count];
        for (var i = 0; i < d.Length; i++)
        {
            var p = pools.Pools[i];
            d[i] = Draw(p.Above_mg_c_ha, p.AboveSd_mg_c_ha, rng) + Draw(p.Below_mg_c_ha, p.BelowSd_mg_c_ha, rng)
                + Draw(p.Soil_mg_c_ha, p.SoilSd_mg_c_ha, rng) + Draw(p.Dead_mg_c_ha, p.DeadSd_mg_c_ha, rng);
        }

        return d;
    }

    /// <summary>Percentile (0–100) with linear interpolation between order statistics (numpy's default).</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * percent / 100.0;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Draw(double mean, double sd, Random rng)
    {
        if (sd <= 0) return mean;
        // Box–Muller: one normal per call keeps the stream reproducible for a seed regardless of call order.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, mean + sd * z);
    }
}
