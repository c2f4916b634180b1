using System.Globalization;

namespace SpatialCarbon.Core;

/// <summary>Bounds on everything that inflates or allocates from input, so that a crafted file is refused quickly
/// instead of exhausting memory. Each can be raised through its environment variable (docs/limits.md).</summary>
public static class InputLimits
{
    /// <summary>Largest inflated size of one zip entry, bytes (SPATIALCARBON_MAX_ZIP_ENTRY_MB, default 1024).</summary>
    public static long ZipEntryBytes => Megabytes("SPATIALCARBON_MAX_ZIP_ENTRY_MB", 1024);

    /// <summary>Largest inflated size of all entries read from one zip, bytes (SPATIALCARBON_MAX_ZIP_TOTAL_MB, default 2048).</summary>
    public static long ZipTotalBytes => Megabytes("SPATIALCARBON_MAX_ZIP_TOTAL_MB", 2048);

    /// <summary>Most entries a zip may hold (SPATIALCARBON_MAX_ZIP_ENTRIES, default 10,000).</summary>
    public static int ZipEntries => (int)Number("SPATIALCARBON_MAX_ZIP_ENTRIES", 10_000);

    /// <summary>Highest inflated / compressed ratio of an entry larger than 1 MiB (SPATIALCARBON_MAX_ZIP_RATIO,
    /// default 200; shapefiles compress 3-20 times, deflate bombs about 1,000 times).</summary>
    public static double ZipRatio => Number("SPATIALCARBON_MAX_ZIP_RATIO", 200);

    /// <summary>Largest GeoJSON file, bytes (SPATIALCARBON_MAX_GEOJSON_MB, default 2048).</summary>
    public static long GeoJsonBytes => Megabytes("SPATIALCARBON_MAX_GEOJSON_MB", 2048);

    /// <summary>Deepest JSON nesting accepted (SPATIALCARBON_MAX_JSON_DEPTH, default 64; GeoJSON needs 7).</summary>
    public static int JsonDepth => (int)Number("SPATIALCARBON_MAX_JSON_DEPTH", 64);

    /// <summary>Largest decoded TIFF block, bytes (SPATIALCARBON_MAX_TIFF_BLOCK_MB, default 256).</summary>
    public static long TiffBlockBytes => Megabytes("SPATIALCARBON_MAX_TIFF_BLOCK_MB", 256);

    private static long Megabytes(string variable, long fallback) => (long)(Number(variable, fallback) * 1024 * 1024);

    private static double Number(string variable, double fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v)) return v;
        throw new InputException(variable, null, $"'{text}' is not a positive number");
    }
}
