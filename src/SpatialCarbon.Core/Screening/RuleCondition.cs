namespace SpatialCarbon.Core.Screening;

/// <summary>Where a rule applies relative to the zones in its scope.</summary>
public enum ConditionType
{
    /// <summary>Everywhere (province-wide rules).</summary>
    Always,

    /// <summary>The footprint meets a zone in scope (touching counts).</summary>
    Intersects,

    /// <summary>The footprint overlaps a zone in scope by more than <c>min_ha</c> and at least <c>min_share</c>.</summary>
    Overlap,

    /// <summary>A zone in scope lies within <c>max_m</c> metres of the footprint (overlapping ones at 0 m).</summary>
    Distance,

    /// <summary>The footprint lies wholly inside the zones in scope.</summary>
    Inside,

    /// <summary>The footprint meets no zone in scope.</summary>
    Outside,
}

/// <summary>A rule's condition with its thresholds (null when not given).</summary>
public sealed record RuleCondition(ConditionType Type, double? MinOverlap_ha = null, double? MinShare = null, double? MaxDistance_m = null)
{
    public static RuleCondition Always { get; } = new(ConditionType.Always);

    /// <summary>"always", "intersects", "overlap", "distance", "inside", "outside".</summary>
    public static string Name(ConditionType type) => type.ToString().ToLowerInvariant();

    public static ConditionType? Parse(string? name) =>
        Enum.GetValues<ConditionType>().Cast<ConditionType?>().FirstOrDefault(t => Name(t!.Value) == name);

    /// <summary>True for conditions that look at zones (all but <see cref="ConditionType.Always"/>).</summary>
    public bool NeedsZones => Type != ConditionType.Always;
}
