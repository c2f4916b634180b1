using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using static SpatialCarbon.Tests.Carbon.CarbonCommandTests;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>Non-finite or absurd inputs stop a run with exit 2, one stderr line and no output; Core names parameters in
/// domain words and the CLI puts its flag in their place.</summary>
public class AbsurdInputTests
{
    private static string Refused(string outDir, params string[] args)
    {
        var (code, _, err) = CarbonCommandTests.Cli(args);
        Assert.True(code == 2, $"exit {code}: {err}");
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.True(!Directory.Exists(outDir) || Directory.GetFileSystemEntries(outDir).Length == 0, "an output was left behind");
        return lines[0];
    }

    [Fact]
    public void PoolValuesThatOverflowOrAreAbsurdAreRefused()
    {
        var (dir, a, b, _, _, _) = Inputs("absurd-pools");
        var outDir = Path.Combine(dir, "out");
        string Pools(string name, string row)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllText(path, $"lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n{row}\n5,0,0,0,0\n");
            return path;
        }

        string Change(string pools) => Refused(outDir, "carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--out", outDir);

        // 1e400 overflows a double to +∞; two finite pools of 1e308 overflow in their sum; 2e5 Mg C/ha is absurd.
        var inf = Pools("inf.csv", "2,1e400,20,100,5");
        Assert.StartsWith($"spatialcarbon: {inf}: line 3, column 'c_above'", Change(inf), StringComparison.Ordinal);
        var sum = Pools("sum.csv", "2,1e308,1e308,100,5");
        Assert.StartsWith($"spatialcarbon: {sum}: lucode 2: total density", Change(sum), StringComparison.Ordinal);
        var big = Pools("big.csv", "2,200000,20,100,5");
        Assert.Equal($"spatialcarbon: {big}: lucode 2: total density 200125 Mg C/ha is not plausible (at most 100,000)", Change(big));
        var nan = Pools("nan.csv", "2,NaN,20,100,5");
        Assert.StartsWith($"spatialcarbon: {nan}: line 3, column 'c_above'", Change(nan), StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteOrImpossibleValuationAndPeriodsAreRefusedNamingTheFlag()
    {
        var (dir, a, b, pools, _, _) = Inputs("absurd-valuation");
        var outDir = Path.Combine(dir, "out");
        string Change(params string[] extra) =>
            Refused(outDir, ["carbon", "change", "--baseline", a, "--alternate", b, "--pools", pools, "--out", outDir, .. extra]);
        string[] years = ["--baseline-year", "2010", "--alternate-year", "2020"];

        Assert.Equal("spatialcarbon: --price NaN: must be a finite number", Change([.. years, "--price", "NaN"]));
        Assert.Equal("spatialcarbon: --discount-rate -100 %: must be above −100 %", Change([.. years, "--price", "10", "--discount-rate=-100"]));
        Assert.Equal("spatialcarbon: --discount-rate -250 %: must be above −100 %", Change([.. years, "--price", "10", "--discount-rate=-250"]));
        Assert.Equal("spatialcarbon: --price-change -100 %: must be above −100 %", Change([.. years, "--price", "10", "--price-change=-100"]));
        Assert.Equal("spatialcarbon: --price 10: valuation needs both the baseline year and the alternate year", Change("--price", "10"));
        Assert.Equal("spatialcarbon: --alternate-year 2010: 0 years after the baseline year 2010; the period must be 1 to 1000 years",
            Change("--baseline-year", "2010", "--alternate-year", "2010"));
        Assert.Equal("spatialcarbon: --alternate-year 2001: 1001 years after the baseline year 1000; the period must be 1 to 1000 years",
            Change("--baseline-year", "1000", "--alternate-year", "2001"));
        Assert.StartsWith("spatialcarbon: --alternate-year: the baseline year is given without the alternate year", Change("--baseline-year", "2010"));
    }

    [Fact]
    public void CoreNamesParametersInDomainWords()
    {
        var q = new CarbonRequest("a.tif", "b.tif", "pools.csv", "out", BaselineYear: 2010, AlternateYear: 2020, Price: 10, DiscountRatePercent: -100);
        var e = Assert.Throws<ParameterException>(() => CarbonInputs.Validate(q));
        Assert.Equal("discount rate", e.Parameter);
        Assert.Equal("discount rate: -100 %: must be above −100 %", e.Message);
        var p = Assert.Throws<ParameterException>(() => CarbonInputs.Validate(q with { Price = double.NaN, DiscountRatePercent = 0 }));
        Assert.Equal("carbon price: NaN: must be a finite number", p.Message);
        var y = Assert.Throws<ParameterException>(() => CarbonInputs.Validate(q with { Price = null, AlternateYear = null }));
        Assert.DoesNotContain("--", y.Message, StringComparison.Ordinal);
        var g = Assert.Throws<ParameterException>(() => CarbonInputs.Validate(q with { Price = null, ForestType = "f.tif" }));
        Assert.Equal("forest growth: needs the forest type raster, the stand age raster and the growth table together", g.Message);
        var d = Assert.Throws<ParameterException>(() => ScenarioInputs.Validate(new ScenarioRequest("l.tif", "p.csv", "s.json", "out", Iterations: 0)));
        Assert.Equal("Monte Carlo draws: 0: must be 1 to 1,000,000", d.Message);
        var n = Assert.Throws<InputException>(() => new CarbonPoolTable([new CarbonPool(3, null, double.NaN, 0, 0, 0)], "t.csv"));
        Assert.Equal("t.csv: lucode 3, column 'c_above': NaN is not a finite density", n.Message);
    }

    [Fact]
    public void ScenarioHorizonsBeyond2200OrSpansOver1000YearsAreRefusedBeforeAnyOutput()
    {
        var (dir, a, _, pools, _, _) = Inputs("absurd-scenario");
        var outDir = Path.Combine(dir, "out");
        string Scenario(int baseYear, int horizon, params string[] extra)
        {
            var path = Path.Combine(dir, $"s{baseYear}-{horizon}.json");
            File.WriteAllText(path, $$"""
                {"name":"s","base_year":{{baseYear}},"horizon_year":{{horizon}},
                 "interventions":[{"name":"x","from_class":1,"to_class":2,"share":0.5,"start_year":{{baseYear + 1}},"target_year":{{baseYear + 1}}}]}
                """);
            return Refused(outDir, ["carbon", "scenario", "--lulc", a, "--pools", pools, "--scenario", path, "--out", outDir, .. extra]);
        }

        // A horizon of 1,000,000 used to write an 84 MB CSV and then hang drawing the chart.
        Assert.EndsWith("$.horizon_year: 1000000 is beyond 2200; pool densities say nothing that far ahead", Scenario(2020, 1_000_000));
        Assert.EndsWith("$.horizon_year: 1100 years after base_year 1000; a scenario spans 1 to 1000 years", Scenario(1000, 2100));
        Assert.Equal("spatialcarbon: --iterations 1000000: 1,000,000 draws × 181 projected years exceed 10,000,000; use fewer draws or a nearer horizon",
            Scenario(2020, 2200, "--iterations", "1000000"));
        Assert.Equal("spatialcarbon: --iterations 0: must be 1 to 1,000,000", Scenario(2020, 2030, "--iterations", "0"));
    }
}
