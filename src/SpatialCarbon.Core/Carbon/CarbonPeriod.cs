using System.Globalization;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The years of the baseline and alternate land use. Only a known period turns a change (Mg C) into an annual
/// sink (Mg C/yr): without both years there is no annual figure at all.</summary>
public sealed record CarbonPeriod(int BaselineYear, int AlternateYear)
{
    /// <summary>The longest period accepted, in years: beyond it the inputs are a typing error, not a land-use record.</summary>
    public const int MaxYears = 1000;

    public int Years => AlternateYear - BaselineYear;

    /// <summary>The period when both years are given, null when neither is; any other combination is refused.</summary>
    public static CarbonPeriod? Of(int? baselineYear, int? alternateYear)
    {
        switch (baselineYear, alternateYear)
        {
            case (null, null):
                return null;
            case (int, null):
                throw new ParameterException("alternate year", null, "the baseline year is given without the alternate year; an annual sink needs both");
            case (null, int):
                throw new ParameterException("baseline year", null, "the alternate year is given without the baseline year; an annual sink needs both");
        }

        var p = new CarbonPeriod(baselineYear.Value, alternateYear.Value);
        if (p.Years is < 1 or > MaxYears)
        {
            throw new ParameterException("alternate year", Text(p.AlternateYear),
                $"{p.Years} years after the baseline year {Text(p.BaselineYear)}; the period must be 1 to {MaxYears} years");
        }

        return p;
    }

    /// <summary>Mg C/yr of a change over the period.</summary>
    public double Annual(double change) => change / Years;

    private static string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
}
