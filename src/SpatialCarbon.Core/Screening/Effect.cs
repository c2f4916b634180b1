namespace SpatialCarbon.Core.Screening;

/// <summary>What a rule says about a project, strongest first: the verdict is the strongest effect matched.</summary>
public enum Effect
{
    Prohibit,
    Restrict,
    Review,
    Allow,
    Encourage,
}

/// <summary>Names of <see cref="Effect"/> as rules files and results spell them.</summary>
public static class Effects
{
    public static IReadOnlyList<Effect> All { get; } = Enum.GetValues<Effect>();

    /// <summary>"prohibit", "restrict", "review", "allow" or "encourage".</summary>
    public static string Name(this Effect effect) => effect.ToString().ToLowerInvariant();

    /// <summary>禁止 / 限制 / 需论证 / 允许 / 鼓励.</summary>
    public static string NameZh(this Effect effect) => effect switch
    {
        Effect.Prohibit => "禁止",
        Effect.Restrict => "限制",
        Effect.Review => "需论证",
        Effect.Allow => "允许",
        _ => "鼓励",
    };

    public static Effect? Parse(string? name) => All.Cast<Effect?>().FirstOrDefault(e => e!.Value.Name() == name);

    /// <summary>The stronger of two effects (prohibit is the strongest).</summary>
    public static Effect Stronger(Effect a, Effect b) => a < b ? a : b;
}
