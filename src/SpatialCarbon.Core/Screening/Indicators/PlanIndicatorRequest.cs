using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Indicators;

/// <summary>How the plan's 2025 indicators are read from land use (CLCD codes by default) and zones:
/// forest and tree cover = the forest classes (CLCD 2 forest, 3 shrub: China's 森林覆盖率 counts 乔木林 and the
/// shrubland the state designates, and CLCD cannot tell the two kinds of shrub apart) over all classified land of the
/// unit (water included, nodata not); natural wetland protection rate = wetland-class area inside the protected layers
/// (red line ∪ eco-space) over all wetland-class area, wetland being CLCD 9 wetland and 5 water (CLCD cannot separate
/// fish ponds and reservoirs from lakes and rivers, so the rate is that of all wetland and water; pass 9 alone for
/// marsh only); water area = the water classes (CLCD 5) in the latest year against the first.</summary>
public sealed record PlanIndicatorRequest(
    IReadOnlyList<int>? ForestClasses = null,
    IReadOnlyList<int>? WetlandClasses = null,
    IReadOnlyList<int>? WaterClasses = null,
    IReadOnlyList<ZoneKind>? ProtectedLayers = null,
    double ForestTarget_pct = 24.1,
    double WetlandTarget_pct = 60,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal)
{
    public IReadOnlyList<int> Forest => ForestClasses ?? [2, 3];

    public IReadOnlyList<int> Wetland => WetlandClasses ?? [5, 9];

    public IReadOnlyList<int> Water => WaterClasses ?? [5];

    public IReadOnlyList<ZoneKind> Protected => ProtectedLayers ?? [ZoneKind.RedLine, ZoneKind.EcoSpace];

    /// <exception cref="InputException">A class code outside 0-255, an empty class list or a target outside 0-100 %.</exception>
    public void Validate(string source = "request")
    {
        foreach (var (name, list) in new[] { ("forest classes", Forest), ("wetland classes", Wetland), ("water classes", Water) })
        {
            if (list.Count == 0) throw new InputException(source, name, "no class given");
            foreach (var c in list)
                if (c is < 0 or > 255) throw new InputException(source, name, $"class {c} is not a land-use code (0-255)");
        }

        if (!(ForestTarget_pct is >= 0 and <= 100)) throw new InputException(source, "forest target", $"{ForestTarget_pct} % is not between 0 and 100");
        if (!(WetlandTarget_pct is >= 0 and <= 100)) throw new InputException(source, "wetland target", $"{WetlandTarget_pct} % is not between 0 and 100");
    }
}
