using System.Globalization;
using NpgsqlTypes;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage.PostGis;

/// <summary>How each attribute type is stored in PostgreSQL, and the value conversions either way (date-times are
/// kept as timestamptz in UTC).</summary>
internal static class PostGisColumnType
{
    public static string Sql(FieldType type) => type switch
    {
        FieldType.Integer => "bigint",
        FieldType.Real => "double precision",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "timestamptz",
        _ => "text",
    };

    public static NpgsqlDbType DbType(FieldType type) => type switch
    {
        FieldType.Integer => NpgsqlDbType.Bigint,
        FieldType.Real => NpgsqlDbType.Double,
        FieldType.Boolean => NpgsqlDbType.Boolean,
        FieldType.DateTime => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };

    /// <summary>The value as the column type wants it (null stays null).</summary>
    public static object? ToDatabase(object? value, FieldType type) => (value, type) switch
    {
        (null, _) => null,
        (_, FieldType.Integer) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        (_, FieldType.Real) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        (bool b, FieldType.Boolean) => b,
        (_, FieldType.Boolean) => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        (DateTime d, FieldType.DateTime) => d.Kind switch
        {
            DateTimeKind.Local => d.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            _ => d,
        },
        (_, FieldType.DateTime) => DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static FieldType Parse(string name) => Enum.Parse<FieldType>(name);
}
