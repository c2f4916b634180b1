namespace SpatialCarbon.Storage;

/// <summary>Quotes identifiers for SQL text, the one place where a name (never a value) enters a statement. SQLite and
/// PostgreSQL share the rule: wrap in double quotes and double any double quote inside.</summary>
public static class SqlIdentifier
{
    /// <exception cref="ArgumentException">The name is empty or holds a NUL character, which neither database allows.</exception>
    public static string Quote(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("an SQL identifier cannot be empty", nameof(name));
        if (name.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException("an SQL identifier cannot hold a NUL character", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A schema-qualified name: "schema"."name".</summary>
    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);
}
