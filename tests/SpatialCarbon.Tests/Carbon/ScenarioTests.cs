using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;

namespace SpatialCarbon.Tests.Carbon;

public class ScenarioTests
{
    private const string Json = """
        {
          "name": "afforest cropland",
          "base_year": 2023,
          "horizon_year": 2027,
          "interventions": [
            { "name": "cropland to forest", "from_class": 1, "to_class": 2, "share": 0.3,
              "start_year": 2024, "target_year": 2025, "maturity_years": 2 }
          ]
        }
        """;

    [Fact]
    public void ZeroSdGivesAnalyticAnswerAtEveryPercentile()
    {
        // 100 ha eligible, 30 % in two 15 ha cohorts (2024, 2025), each reaching +(205 − 62) = 143 Mg C/ha over 2 years:
        // gain 2024 = 15·143·½ = 1072.5; 2025 = 15·143 + 1072.5 = 3217.5; 2026 on = 30·143 = 4290.
        var pools = CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n2,80,20,100,5\n");
        var r = ScenarioProjection.Project(ScenarioFile.Parse(Json), [new Dictionary<int, double> { [1] = 100 }], pools, 50, 3);
        double[] gain = [0, 1072.5, 3217.5, 4290, 4290];
        double[] sink = [0, 1072.5, 2145, 1072.5, 0];
        for (var i = 0; i < 5; i++)
        {
            var y = r.Years[i];
            Assert.Equal(2023 + i, y.Year);
            Assert.Equal(gain[i], y.Gain_mg_c, 9);
            Assert.Equal(sink[i], y.Sink_mg_c_yr, 9);
            Assert.Equal(gain[i], y.GainP5_mg_c, 9);
            Assert.Equal(gain[i], y.GainP50_mg_c, 9);
            Assert.Equal(gain[i], y.GainP95_mg_c, 9);
            Assert.Equal(sink[i], y.SinkP50_mg_c_yr, 9);
        }
    }

    [Fact]
    public void SdSpreadsPercentilesReproduciblyForASeed()
    {
        var pools = CarbonPoolTable.Parse("lucode,c_above,c_below,c_soil,c_dead,c_above_sd\n1,10,2,50,0,0\n2,80,20,100,5,10\n");
        var s = ScenarioFile.Parse(Json);
        var a = ScenarioProjection.Project(s, [new Dictionary<int, double> { [1] = 100 }], pools, 2000, 42);
        var b = ScenarioProjection.Project(s, [new Dictionary<int, double> { [1] = 100 }], pools, 2000, 42);
        var end = a.Years[^1];
        Assert.Equal(end.GainP5_mg_c, b.Years[^1].GainP5_mg_c);
        Assert.True(end.GainP5_mg_c < end.GainP50_mg_c && end.GainP50_mg_c < end.GainP95_mg_c);
        // Gain = 30 ha × (143 + 10·z): P95 − P5 ≈ 30·10·2·1.645 = 987 Mg C, within sampling error for 2000 draws.
        Assert.InRange(end.GainP95_mg_c - end.GainP5_mg_c, 900, 1075);
        Assert.InRange(end.GainP50_mg_c, 4290 - 30, 4290 + 30);
    }

    [Fact]
    public void BadScenarioNamesFileAndJsonPath()
    {
        var e = Assert.Throws<InputException>(() => ScenarioFile.Parse(Json.Replace("0.3", "1.3"), "s.json"));
        Assert.Equal("s.json: $.interventions[0].share: 1.3 is not in (0, 1]", e.Message);
        var y = Assert.Throws<InputException>(() => ScenarioFile.Parse(Json.Replace("\"target_year\": 2025", "\"target_year\": 2030"), "s.json"));
        Assert.StartsWith("s.json: $.interventions[0]: years must satisfy", y.Message);
    }
}
