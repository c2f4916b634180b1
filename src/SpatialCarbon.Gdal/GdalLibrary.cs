using System.Reflection;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Gdal;

/// <summary>Loads the system GDAL once (drivers registered, errors kept off stderr) and tells callers whether it is
/// there. Loading the bridge assembly never touches libgdal: only the first open does.</summary>
public static class GdalLibrary
{
    /// <summary>Debian 12's libgdal32 ships only the versioned name (libgdal.so comes with libgdal-dev).</summary>
    public const string DefaultLibraryName = "libgdal.so.32";

    /// <summary>Environment variable naming another GDAL library (e.g. libgdal.so.36 on Debian 13).</summary>
    public const string LibraryVariable = "SPATIALCARBON_GDAL_LIBRARY";

    /// <summary>GDAL's block cache unless GDAL_CACHEMAX says otherwise: GDAL's own default (5% of RAM) grows with the
    /// machine, while reads here are block-wise and need only a few blocks per thread.</summary>
    public const long DefaultCacheBytes = 256L << 20;

    /// <summary>The library the bridge loads: <see cref="LibraryVariable"/> when set, else <see cref="DefaultLibraryName"/>.</summary>
    public static string LibraryName { get; } =
        Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } name ? name : DefaultLibraryName;

    private static readonly Lazy<nint> Handle = new(() => Initialise(LibraryName));

    static GdalLibrary() => NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);

    /// <summary>True when libgdal can be loaded on this machine.</summary>
    public static bool IsAvailable => Handle.Value != 0;

    /// <summary>Makes sure GDAL is loaded before <paramref name="path"/> is opened with it.</summary>
    /// <exception cref="GdalUnavailableException">GDAL is not installed.</exception>
    public static void EnsureAvailable(string path)
    {
        if (!IsAvailable) throw new GdalUnavailableException(path, LibraryName);
    }

    /// <summary>Loads a named GDAL library or throws the install hint; the name is injectable so that tests can
    /// see what happens on a machine without GDAL.</summary>
    internal static nint Load(string path, string libraryName) =>
        TryLoad(libraryName) is var handle and not 0 ? handle : throw new GdalUnavailableException(path, libraryName);

    private static nint TryLoad(string libraryName) =>
        NativeLibrary.TryLoad(libraryName, typeof(GdalLibrary).Assembly, DllImportSearchPath.SafeDirectories, out var handle) ? handle : 0;

    private static nint Initialise(string libraryName)
    {
        var handle = TryLoad(libraryName);
        if (handle == 0) return 0;

        // Without a quiet handler GDAL prints every warning to stderr; errors are read back with CPLGetLastErrorMsg.
        var quiet = NativeLibrary.GetExport(handle, "CPLQuietErrorHandler");
        GdalNative.CPLSetErrorHandler(quiet);
        GdalNative.GDALAllRegister();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX"))) GdalNative.GDALSetCacheMax64(DefaultCacheBytes);
        return handle;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != GdalNative.Library) return 0;

        // Lazy.Value would recurse while Initialise itself calls into GDAL, so that first load resolves directly.
        if (Handle.IsValueCreated) return Handle.Value;
        return TryLoad(LibraryName);
    }
}
