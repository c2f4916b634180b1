namespace SpatialCarbon.Core.Carbon;

/// <summary>Projects a scenario's carbon gain year by year: cumulative stock gain relative to no intervention (Mg C)
/// and annual sink (Mg C/yr), as P5/P50/P95 over Monte Carlo draws of the class densities and as the mean-density
/// (analytic) value. The eligible land per intervention and from-class comes from the caller (ha), e.g. exact zonal
/// areas of the baseline land use.</summary>
public static class ScenarioProjection
{
    public static ScenarioResult Project(Scenario scenario, IReadOnlyList<IReadOnlyDictionary<int, double>> eligible_ha,
        CarbonPoolTable pools, int iterations = 1000, int seed = 1)
    {
        if (eligible_ha.Count != scenario.Interventions.Count)
            throw new ArgumentException("one eligible-area map per intervention is needed", nameof(eligible_ha));
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "at least one iteration");
        var years = Enumerable.Range(scenario.BaseYear, scenario.HorizonYear - scenario.BaseYear + 1).ToArray();
        var k = pools.Codes.Count;

        // Gain(t) = Σ over (intervention, from) of W[t, from→to] · (d_to − d_from): weights hold ha·maturity fraction.
        var weights = new double[years.Length, k * k];
        for (var n = 0; n < scenario.Interventions.Count; n++)
        {
            var iv = scenario.Interventions[n];
            var to = ClassIndex(pools, iv.ToClass, iv.Name);
            var cohorts = iv.TargetYear - iv.StartYear + 1;
            foreach (var from in iv.FromClasses)
            {
                var f = ClassIndex(pools, from, iv.Name);
                var perYear_ha = eligible_ha[n].GetValueOrDefault(from) * iv.Share / cohorts;
                for (var yi = 0; yi < years.Length; yi++)
                {
                    var t = years[yi];
                    for (var c = iv.StartYear; c <= Math.Min(iv.TargetYear, t); c++)
                        weights[yi, f * k + to] += perYear_ha * Math.Min(1.0, (t - c + 1) / (double)iv.MaturityYears);
                }
            }
        }

        double[] Gains(double[] d)
        {
            var g = new double[years.Length];
            for (var yi = 0; yi < years.Length; yi++)
            {
                for (var f = 0; f < k; f++)
                {
                    for (var t = 0; t < k; t++)
                        g[yi] += weights[yi, f * k + t] * (d[t] - d[f]);
                }
            }

            return g;
        }

        var analytic = Gains(pools.Density_mg_c_ha);
        var draws = new double[years.Length][];
        var sinks = new double[years.Length][];
        for (var yi = 0; yi < years.Length; yi++)
        {
            draws[yi] = new double[iterations];
            sinks[yi] = new double[iterations];
        }

        var rng = new Random(seed);
        for (var it = 0; it < iterations; it++)
        {
            var g = Gains(MonteCarlo.SampleDensities(pools, rng));
            for (var yi = 0; yi < years.Length; yi++)
            {
                draws[yi][it] = g[yi];
                sinks[yi][it] = yi == 0 ? g[0] : g[yi] - g[yi - 1];
            }
        }

        var rows = new List<ScenarioYear>();
        for (var yi = 0; yi < years.Length; yi++)
        {
            Array.Sort(draws[yi]);
            Array.Sort(sinks[yi]);
            rows.Add(new ScenarioYear(years[yi], analytic[yi], yi == 0 ? analytic[0] : analytic[yi] - analytic[yi - 1],
                MonteCarlo.Percentile(draws[yi], 5), MonteCarlo.Percentile(draws[yi], 50), MonteCarlo.Percentile(draws[yi], 95),
                MonteCarlo.Percentile(sinks[yi], 5), MonteCarlo.Percentile(sinks[yi], 50), MonteCarlo.Percentile(sinks[yi], 95)));
        }

        return new ScenarioResult(scenario, rows, iterations, seed);
    }

    private static int ClassIndex(CarbonPoolTable pools, int code, string intervention)
    {
        var i = pools.Codes.IndexOf(code);
        return i >= 0 ? i : throw new InputException(pools.Path, null, $"class {code} used by intervention '{intervention}' is not in the table");
    }
}

/// <summary>A scenario's projection: one row per year from the base year to the horizon.</summary>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<ScenarioYear> Years, int Iterations, int Seed);

/// <summary>One projected year: cumulative gain (Mg C) and that year's sink (Mg C/yr), analytic and P5/P50/P95.</summary>
public sealed record ScenarioYear(int Year, double Gain_mg_c, double Sink_mg_c_yr,
    double GainP5_mg_c, double GainP50_mg_c, double GainP95_mg_c,
    double SinkP5_mg_c_yr, double SinkP50_mg_c_yr, double SinkP95_mg_c_yr);
