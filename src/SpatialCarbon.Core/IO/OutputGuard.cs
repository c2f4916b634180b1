namespace SpatialCarbon.Core.IO;

/// <summary>Refuses, before any work starts, an output that would overwrite or delete an input: the same file, a
/// folder output that holds an input, or an output inside an input folder.</summary>
public static class OutputGuard
{
    /// <summary>Throws <see cref="InputException"/> naming the output and the input it would destroy.</summary>
    public static void Check(string output, IEnumerable<string?> inputs)
    {
        CheckWritable(output);
        var outFull = Canonical(output);
        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input)) continue;
            var inFull = Canonical(input);
            if (PathEquals(outFull, inFull))
                throw new InputException(output, null, $"the output is the input {input}; choose another output path");
            if (IsInside(inFull, outFull))
                throw new InputException(output, null, $"the output folder holds the input {input}, which writing it would delete; choose another output folder");
            if (IsInside(outFull, inFull))
                throw new InputException(output, null, $"the output lies inside the input {input}; choose another output path");
        }
    }

    /// <summary>The checks of <see cref="Check"/> for a file output, and a path naming an existing folder refused.</summary>
    public static void CheckFile(string output, IEnumerable<string?> inputs)
    {
        if (Directory.Exists(output)) throw new InputException(output, null, "names an existing folder, but the output is a file");
        Check(output, inputs);
    }

    /// <summary>The checks of <see cref="Check"/> for a folder output that will be replaced whole (<see cref="AtomicFolder"/>):
    /// also refuses a path naming a file, and an existing folder holding anything <paramref name="isOwnOutput"/> does not
    /// recognise (by file name), since replacing the folder would delete it: <c>--out .</c> in a home folder must not
    /// wipe it.</summary>
    public static void CheckFolder(string output, IEnumerable<string?> inputs, Func<string, bool> isOwnOutput)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        if (File.Exists(full)) throw new InputException(output, null, "names an existing file, but the output is a folder");
        if (Path.GetDirectoryName(full) is null) throw new InputException(output, null, "the output folder cannot be the root folder");
        Check(output, inputs);
        if (!Directory.Exists(full)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(full))
        {
            var name = Path.GetFileName(entry);
            var own = File.Exists(entry) && (isOwnOutput(name) || AtomicFolder.IsTemporary(name));
            if (!own)
            {
                throw new InputException(output, null,
                    $"the folder holds '{name}', which is not an output of this command and would be deleted when the new outputs replace the folder; choose a new or empty folder");
            }
        }
    }

    /// <summary>Fails early, before any work, when the output's folder (or its nearest existing ancestor) refuses new files.</summary>
    private static void CheckWritable(string output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        while (folder is not null && !Directory.Exists(folder)) folder = Path.GetDirectoryName(folder);
        if (folder is null) return;
        var probe = AtomicFile.TempPath(Path.Combine(folder, "probe"));
        try
        {
            File.Create(probe).Dispose();
            File.Delete(probe);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(output, null, $"cannot write in {folder}: permission denied");
        }
        catch (IOException e)
        {
            throw new InputException(output, null, $"cannot write in {folder}: {e.Message}");
        }
    }

    /// <summary>Full path with symbolic links of the existing part resolved, so that two names of one file compare equal.</summary>
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        var existing = full;
        var rest = new Stack<string>();
        while (!File.Exists(existing) && !Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null) return full;
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }

        var resolved = Resolve(existing);
        while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
        return Path.TrimEndingDirectorySeparator(resolved);
    }

    private static string Resolve(string existing)
    {
        // Resolve each ancestor so that a link anywhere on the way is followed.
        var parent = Path.GetDirectoryName(existing);
        var head = parent is null ? existing : Path.Combine(Resolve(parent), Path.GetFileName(existing));
        FileSystemInfo info = Directory.Exists(head) ? new DirectoryInfo(head) : new FileInfo(head);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? head : Path.GetFullPath(target.FullName);
    }

    private static bool PathEquals(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
