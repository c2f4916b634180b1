using System.Reflection;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Gdal;

/// <summary>Loads the system GDAL once (drivers registered, errors kept off stderr) and tells callers whether it is
/// there. Loading the bridge assembly never touches libgdal: only the first open does.</summary>
public static class GdalLibrary
{
    /// <summary>Debian 12's libgdal32 ships only the versioned name (libgdal.so comes with libgdal-dev).</summary>
    public const string DefaultLibraryName = "libgdal.so.32";

    private static readonly Lazy<nint> Handle = new(() => Initialise(DefaultLibraryName));

    static GdalLibrary() => NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);

    /// <summary>True when libgdal can be loaded on this machine.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>Makes sure GDAL is loaded before <paramref name="path"/> is opened with it.</summary>
    /// <exception cref="GdalUnavailableException">GDAL is not installed.</exception>
    public static void EnsureAvailable(string path)
    {
        if (!IsAvailable) throw new GdalUnavailableException(path, DefaultLibraryName);
    }

    /// <summary>Loads a named GDAL library or throws the install hint; the name is injectable so that tests can
    /// see what happens on a machine without GDAL.</summary>
    internal static nint Load(string path, string libraryName) =>
        NativeLibrary.TryLoad(libraryName, typeof(GdalLibrary).Assembly, DllImportSearchPath.SafeDirectories, out var handle)
            ? handle
            : throw new GdalUnavailableException(path, libraryName);

    private static nint Initialise(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, typeof(GdalLibrary).Assembly, DllImportSearchPath.SafeDirectories, out var handle))
            return 0;

        // Without a quiet handler GDAL prints every warning to stderr; errors are read back with CPLGetLastErrorMsg.
        var quiet = NativeLibrary.GetExport(handle, "CPLQuietErrorHandler");
        GdalNative.CPLSetErrorHandler(quiet);
        GdalNative.GDALAllRegister();
        return handle;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != GdalNative.Library) return 0;

        // Lazy.Value would recurse while Initialise itself calls into GDAL, so that first load resolves directly.
        if (Handle.IsValueCreated) return Handle.Value;
        return NativeLibrary.TryLoad(DefaultLibraryName, assembly, searchPath, out var handle) ? handle : 0;
    }
}
