namespace SpatialCarbon.Core;

/// <summary>A file the managed readers cannot decode (an unknown format, JPEG or ZSTD compression, ...) but that the
/// GDAL bridge may open; callers with the bridge fall back to it.</summary>
public sealed class UnsupportedFormatException(string path, string problem)
    : InputException(path, null, $"{problem}; the GDAL bridge (Debian package libgdal32) can read it")
{
    /// <summary>The reason without the hint about GDAL.</summary>
    public string Reason { get; } = problem;
}
