namespace SpatialCarbon.Core.Carbon;

/// <summary>Totals of a stock or change run over a whole raster: stocks in Mg C, nodata pixels (excluded), and the
/// transition matrix they were derived from. For a stock run the alternate equals the baseline.</summary>
public sealed record CarbonTotals(
    double Baseline_mg_c,
    double Alternate_mg_c,
    long ValidPixels,
    long NodataPixels,
    double ValidArea_ha,
    TransitionMatrix Transitions)
{
    public double Change_mg_c => Alternate_mg_c - Baseline_mg_c;

    public double Change_mg_co2e => Change_mg_c * CarbonUnits.Co2ePerC;
}
