using SpatialCarbon.Core;

namespace SpatialCarbon.Gdal;

/// <summary>The GDAL bridge was asked to open a file but the system GDAL library cannot be loaded.</summary>
public sealed class GdalUnavailableException(string path, string libraryName)
    : InputException(path, null, $"GDAL is not installed ({libraryName} cannot be loaded): apt-get install libgdal32")
{
    /// <summary>The shared library that could not be loaded.</summary>
    public string LibraryName { get; } = libraryName;
}
