namespace SpatialCarbon.Core.Carbon;

/// <summary>Carbon of one zone: stocks at both dates and their change in Mg C, the valid (covered, non-nodata) area
/// and the covered nodata area in ha, and the zone's own transition matrix.</summary>
public sealed record ZoneCarbon(
    int Zone,
    double Baseline_mg_c,
    double Alternate_mg_c,
    double ValidArea_ha,
    double NodataArea_ha,
    TransitionMatrix Transitions)
{
    public double Change_mg_c => Alternate_mg_c - Baseline_mg_c;

    /// <summary>Average annual sink over the period, Mg C/yr (positive = uptake).</summary>
    public double AnnualSink_mg_c_yr(int years) => years > 0 ? Change_mg_c / years : double.NaN;

    /// <summary>Average annual sink in t CO2e/yr.</summary>
    public double AnnualSink_mg_co2e_yr(int years) => AnnualSink_mg_c_yr(years) * CarbonUnits.Co2ePerC;
}
