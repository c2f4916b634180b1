using System.Text.Json;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Demo;

public sealed class DemoDataFileTests
{
    private static string Data(params string[] parts) => Path.Combine([TestEnvironment.RepoRoot, "data", .. parts]);

    [Fact]
    public void RulesFileHasTheProvinceWideProhibitionsAndARulePerZoneKind()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Data("rules", "jiangsu-demo-rules.json")));
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("version").GetString()));
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(rules.Length, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        string[] effects = ["prohibit", "restrict", "review", "encourage"];
        Assert.All(rules, r =>
        {
            Assert.Contains(r.GetProperty("effect").GetString(), effects);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("dimension").GetString()));
            Assert.NotEqual(JsonValueKind.Undefined, r.GetProperty("condition").ValueKind);
        });

        // GB/T 4754-2017: 3110 iron, 3120 steel, 2521 coking, 2511 refining, 3216 aluminium, 3011 cement, 3041 flat glass.
        var provinceProhibited = rules
            .Where(r => r.GetProperty("scope").GetProperty("kind").GetString() == "province" && r.GetProperty("effect").GetString() == "prohibit")
            .SelectMany(r => r.GetProperty("industries").EnumerateArray().Select(i => i.GetString()!)).ToHashSet();
        Assert.Superset(provinceProhibited, new HashSet<string> { "3110", "3120", "2521", "2511", "3216", "3011", "3041" });

        var kinds = rules.Select(r => r.GetProperty("scope")).Where(s => s.TryGetProperty("zone_kind", out _))
            .Select(s => s.GetProperty("zone_kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "red_line", "eco_space", "control_unit", "buffer", "eco_island" }, kinds);
        Assert.Contains(rules, r => r.GetProperty("scope").TryGetProperty("zone_kind", out var k) && k.GetString() == "red_line"
            && r.GetProperty("effect").GetString() == "prohibit");
    }

    [Fact]
    public void PoolTableCoversAllNineClcdClassesAndSaysItIsIllustrative()
    {
        var table = CarbonPoolTable.Read(Data("carbon", "clcd_pools_illustrative.csv"));
        foreach (var c in ClcdScheme.Classes) Assert.True(table.Contains(c.Code), $"class {c.Code}");
        Assert.True(table[ClcdScheme.Forest].Total_mg_c_ha > table[ClcdScheme.Cropland].Total_mg_c_ha);
        Assert.True(table[ClcdScheme.Cropland].Total_mg_c_ha > table[ClcdScheme.Impervious].Total_mg_c_ha);
        var lines = File.ReadAllLines(Data("carbon", "clcd_pools_illustrative.csv"));
        Assert.StartsWith("lucode,name,c_above,c_below,c_soil,c_dead", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains("illustrative", l, StringComparison.Ordinal));
    }

    [Fact]
    public void ForestGrowthTableHasEveryTypeWithContiguousAgeClasses()
    {
        var rows = File.ReadAllLines(Data("carbon", "forest_growth.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (Type: f[0], Min: int.Parse(f[2]), Max: int.Parse(f[3]), Increment: double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), Rs: double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        foreach (var (_, name) in ForestTypes.All)
        {
            var classes = rows.Where(r => r.Type == name).OrderBy(r => r.Min).ToArray();
            Assert.NotEmpty(classes);
            Assert.Equal(1, classes[0].Min);
            for (var i = 1; i < classes.Length; i++) Assert.Equal(classes[i - 1].Max + 1, classes[i].Min);
            Assert.All(classes, c => Assert.InRange(c.Increment, 0.1, 6));
            Assert.All(classes, c => Assert.InRange(c.Rs, 0.1, 0.5));
        }
    }
}
