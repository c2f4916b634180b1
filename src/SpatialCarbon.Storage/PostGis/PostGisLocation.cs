using Npgsql;
using SpatialCarbon.Core;

namespace SpatialCarbon.Storage.PostGis;

/// <summary>A PostGIS workspace address parsed from <c>postgresql://user@host:port/db[?schema=NAME]</c>. A password is
/// refused in the URI (it would sit in shell history and process lists); it comes from PGPASSWORD or a pgpass file.</summary>
public sealed record PostGisLocation(string User, string Host, int Port, string Database, string Schema)
{
    public const string DefaultSchema = "spatialcarbon";
    public const int DefaultPort = 5432;

    public static bool IsUri(string locator) =>
        locator.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || locator.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InputException">Not a postgresql:// URI of that form, or it holds a password.</exception>
    public static PostGisLocation Parse(string locator)
    {
        if (!Uri.TryCreate(locator, UriKind.Absolute, out var uri) || !IsUri(locator))
            throw new InputException(Redacted(locator), null, "not a postgresql://user@host:port/db URI");
        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        if (userInfo.Contains(':', StringComparison.Ordinal))
            throw new InputException(Redacted(locator), null,
                "the URI holds a password; remove it and set PGPASSWORD or use a pgpass file (~/.pgpass or PGPASSFILE) instead");
        var user = userInfo.Length > 0 ? userInfo : Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0) throw new InputException(locator, null, "the URI names no database (postgresql://user@host:port/db)");
        var schema = DefaultSchema;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            if (key == "schema" && value.Length > 0) schema = value;
            else if (key.Equals("password", StringComparison.OrdinalIgnoreCase))
                throw new InputException(Redacted(locator), null, "the URI holds a password; set PGPASSWORD or use a pgpass file instead");
            else throw new InputException(locator, null, $"unknown URI parameter '{key}' (only schema=NAME is understood)");
        }

        var host = uri.Host.Trim('[', ']');
        return new PostGisLocation(user, host.Length > 0 ? host : "localhost", uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, database, schema);
    }

    /// <summary>The URI again, never with a password.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var query = Schema == DefaultSchema ? "" : "?schema=" + Uri.EscapeDataString(Schema);
        return $"postgresql://{Uri.EscapeDataString(User)}@{host}:{Port}/{Uri.EscapeDataString(Database)}{query}";
    }

    /// <summary>The Npgsql connection string: the password from PGPASSWORD when set, else Npgsql reads the pgpass file.</summary>
    public string ConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = User,
            ApplicationName = "spatialcarbon",
            Timeout = 15,
            CommandTimeout = 600,
        };
        if (Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password) builder.Password = password;
        if (Environment.GetEnvironmentVariable("PGPASSFILE") is { Length: > 0 } passfile) builder.Passfile = passfile;
        return builder.ConnectionString;
    }

    private static string Redacted(string locator)
    {
        var at = locator.LastIndexOf('@');
        var scheme = locator.IndexOf("://", StringComparison.Ordinal);
        var redacted = at > 0 && scheme > 0 && at > scheme ? locator[..(scheme + 3)] + "***" + locator[at..] : "postgresql://***";
        var q = redacted.IndexOf('?', StringComparison.Ordinal);
        return q > 0 ? redacted[..q] : redacted;
    }
}
