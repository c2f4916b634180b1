using System.Globalization;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The pool table and scenario of a scenario run, checked before anything is read from the raster: the
/// number of Monte Carlo draws, and draws × projected years small enough to hold every draw in memory.</summary>
public sealed record ScenarioInputs(CarbonPoolTable Pools, Scenario Scenario)
{
    public const int MaxIterations = 1_000_000;

    /// <summary>The most draws × projected years kept for the percentiles (two arrays of doubles: 160 MB).</summary>
    public const long MaxDrawsTimesYears = 10_000_000;

    public static ScenarioInputs Validate(ScenarioRequest q)
    {
        var inv = CultureInfo.InvariantCulture;
        if (q.Iterations is < 1 or > MaxIterations)
            throw new ParameterException("Monte Carlo draws", q.Iterations.ToString(inv), $"must be 1 to {MaxIterations.ToString("N0", inv)}");
        var pools = CarbonPoolTable.Read(q.Pools);
        var scenario = ScenarioFile.Read(q.ScenarioPath);
        var years = scenario.HorizonYear - scenario.BaseYear + 1L;
        if (q.Iterations * years > MaxDrawsTimesYears)
        {
            throw new ParameterException("Monte Carlo draws", q.Iterations.ToString(inv),
                $"{q.Iterations.ToString("N0", inv)} draws × {years} projected years exceed {MaxDrawsTimesYears.ToString("N0", inv)}; use fewer draws or a nearer horizon");
        }

        return new ScenarioInputs(pools, scenario);
    }
}
