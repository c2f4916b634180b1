using System.Text;
using SpatialCarbon.Core;

namespace SpatialCarbon.Storage;

/// <summary>Which zone layer names a workspace accepts. Any text is allowed (quotes, semicolons, CJK, emoji: names
/// only ever reach SQL through <see cref="SqlIdentifier.Quote(string)"/>), except names the stores keep for
/// themselves and names PostgreSQL would silently truncate.</summary>
public static class LayerName
{
    /// <summary>PostgreSQL's identifier limit (NAMEDATALEN - 1), in UTF-8 bytes.</summary>
    public const int MaxBytes = 63;

    private static readonly string[] ReservedPrefixes = ["sc_", "gpkg_", "rtree_", "sqlite_", "pg_"];
    private static readonly string[] ReservedNames = ["schema_migrations", "spatial_ref_sys", "geometry_columns", "geography_columns", "raster_columns", "raster_overviews"];

    /// <exception cref="InputException">The name is empty, too long, holds a control character or is reserved.</exception>
    public static void Validate(string name, string source)
    {
        string? problem = null;
        if (string.IsNullOrWhiteSpace(name)) problem = "a layer name cannot be empty";
        else if (Encoding.UTF8.GetByteCount(name) > MaxBytes) problem = $"layer name '{name}' is longer than {MaxBytes} UTF-8 bytes";
        else if (name.Any(char.IsControl)) problem = "a layer name cannot hold control characters";
        else if (ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || ReservedNames.Any(n => name.Equals(n, StringComparison.OrdinalIgnoreCase)))
            problem = $"layer name '{name}' is reserved for the workspace's own tables";
        if (problem is not null) throw new InputException(source, null, problem);
    }
}
