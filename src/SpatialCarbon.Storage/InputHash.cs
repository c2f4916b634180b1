using System.Security.Cryptography;

namespace SpatialCarbon.Storage;

/// <summary>The hash a run records for an input file: "sha256:" and the lower-case hex digest of its bytes (for a
/// folder dataset such as a FileGDB, of its files' names and bytes in name order).</summary>
public static class InputHash
{
    public static string Of(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [path];
        foreach (var file in files)
        {
            if (Directory.Exists(path)) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file) + "\0"));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer.AsSpan(0, read));
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
