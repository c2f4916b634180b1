namespace SpatialCarbon.Core.Carbon;

/// <summary>A what-if scenario: land-use interventions projected year by year from <see cref="BaseYear"/> to
/// <see cref="HorizonYear"/>.</summary>
public sealed record Scenario(string Name, int BaseYear, int HorizonYear, IReadOnlyList<Intervention> Interventions)
{
    /// <summary>The latest horizon accepted: IPCC and national pathways end by 2100; 2200 leaves room, not nonsense.</summary>
    public const int MaxHorizonYear = 2200;
}

/// <summary>One intervention: convert <see cref="Share"/> of the land of the from-classes (inside the zones that pass
/// the filter, or everywhere when <see cref="Zones"/> is null) to <see cref="ToClass"/>, in equal parts each year from
/// <see cref="StartYear"/> to <see cref="TargetYear"/>; converted land reaches the new class's density linearly over
/// <see cref="MaturityYears"/> years (1 = at once, as a stock-difference model assumes).</summary>
public sealed record Intervention(
    string Name,
    IReadOnlyList<int> FromClasses,
    int ToClass,
    double Share,
    int StartYear,
    int TargetYear,
    int MaturityYears = 1,
    string? Zones = null,
    string? Layer = null,
    ZoneFilter? Filter = null);

/// <summary>Selects zones whose <see cref="Field"/> equals one of <see cref="Values"/> (compared as text).</summary>
public sealed record ZoneFilter(string Field, IReadOnlyList<string> Values)
{
    public bool Matches(object? value) =>
        value is not null && Values.Contains(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
}
