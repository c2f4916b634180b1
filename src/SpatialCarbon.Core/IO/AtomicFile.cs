namespace SpatialCarbon.Core.IO;

/// <summary>The one way outputs are written: into a hidden temporary sibling, renamed over the target at the end, so
/// that a failure or a kill never leaves a half-written file; leftovers of killed runs are removed first.</summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on an empty temporary file beside <paramref name="path"/>, then renames
    /// it to <paramref name="path"/>. A folder that cannot be written in is bad input, named in one line.</summary>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException(path, null, "names an existing folder, but the output is a file");
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder)) throw new InputException(path, null, $"the folder {folder} does not exist");
        AtomicFolder.RemoveLeftovers(folder, Path.GetFileName(full));
        var temp = TempPath(full);
        try
        {
            try
            {
                File.Create(temp).Dispose();
            }
            catch (UnauthorizedAccessException)
            {
                throw new InputException(path, null, $"cannot write in {folder}: permission denied");
            }

            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A temporary name beside <paramref name="path"/> (same folder, so the final move is a rename), of the form
    /// the leftover sweep recognises: ".name.PID.GUID.tmp".</summary>
    public static string TempPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
}
