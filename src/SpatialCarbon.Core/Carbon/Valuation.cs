namespace SpatialCarbon.Core.Carbon;

/// <summary>Net present value of a carbon change as InVEST computes it: NPV = change × V/n × (1 − ratio^n)/(1 − ratio)
/// with ratio = 1/((1 + r/100)(1 + c/100)) and n = alternate − baseline year (V per Mg C, r discount rate %, c annual
/// price change %). When ratio is 1 the factor is V.</summary>
public sealed record Valuation(double PricePerMgC, double DiscountRatePercent, double PriceChangePercent, int BaselineYear, int AlternateYear)
{
    public int Years => AlternateYear - BaselineYear;

    /// <summary>The valuation constant: value now of 1 Mg C sequestered evenly over the period.</summary>
    public double Constant
    {
        get
        {
            if (AlternateYear <= BaselineYear)
                throw new InputException("--alternate-year", AlternateYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"must be after the baseline year {BaselineYear} for valuation");
            var ratio = 1.0 / ((1 + DiscountRatePercent / 100.0) * (1 + PriceChangePercent / 100.0));
            if (ratio == 1.0) return PricePerMgC;
            var n = Years;
            return PricePerMgC / n * (1 - Math.Pow(ratio, n)) / (1 - ratio);
        }
    }

    /// <summary>NPV of a change given in Mg C.</summary>
    public double Npv(double change_mg_c) => change_mg_c * Constant;
}
