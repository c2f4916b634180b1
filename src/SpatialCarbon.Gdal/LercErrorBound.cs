using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Gdal;

/// <summary>Whether a LERC-compressed GeoTIFF was written lossily: GDAL does not report LERC's error bound, so it is read
/// from the header of the first block's Lerc2 blob (its maxZError; 0.5 for an integer type is lossless).</summary>
internal static class LercErrorBound
{
    /// <summary>The codec's name when the file's LERC blobs allow errors, "LERC_ZSTD" when that cannot be told (no zstd
    /// decoder here), else null; <paramref name="compression"/> is GDAL's COMPRESSION item.</summary>
    public static string? Lossy(string path, nint band, string compression, RasterDataType type)
    {
        if (compression.Equals("LERC_ZSTD", StringComparison.OrdinalIgnoreCase)) return $"{compression} (its error bound cannot be read)";
        if (!long.TryParse(GdalNative.Utf8(GdalNative.GDALGetMetadataItem(band, "BLOCK_OFFSET_0_0", "TIFF")), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !int.TryParse(GdalNative.Utf8(GdalNative.GDALGetMetadataItem(band, "BLOCK_SIZE_0_0", "TIFF")), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size <= 0 || size > 64 << 20)
            return null;
        try
        {
            var blob = new byte[size];
            using (var file = File.OpenRead(path))
            {
                file.Position = offset;
                file.ReadExactly(blob);
            }

            var head = compression.Equals("LERC_DEFLATE", StringComparison.OrdinalIgnoreCase) ? Inflate(blob) : blob;
            var maxZError = MaxZError(head);
            if (maxZError is not double e) return null;
            return e > (type.IsFloatingPoint() ? 0 : 0.5) ? $"{compression} (error bound {e.ToString("G6", CultureInfo.InvariantCulture)})" : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null; // an unreadable block is reported when it is read
        }
    }

    private static byte[] Inflate(byte[] blob)
    {
        using var z = new ZLibStream(new MemoryStream(blob), CompressionMode.Decompress);
        var head = new byte[128];
        var read = z.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    /// <summary>Lerc2 header: "Lerc2 ", version, a checksum from version 3, then 6 (7 from version 4, 8 from version 6)
    /// ints, then maxZError as the first double.</summary>
    internal static double? MaxZError(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 10 || !blob[..6].SequenceEqual("Lerc2 "u8)) return null;
        var version = BinaryPrimitives.ReadInt32LittleEndian(blob[6..]);
        var at = 10 + (version >= 3 ? 4 : 0) + 4 * (version >= 6 ? 8 : version >= 4 ? 7 : 6);
        return blob.Length < at + 8 ? null : BinaryPrimitives.ReadDoubleLittleEndian(blob[at..]);
    }
}
