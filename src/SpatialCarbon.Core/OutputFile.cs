using System.Text;
using SpatialCarbon.Core.IO;

namespace SpatialCarbon.Core;

/// <summary>Text outputs through <see cref="AtomicFile"/>: UTF-8 without BOM, "\n" line ends.</summary>
public static class OutputFile
{
    public static void WriteText(string path, Action<TextWriter> write) => AtomicFile.Write(path, temp =>
    {
        using var w = new StreamWriter(temp, false, new UTF8Encoding(false));
        w.NewLine = "\n";
        write(w);
    });

    /// <summary>A temporary name beside <paramref name="path"/>; see <see cref="AtomicFile.TempPath"/>.</summary>
    public static string TempPath(string path) => AtomicFile.TempPath(path);
}
