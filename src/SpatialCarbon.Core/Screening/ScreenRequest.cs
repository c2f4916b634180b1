using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Screening;

/// <summary>What is screened besides the footprint: the project's GB/T 4754-2017 industry code, its kind (new,
/// rebuild, expansion), its type (pv, wind, linear, ...), the radius for nearest zones in true metres, how areas are
/// measured, and whether to search for a clearance (the costliest step; batch runs may skip it).</summary>
public sealed record ScreenRequest(
    string Industry,
    string Kind = "new",
    string? ProjectType = null,
    double Radius_m = 5000,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal,
    bool Clearance = true)
{
    /// <summary>Checks the request's values; <paramref name="source"/> names where they came from in errors.</summary>
    /// <exception cref="InputException">An industry code, kind, type or radius that is not valid.</exception>
    public void Validate(string source = "request")
    {
        if (!IndustryCode.IsValidCode(Industry))
            throw new InputException(source, "industry", $"'{Industry}' is not a GB/T 4754-2017 code (2 to 4 digits, e.g. 3110 for iron-making)");
        if (!RuleSet.ProjectKinds.Contains(Kind))
            throw new InputException(source, "kind", $"unknown project kind '{Kind}' (known: {string.Join(", ", RuleSet.ProjectKinds)})");
        if (ProjectType is not null && !RuleSet.ProjectTypes.Contains(ProjectType))
            throw new InputException(source, "project type", $"unknown project type '{ProjectType}' (known: {string.Join(", ", RuleSet.ProjectTypes)})");
        if (!(Radius_m is > 0 and <= 100_000)) throw new InputException(source, "radius", $"radius {Radius_m} m is not between 0 and 100000 m");
    }
}
