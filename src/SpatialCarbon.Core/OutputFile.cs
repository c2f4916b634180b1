using System.Text;

namespace SpatialCarbon.Core;

/// <summary>Writes a file through a temporary sibling and renames it at the end, so a failure never leaves a
/// half-written output behind.</summary>
public static class OutputFile
{
    public static void WriteText(string path, Action<TextWriter> write)
    {
        var temp = TempPath(path);
        try
        {
            using (var w = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                w.NewLine = "\n";
                write(w);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A temporary name beside <paramref name="path"/> (same folder, so the final move is a rename).</summary>
    public static string TempPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
}
