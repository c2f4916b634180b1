using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace SpatialCarbon.Core.Zoning;

/// <summary>Which zoning data a result was computed from: a name, the data's date and a content hash (the first 16 hex
/// digits of the SHA-256 of the file), stamped on every screening result.</summary>
public sealed record DataVersion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("content_hash")] string ContentHash)
{
    /// <summary>The version of a zones file: its name, its date (a GeoPackage's latest gpkg_contents.last_change, else
    /// the file's modification date) and the hash of its bytes.</summary>
    public static DataVersion OfFile(string path, string? name = null)
    {
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        return new DataVersion(name ?? Path.GetFileName(path), DateOf(path), hash);
    }

    public override string ToString() => $"{Name} ({Date}, sha256 {ContentHash})";

    private static string DateOf(string path)
    {
        if (path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT max(last_change) FROM gpkg_contents";
                if (command.ExecuteScalar() is string s && s.Length >= 10) return s[..10];
            }
            catch (SqliteException)
            {
                // Not a readable GeoPackage: the file date will do.
            }
        }

        return File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
