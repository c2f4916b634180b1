using System.Text;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Screening;

public class RuleSetReaderTests
{
    private static string RulesPath => Path.Combine(TestEnvironment.RepoRoot, "data", "rules", "jiangsu-demo-rules.json");

    private const string Valid = """
        {
          "format": "spatialcarbon-rules",
          "ruleset": "t",
          "version": "1",
          "rules": [
            {
              "id": "A",
              "scope": { "kind": "province" },
              "dimension": "空间布局约束",
              "effect": "prohibit",
              "industries": ["3110"],
              "text": "x",
              "source": "y"
            },
            {
              "id": "B",
              "scope": { "kind": "zone", "zone_kind": "red_line" },
              "dimension": "空间布局约束",
              "effect": "review",
              "condition": { "type": "distance", "max_m": 500 },
              "text": "x",
              "source": "y"
            }
          ]
        }
        """;

    [Fact]
    public void The_demo_rules_file_reads_with_every_rule_and_its_line()
    {
        var rules = RuleSetReader.Read(RulesPath);
        Assert.Equal("jiangsu-demo", rules.Name);
        Assert.Equal(22, rules.Rules.Count);
        var lines = File.ReadAllLines(RulesPath);
        foreach (var r in rules.Rules)
        {
            // The rule's line is its opening brace and the next line names its id.
            Assert.Equal("{", lines[r.Line - 1].Trim());
            Assert.Contains($"\"id\": \"{r.Id}\"", lines[r.Line], StringComparison.Ordinal);
        }

        Assert.Contains(rules.Rules, r => r.Scope.ZoneKind == ZoneKind.DamagedLand && r.Effect == Effect.Encourage);
        Assert.Equal(1000, rules.MaxDistance_m);
    }

    [Fact]
    public void A_valid_file_defaults_condition_and_industries()
    {
        var rules = Parse(Valid);
        Assert.Equal(ConditionType.Always, rules.Rules[0].Condition.Type);
        Assert.Equal(["*"], rules.Rules[1].Industries);
        Assert.Equal(500, rules.Rules[1].Condition.MaxDistance_m);
        Assert.Equal(15, rules.Rules[1].Line);
    }

    [Theory]
    [InlineData("\"effect\": \"review\"", "\"effect\": \"forbid\"", 19, "unknown effect 'forbid'")]
    [InlineData("\"zone_kind\": \"red_line\"", "\"zone_kind\": \"redline\"", 17, "unknown zone kind 'redline'")]
    [InlineData("\"max_m\": 500", "\"max_m\": -5", 20, "max_m -5")]
    [InlineData("\"industries\": [\"3110\"]", "\"industries\": [\"31x0\"]", 11, "'31x0' is not a GB/T 4754-2017 code")]
    [InlineData("\"id\": \"B\"", "\"id\": \"A\"", 16, "id already used by the rule on line 6")]
    [InlineData("{ \"type\": \"distance\", \"max_m\": 500 }", "{ \"type\": \"overlap\", \"max_m\": 500 }", 20, "max_m goes with condition 'distance' only")]
    [InlineData("\"scope\": { \"kind\": \"province\" }", "\"scope\": { \"kind\": \"province\" }, \"condition\": { \"type\": \"overlap\" }", 8, "needs a zone scope")]
    [InlineData("\"dimension\": \"空间布局约束\",\n      \"effect\": \"review\"", "\"dimension\": \"布局\",\n      \"effect\": \"review\"", 18, "unknown dimension '布局'")]
    public void Semantic_errors_name_the_line_and_the_rule(string from, string to, int line, string problem)
    {
        var text = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var e = Assert.Throws<InputException>(() => Parse(text));
        Assert.Equal($"line {line}", e.Record);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith("rule ", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_name_the_line()
    {
        // A missing comma after line 11's value: the parser stops on line 12.
        var text = Valid.Replace("\"industries\": [\"3110\"],", "\"industries\": [\"3110\"]", StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => Parse(text));
        Assert.Equal("line 12", e.Record);
        Assert.Contains("not valid JSON", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_keys_are_named()
    {
        var e = Assert.Throws<InputException>(() => Parse(Valid.Replace("\"source\": \"y\"\n    },", "\"other\": \"y\"\n    },", StringComparison.Ordinal)));
        Assert.Equal("line 6", e.Record);
        Assert.Contains("rule A: missing \"source\"", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C", "3110", true)]
    [InlineData("C", "4416", false)]
    [InlineData("D", "4416", true)]
    [InlineData("B", "0610", true)]
    [InlineData("N77", "7721", true)]
    [InlineData("N77", "7610", false)]
    [InlineData("31", "3110", true)]
    [InlineData("3120", "3110", false)]
    [InlineData("*", "0111", true)]
    public void Industry_patterns_follow_gbt_4754_sections(string pattern, string code, bool matches)
    {
        Assert.True(IndustryCode.IsValidPattern(pattern));
        Assert.True(IndustryCode.IsValidCode(code));
        Assert.Equal(matches, IndustryCode.Matches(pattern, code));
    }

    private static RuleSet Parse(string text) => RuleSetReader.Parse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "t.json");
}
