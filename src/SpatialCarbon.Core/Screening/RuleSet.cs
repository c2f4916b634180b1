namespace SpatialCarbon.Core.Screening;

/// <summary>A versioned rules file: its name, version, the zoning data it was written for, the rules, and the hash of
/// its bytes (so a result names exactly the rules it used).</summary>
public sealed record RuleSet(
    string Path,
    string Name,
    string Version,
    string? ZoningDataVersion,
    IReadOnlyList<ScreeningRule> Rules,
    string ContentHash)
{
    /// <summary>No rules: for jobs that read a workspace's zones and land use but judge no project (plan indicators).</summary>
    public static RuleSet None { get; } = new("(none)", "none", "0", null, [], "");

    /// <summary>Known project kinds.</summary>
    public static IReadOnlyList<string> ProjectKinds { get; } = ["new", "rebuild", "expansion", "restoration"];

    /// <summary>Project types the rules may name (others are refused, so a typo does not silently match nothing).</summary>
    public static IReadOnlyList<string> ProjectTypes { get; } =
        ["pv", "wind", "linear", "industrial", "mining", "residential", "water", "agriculture", "restoration", "other"];

    /// <summary>"jiangsu-demo 2026.1-demo (sha256 0123456789abcdef)", as results record it.</summary>
    public string Label => $"{Name} {Version} (sha256 {ContentHash})";

    /// <summary>The largest distance any rule looks at, in metres (0 when none).</summary>
    public double MaxDistance_m => Rules.Select(r => r.Condition.MaxDistance_m ?? 0).DefaultIfEmpty(0).Max();
}
