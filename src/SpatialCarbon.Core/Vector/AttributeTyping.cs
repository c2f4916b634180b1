using System.Globalization;

namespace SpatialCarbon.Core.Vector;

/// <summary>Chooses one field type per column from the values a schemaless source (GeoJSON) holds, and converts the
/// values to it, so that every feature of a layer has the same attribute types.</summary>
internal static class AttributeTyping
{
    /// <summary>The narrowest type that holds every non-null value: Integer, then Real, else String.</summary>
    public static FieldType Infer(IEnumerable<object?> values)
    {
        FieldType? type = null;
        foreach (var v in values)
        {
            if (v is null) continue;
            var t = v switch
            {
                long => FieldType.Integer,
                double => FieldType.Real,
                bool => FieldType.Boolean,
                DateTime => FieldType.DateTime,
                _ => FieldType.String,
            };
            type = (type, t) switch
            {
                (null, _) => t,
                var (a, b) when a == b => a,
                (FieldType.Integer, FieldType.Real) or (FieldType.Real, FieldType.Integer) => FieldType.Real,
                _ => FieldType.String,
            };
        }

        return type ?? FieldType.String;
    }

    public static object? Convert(object? value, FieldType type) => value switch
    {
        null => null,
        long l when type == FieldType.Real => (double)l,
        _ when type == FieldType.String && value is not string => value switch
        {
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => value.ToString(),
        },
        _ => value,
    };
}
