namespace SpatialCarbon.Core.Carbon;

/// <summary>Unit conversions used across the carbon model.</summary>
public static class CarbonUnits
{
    /// <summary>Mass of CO2 per mass of carbon (molar masses 44/12).</summary>
    public const double Co2ePerC = 44.0 / 12.0;

    /// <summary>Hectares per square metre.</summary>
    public const double HaPerM2 = 1e-4;

    /// <summary>IPCC default carbon fraction of dry matter (2006 AFOLU, table 4.3).</summary>
    public const double DefaultCarbonFraction = 0.47;
}
