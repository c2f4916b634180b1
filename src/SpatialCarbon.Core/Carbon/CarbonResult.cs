namespace SpatialCarbon.Core.Carbon;

/// <summary>Everything a stock or change run computed, for the outputs and the report: the summary, the whole-area
/// totals and transition matrix, and per zone (when zones were given) stocks, change and forest growth.</summary>
public sealed record CarbonResult(
    CarbonRequest Request,
    CarbonInputs Inputs,
    CarbonSummary Summary,
    CarbonTotals Totals,
    CarbonZones? Zones = null,
    IReadOnlyList<ZoneCarbon>? ZoneResults = null,
    IReadOnlyList<double>? ZoneGrowth_mg_c_yr = null)
{
    public bool IsChange => Request.Alternate is not null;

    /// <summary>The period, when both years are known; only then is there an annual sink.</summary>
    public CarbonPeriod? Period => Inputs.Period;
}
