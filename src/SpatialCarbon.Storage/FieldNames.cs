using System.Text;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Storage;

/// <summary>Which attribute names a stored layer accepts: unique regardless of case (SQLite folds case), not the
/// stores' own fid and geom columns, and within PostgreSQL's identifier length.</summary>
public static class FieldNames
{
    /// <exception cref="InputException">A field name clashes, is empty or is too long.</exception>
    public static void Validate(VectorLayer layer, string source)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
        foreach (var field in layer.Fields)
        {
            if (string.IsNullOrEmpty(field.Name) || field.Name.Contains('\0', StringComparison.Ordinal))
                throw new InputException(source, layer.Name, "a field name is empty or holds a NUL character");
            if (Encoding.UTF8.GetByteCount(field.Name) > LayerName.MaxBytes)
                throw new InputException(source, layer.Name, $"field name '{field.Name}' is longer than {LayerName.MaxBytes} UTF-8 bytes");
            if (!seen.Add(field.Name))
                throw new InputException(source, layer.Name, $"field name '{field.Name}' clashes with another field or with fid/geom (names are compared without case)");
        }
    }
}
