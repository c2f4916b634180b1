using System.Security.Cryptography;
using System.Text.Json;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Reads and validates a rules file (format <c>spatialcarbon-rules</c>, documented in docs/rules.md). Every
/// error, in the JSON syntax or in a rule's meaning, names the file and the line.</summary>
public static class RuleSetReader
{
    public const string Format = "spatialcarbon-rules";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static RuleSet Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "rules file not found");
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <exception cref="InputException">Syntax or meaning is wrong; the record is "line N".</exception>
    public static RuleSet Parse(byte[] utf8, string path = "rules.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            throw new InputException(path, $"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {e.Message.Split('\n')[0].Split(" Path:")[0].Trim()}");
        }

        using (doc)
        {
            var ctx = new Context(path, new JsonLineMap(utf8));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw ctx.Error("", "expected a JSON object");
            if (ctx.OptionalString(root, "format", "") is { } format && format != Format)
                throw ctx.Error("format", $"format is '{format}', expected '{Format}'");
            var name = ctx.RequiredString(root, "ruleset", "");
            var version = ctx.RequiredString(root, "version", "");
            var zoning = ctx.OptionalString(root, "zoning_data_version", "");
            if (!root.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
                throw ctx.Error("rules", "expected a \"rules\" array");
            var rules = new List<ScreeningRule>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var element in rulesElement.EnumerateArray())
            {
                var rule = ReadRule(ctx, element, $"rules[{i++}]");
                if (!ids.TryAdd(rule.Id, rule.Line))
                    throw ctx.Error($"rules[{i - 1}].id", $"rule {rule.Id}: id already used by the rule on line {ids[rule.Id]}");
                rules.Add(rule);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(utf8))[..16];
            return new RuleSet(path, name, version, zoning, rules, hash);
        }
    }

    private static ScreeningRule ReadRule(Context ctx, JsonElement e, string at)
    {
        if (e.ValueKind != JsonValueKind.Object) throw ctx.Error(at, "a rule must be a JSON object");
        var id = ctx.RequiredString(e, "id", at);
        ctx.Rule = id;
        var scope = ReadScope(ctx, e, at);
        var dimension = ctx.RequiredString(e, "dimension", at);
        if (!ControlUnitAccess.DimensionNames.Contains(dimension))
            throw ctx.Error($"{at}.dimension", $"unknown dimension '{dimension}' (known: {string.Join(", ", ControlUnitAccess.DimensionNames)})");
        var effectName = ctx.RequiredString(e, "effect", at);
        var effect = Effects.Parse(effectName)
            ?? throw ctx.Error($"{at}.effect", $"unknown effect '{effectName}' (known, strongest first: {string.Join(", ", Effects.All.Select(x => x.Name()))})");
        var industries = ctx.StringList(e, "industries", at) ?? ["*"];
        if (industries.Count == 0) throw ctx.Error($"{at}.industries", "empty list: use [\"*\"] for every industry");
        foreach (var (p, k) in industries.Select((p, k) => (p, k)))
            if (!IndustryCode.IsValidPattern(p))
                throw ctx.Error($"{at}.industries[{k}]", $"'{p}' is not a GB/T 4754-2017 code prefix, section letter or \"*\"");
        var kinds = ctx.StringList(e, "project_kinds", at) ?? [];
        foreach (var (k, n) in kinds.Select((k, n) => (k, n)))
            if (!RuleSet.ProjectKinds.Contains(k))
                throw ctx.Error($"{at}.project_kinds[{n}]", $"unknown project kind '{k}' (known: {string.Join(", ", RuleSet.ProjectKinds)})");
        var types = ctx.StringList(e, "project_types", at) ?? [];
        foreach (var (t, n) in types.Select((t, n) => (t, n)))
            if (!RuleSet.ProjectTypes.Contains(t))
                throw ctx.Error($"{at}.project_types[{n}]", $"unknown project type '{t}' (known: {string.Join(", ", RuleSet.ProjectTypes)})");
        var condition = ReadCondition(ctx, e, at, scope);
        var text = ctx.RequiredString(e, "text", at);
        var textEn = ctx.OptionalString(e, "text_en", at);
        var source = ctx.RequiredString(e, "source", at);
        var rule = new ScreeningRule(id, scope, dimension, effect, industries, kinds, types, condition, text, textEn, source, ctx.Lines.LineOf(at));
        ctx.Rule = null;
        return rule;
    }

    private static RuleScope ReadScope(Context ctx, JsonElement rule, string at)
    {
        var path = $"{at}.scope";
        if (!rule.TryGetProperty("scope", out var s) || s.ValueKind != JsonValueKind.Object)
            throw ctx.Error(at, "missing \"scope\" object");
        var kind = ctx.RequiredString(s, "kind", path);
        if (kind == "province")
        {
            foreach (var key in new[] { "zone_kind", "types", "unit_types", "unit_codes" })
                if (s.TryGetProperty(key, out _)) throw ctx.Error($"{path}.{key}", $"a province-wide scope takes no \"{key}\"");
            return new RuleScope(null, ctx.OptionalString(s, "province", path));
        }

        if (kind != "zone") throw ctx.Error($"{path}.kind", $"scope kind '{kind}' is neither 'province' nor 'zone'");
        var zoneKindName = ctx.RequiredString(s, "zone_kind", path);
        var zoneKind = ZoneKinds.Parse(zoneKindName)
            ?? throw ctx.Error($"{path}.zone_kind", $"unknown zone kind '{zoneKindName}' (known: {string.Join(", ", ZoneKinds.All.Select(k => k.Name()))})");
        var unitTypes = new List<int>();
        if (s.TryGetProperty("unit_types", out var ut))
        {
            if (zoneKind != ZoneKind.ControlUnit) throw ctx.Error($"{path}.unit_types", "unit_types apply to control_unit only");
            if (ut.ValueKind != JsonValueKind.Array) throw ctx.Error($"{path}.unit_types", "expected a list of 1, 2 or 3");
            var n = 0;
            foreach (var v in ut.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var t) || t is < 1 or > 3)
                    throw ctx.Error($"{path}.unit_types[{n}]", $"unit type {v.GetRawText()} is not 1 (优先保护), 2 (重点管控) or 3 (一般管控)");
                unitTypes.Add(t);
                n++;
            }
        }

        var codes = ctx.StringList(s, "unit_codes", path);
        if (codes is not null && zoneKind != ZoneKind.ControlUnit) throw ctx.Error($"{path}.unit_codes", "unit_codes apply to control_unit only");
        var types = ctx.StringList(s, "types", path);
        if (types is { Count: 0 }) throw ctx.Error($"{path}.types", "empty list: leave \"types\" out to mean every type");
        return new RuleScope(zoneKind, ctx.OptionalString(s, "province", path), types, unitTypes, codes);
    }

    private static RuleCondition ReadCondition(Context ctx, JsonElement rule, string at, RuleScope scope)
    {
        var path = $"{at}.condition";
        if (!rule.TryGetProperty("condition", out var c))
            return scope.IsProvinceWide ? RuleCondition.Always : new RuleCondition(ConditionType.Overlap);
        if (c.ValueKind != JsonValueKind.Object) throw ctx.Error(path, "expected a condition object");
        var typeName = ctx.RequiredString(c, "type", path);
        var type = RuleCondition.Parse(typeName)
            ?? throw ctx.Error($"{path}.type", $"unknown condition '{typeName}' (known: {string.Join(", ", Enum.GetValues<ConditionType>().Select(RuleCondition.Name))})");
        if (type != ConditionType.Always && scope.IsProvinceWide)
            throw ctx.Error($"{path}.type", $"condition '{typeName}' needs a zone scope (scope.kind = \"zone\")");
        if (type == ConditionType.Always && !scope.IsProvinceWide)
            throw ctx.Error($"{path}.type", "condition 'always' is for province-wide rules; a zone rule needs intersects, overlap, distance, inside or outside");
        var minHa = ctx.OptionalNumber(c, "min_ha", path);
        var minShare = ctx.OptionalNumber(c, "min_share", path);
        var maxM = ctx.OptionalNumber(c, "max_m", path);
        if ((minHa is not null || minShare is not null) && type != ConditionType.Overlap)
            throw ctx.Error($"{path}.{(minHa is not null ? "min_ha" : "min_share")}", "min_ha and min_share go with condition 'overlap' only");
        if (minHa is < 0) throw ctx.Error($"{path}.min_ha", $"min_ha {minHa} is negative");
        if (minShare is < 0 or > 1) throw ctx.Error($"{path}.min_share", $"min_share {minShare} is not a share between 0 and 1");
        if (type == ConditionType.Distance && maxM is null) throw ctx.Error(path, "condition 'distance' needs \"max_m\" (metres)");
        if (maxM is not null && type != ConditionType.Distance) throw ctx.Error($"{path}.max_m", "max_m goes with condition 'distance' only");
        if (maxM is <= 0 or > 100_000) throw ctx.Error($"{path}.max_m", $"max_m {maxM} is not a distance between 0 and 100000 m");
        return new RuleCondition(type, minHa, minShare, maxM);
    }

    /// <summary>The file, its line map and the rule being read, for errors.</summary>
    private sealed class Context(string path, JsonLineMap lines)
    {
        public JsonLineMap Lines { get; } = lines;

        public string? Rule { get; set; }

        public InputException Error(string jsonPath, string problem) =>
            new(path, $"line {Lines.LineOf(jsonPath)}", Rule is null || problem.StartsWith("rule ", StringComparison.Ordinal) ? problem : $"rule {Rule}: {problem}");

        public string RequiredString(JsonElement e, string name, string at) =>
            OptionalString(e, name, at) ?? throw Error(at, $"missing \"{name}\"");

        public string? OptionalString(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != JsonValueKind.String) throw Error(Join(at, name), $"\"{name}\" must be a string");
            var s = v.GetString()!;
            if (s.Trim().Length == 0) throw Error(Join(at, name), $"\"{name}\" is empty");
            return s;
        }

        public double? OptionalNumber(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != JsonValueKind.Number) throw Error(Join(at, name), $"\"{name}\" must be a number");
            return v.GetDouble();
        }

        public List<string>? StringList(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Array) throw Error(Join(at, name), $"\"{name}\" must be a list of strings");
            var list = new List<string>();
            var n = 0;
            foreach (var x in v.EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.String) throw Error($"{Join(at, name)}[{n}]", $"\"{name}\" must hold strings, found {x.GetRawText()}");
                list.Add(x.GetString()!);
                n++;
            }

            return list;
        }

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
    }
}
