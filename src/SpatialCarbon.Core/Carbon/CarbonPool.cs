namespace SpatialCarbon.Core.Carbon;

/// <summary>Carbon densities of one land-use class in Mg C/ha for InVEST's four pools, with their standard deviations
/// (0 when the table gives none).</summary>
public sealed record CarbonPool(
    int LuCode,
    string? Name,
    double Above_mg_c_ha,
    double Below_mg_c_ha,
    double Soil_mg_c_ha,
    double Dead_mg_c_ha,
    double AboveSd_mg_c_ha = 0,
    double BelowSd_mg_c_ha = 0,
    double SoilSd_mg_c_ha = 0,
    double DeadSd_mg_c_ha = 0)
{
    /// <summary>Sum of the four pools, Mg C/ha.</summary>
    public double Total_mg_c_ha => Above_mg_c_ha + Below_mg_c_ha + Soil_mg_c_ha + Dead_mg_c_ha;

    public bool HasUncertainty => AboveSd_mg_c_ha > 0 || BelowSd_mg_c_ha > 0 || SoilSd_mg_c_ha > 0 || DeadSd_mg_c_ha > 0;
}
