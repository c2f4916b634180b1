using System.Runtime.InteropServices;

namespace SpatialCarbon.Gdal;

/// <summary>Refuses inputs that are neither regular files nor folders: opening a FIFO blocks until some writer
/// appears, and a device never ends. .NET exposes no file type, so this asks libc's stat on Linux.</summary>
internal static partial class FileKind
{
    private const uint TypeMask = 0xF000, Regular = 0x8000, Directory = 0x4000;

    /// <summary>"a named pipe", "a device", … when <paramref name="path"/> is a special file; null for a regular
    /// file, a folder, a missing path, or where the type cannot be asked.</summary>
    public static string? SpecialKind(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (modeOffset < 0) return null;
        var buffer = new byte[256];
        if (Stat(path, buffer) != 0) return null;
        var type = BitConverter.ToUInt32(buffer, modeOffset) & TypeMask;
        return type switch
        {
            Regular or Directory => null,
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "a special file",
        };
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte[] buffer);
}
