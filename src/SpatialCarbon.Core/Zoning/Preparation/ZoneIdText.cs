using System.Globalization;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>A zone id as text, the same for every output: invariant culture, doubles round-tripped, null as "".</summary>
public static class ZoneIdText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
