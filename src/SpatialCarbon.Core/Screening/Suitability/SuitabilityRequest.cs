using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>What a suitability search looks for: a project type (pv or wind) and its GB/T 4754-2017 industry (4416
/// solar, 4415 wind by default), the least area a site needs, the layers always excluded (the plan's "outside red lines
/// and eco-space"), the setback from drinking-water source areas (null: read from the rules file), the weakest rule
/// effect that excludes land (restrict: prohibit and restrict rules exclude, review rules only lower the score), the
/// land-use classes taken as barren land (CLCD 7), the least barren patch kept, and how areas are measured.</summary>
public sealed record SuitabilityRequest(
    string ProjectType,
    double MinArea_ha,
    string? Industry = null,
    IReadOnlyList<ZoneKind>? Exclude = null,
    double? WaterSetback_m = null,
    Effect Avoid = Effect.Restrict,
    IReadOnlyList<int>? BarrenClasses = null,
    double MinPatch_ha = 1,
    double ScoreDistance_m = 1000,
    double Radius_m = 5000,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal)
{
    /// <summary>Project types a suitability search knows.</summary>
    public static IReadOnlyList<string> ProjectTypes { get; } = ["pv", "wind"];

    /// <summary>CLCD barren (裸地).</summary>
    public const int ClcdBarren = 7;

    /// <summary>The industry screened: the given one, or 4416 (solar power) for pv and 4415 (wind power) for wind.</summary>
    public string IndustryCode => Industry ?? (ProjectType == "wind" ? "4415" : "4416");

    public IReadOnlyList<ZoneKind> ExcludedLayers => Exclude ?? [ZoneKind.RedLine, ZoneKind.EcoSpace];

    public IReadOnlyList<int> Barren => BarrenClasses ?? [ClcdBarren];

    /// <exception cref="InputException">A value out of range; <paramref name="source"/> names where it came from.</exception>
    public void Validate(string source = "request")
    {
        if (!ProjectTypes.Contains(ProjectType))
            throw new InputException(source, "project type", $"'{ProjectType}' is not a type the suitability search knows (known: {string.Join(", ", ProjectTypes)})");
        if (Industry is not null && !Screening.IndustryCode.IsValidCode(Industry))
            throw new InputException(source, "industry", $"'{Industry}' is not a GB/T 4754-2017 code (2 to 4 digits)");
        if (!(MinArea_ha is > 0 and <= 1_000_000)) throw new InputException(source, "min area", $"{MinArea_ha} ha is not between 0 and 1000000 ha");
        if (WaterSetback_m is { } w && !(w is >= 0 and <= 100_000)) throw new InputException(source, "water setback", $"{w} m is not between 0 and 100000 m");
        if (!(MinPatch_ha is >= 0 and <= 1_000_000)) throw new InputException(source, "min patch", $"{MinPatch_ha} ha is not between 0 and 1000000 ha");
        if (!(ScoreDistance_m is > 0 and <= 100_000)) throw new InputException(source, "score distance", $"{ScoreDistance_m} m is not between 0 and 100000 m");
        if (!(Radius_m is > 0 and <= 100_000)) throw new InputException(source, "radius", $"{Radius_m} m is not between 0 and 100000 m");
        if (Avoid > Effect.Review) throw new InputException(source, "avoid", $"'{Avoid.Name()}' would exclude allowed land: use prohibit, restrict or review");
    }
}
