namespace SpatialCarbon.Core.Carbon;

/// <summary>The tables and parameters of a stock or change run, checked before any raster is opened or any output
/// written: the period (both years or neither), the valuation, the pool table and the forest growth inputs.</summary>
public sealed record CarbonInputs(CarbonPoolTable Pools, CarbonPeriod? Period, Valuation? Valuation, ForestGrowthTable? Growth)
{
    public static CarbonInputs Validate(CarbonRequest q)
    {
        var period = CarbonPeriod.Of(q.BaselineYear, q.AlternateYear);
        var valuation = q.Price is double price
            ? Valuation.Create(price, q.DiscountRatePercent, q.PriceChangePercent, period)
            : null;
        if ((q.ForestType is null) != (q.StandAge is null) || (q.ForestType is null) != (q.GrowthTable is null))
            throw new ParameterException("forest growth", null, "needs the forest type raster, the stand age raster and the growth table together");
        var pools = CarbonPoolTable.Read(q.Pools);
        var growth = q.GrowthTable is null ? null : ForestGrowthTable.Read(q.GrowthTable, q.ForestTypeCodes);
        return new CarbonInputs(pools, period, valuation, growth);
    }
}
