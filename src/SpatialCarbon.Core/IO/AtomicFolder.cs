using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.IO;

/// <summary>Writes a folder of outputs as a whole: built in a hidden sibling, then swapped in with one atomic exchange
/// (Linux renameat2 RENAME_EXCHANGE), so that a kill at any moment leaves either the complete old set or the complete
/// new set. Leftovers of killed runs are removed by the next run.</summary>
public static partial class AtomicFolder
{
    private const string StagingMark = ".staging-";

    /// <summary>Runs <paramref name="build"/> on an empty staging folder, then makes it <paramref name="folder"/>.
    /// A failure leaves <paramref name="folder"/> as it was.</summary>
    public static T Write<T>(string folder, Func<string, T> build)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(full)) throw new InputException(folder, null, "names an existing file, but the output is a folder");
        var parent = Path.GetDirectoryName(full) ?? throw new InputException(folder, null, "the output folder cannot be the root");
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, Path.GetFileName(full));
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}{StagingMark}{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            var result = build(staging);
            SwapIn(staging, full);
            return result;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
        }
    }

    /// <summary>Removes staging folders and temporary files beside <paramref name="name"/> left by runs that are no
    /// longer alive (a running process's own are kept).</summary>
    public static void RemoveLeftovers(string parent, string name)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, $".{name}*"))
        {
            var leaf = Path.GetFileName(entry);
            var pid = OwnerPid(leaf, name);
            if (pid is null || IsAlive(pid.Value)) continue;
            try
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, true);
                else File.Delete(entry);
            }
            catch (IOException)
            {
                // Another run may be removing it at the same moment; whichever wins, it is gone.
            }
        }
    }

    /// <summary>Whether <paramref name="leaf"/> is a temporary file name of <see cref="AtomicFile"/> (".name.PID.GUID.tmp").</summary>
    public static bool IsTemporary(string leaf) =>
        leaf.StartsWith('.') && leaf.EndsWith(".tmp", StringComparison.Ordinal) && leaf.Split('.') is [.., var pid, { Length: 32 }, "tmp"] && int.TryParse(pid, out _);

    /// <summary>The pid in ".name.staging-PID" or ".name.PID.GUID.tmp" (the single-file temporaries), else null.</summary>
    private static int? OwnerPid(string leaf, string name)
    {
        var rest = leaf[(name.Length + 1)..];
        if (rest.StartsWith(StagingMark, StringComparison.Ordinal) && int.TryParse(rest[StagingMark.Length..], out var p)) return p;
        var parts = rest.Split('.');
        // SQLite's "-journal" and "-wal" companions of a temporary GeoPackage count too.
        if (parts is ["", var pid, _, var last] && last.StartsWith("tmp", StringComparison.Ordinal) && int.TryParse(pid, out var q)) return q;
        return null;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void SwapIn(string staging, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(staging, folder);
            return;
        }

        if (OperatingSystem.IsLinux() && RenameAt2(AtFdCwd, staging, AtFdCwd, folder, RenameExchange) == 0)
            return; // staging now holds the old set; the caller's finally removes it.

        // Elsewhere two renames: a kill between them leaves the old set under a temporary name that the next run removes,
        // the weaker guarantee of systems without an atomic exchange.
        var old = Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Directory.Move(folder, old);
        Directory.Move(staging, folder);
        Directory.Delete(old, true);
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
