using System.Globalization;

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
            {
                throw new ParameterException("alternate year", AlternateYear.ToString(CultureInfo.InvariantCulture),
                    $"must be after the baseline year {BaselineYear} for valuation");
            }

            var ratio = 1.0 / ((1 + DiscountRatePercent / 100.0) * (1 + PriceChangePercent / 100.0));
            if (ratio == 1.0) return PricePerMgC;
            var n = Years;
            return PricePerMgC / n * (1 - Math.Pow(ratio, n)) / (1 - ratio);
        }
    }

    /// <summary>A valuation over a known period, refusing what has no meaning: a price that is not a finite number,
    /// rates that are not finite or are −100 % or less (the discount factor would divide by zero or change sign).</summary>
    public static Valuation Create(double pricePerMgC, double discountRatePercent, double priceChangePercent, CarbonPeriod? period)
    {
        if (!double.IsFinite(pricePerMgC)) throw new ParameterException("carbon price", Text(pricePerMgC), "must be a finite number");
        Rate("discount rate", discountRatePercent);
        Rate("annual price change", priceChangePercent);
        if (period is null) throw new ParameterException("carbon price", Text(pricePerMgC), "valuation needs both the baseline year and the alternate year");
        var v = new Valuation(pricePerMgC, discountRatePercent, priceChangePercent, period.BaselineYear, period.AlternateYear);
        if (!double.IsFinite(v.Constant))
            throw new ParameterException("discount rate", Text(discountRatePercent), $"the valuation constant over {v.Years} years is not a finite number");
        return v;
    }

    /// <summary>NPV of a change given in Mg C.</summary>
    public double Npv(double change_mg_c) => change_mg_c * Constant;

    private static void Rate(string name, double percent)
    {
        if (!double.IsFinite(percent)) throw new ParameterException(name, Text(percent), "must be a finite number of percent");
        if (percent <= -100) throw new ParameterException(name, Text(percent) + " %", "must be above −100 %");
    }

    private static string Text(double v) => v.ToString(CultureInfo.InvariantCulture);
}
