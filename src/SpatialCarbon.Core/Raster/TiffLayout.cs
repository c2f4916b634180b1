using BitMiracle.LibTiff.Classic;

namespace SpatialCarbon.Core.Raster;

/// <summary>The block structure of one TIFF directory (image or overview), validated against what the managed
/// reader can decode.</summary>
internal sealed record TiffLayout(
    int Width, int Height, bool Tiled, int BlockWidth, int BlockHeight, int SamplesPerPixel,
    GeoTiffPlanarConfig PlanarConfig, RasterDataType DataType, GeoTiffCompression Compression,
    GeoTiffPredictor Predictor, int BlockBytes, int SubFileType)
{
    public int BlocksAcross => (Width + BlockWidth - 1) / BlockWidth;

    public int BlocksDown => (Height + BlockHeight - 1) / BlockHeight;

    public int BlocksPerPlane => BlocksAcross * BlocksDown;

    /// <summary>Reads the current directory of <paramref name="tif"/>; unsupported features raise
    /// <see cref="UnsupportedFormatException"/>, malformed ones <see cref="InputException"/>.</summary>
    public static TiffLayout Read(Tiff tif, string path)
    {
        int Int(TiffTag tag, int fallback) => tif.GetField(tag) is { Length: > 0 } v ? v[0].ToInt() : fallback;

        var width = Int(TiffTag.IMAGEWIDTH, 0);
        var height = Int(TiffTag.IMAGELENGTH, 0);
        if (width <= 0 || height <= 0) throw new InputException(path, null, "TIFF directory without image width or height");
        var compressionCode = Int(TiffTag.COMPRESSION, 1);
        var compression = compressionCode switch
        {
            1 => GeoTiffCompression.None,
            5 => GeoTiffCompression.Lzw,
            8 or 32946 => GeoTiffCompression.Deflate,
            32773 => GeoTiffCompression.PackBits,
            _ => throw new UnsupportedFormatException(path, $"{CompressionName(compressionCode)} compression is not supported by the managed GeoTIFF reader"),
        };
        var predictorCode = Int(TiffTag.PREDICTOR, 1);
        var predictor = predictorCode switch
        {
            1 => GeoTiffPredictor.None,
            2 => GeoTiffPredictor.Horizontal,
            3 => GeoTiffPredictor.FloatingPoint,
            _ => throw new UnsupportedFormatException(path, $"predictor {predictorCode} is not supported"),
        };
        var bits = Int(TiffTag.BITSPERSAMPLE, 1);
        var format = Int(TiffTag.SAMPLEFORMAT, 1);
        RasterDataType type = (bits, format) switch
        {
            (8, 1) => RasterDataType.Byte,
            (16, 1) => RasterDataType.UInt16,
            (16, 2) => RasterDataType.Int16,
            (32, 1) => RasterDataType.UInt32,
            (32, 2) => RasterDataType.Int32,
            (32, 3) => RasterDataType.Float32,
            (64, 3) => RasterDataType.Float64,
            _ => throw new UnsupportedFormatException(path, $"{bits}-bit {FormatName(format)} samples are not supported by the managed GeoTIFF reader"),
        };
        var spp = Int(TiffTag.SAMPLESPERPIXEL, 1);
        var planar = Int(TiffTag.PLANARCONFIG, 1) == 2 && spp > 1 ? GeoTiffPlanarConfig.Separate : GeoTiffPlanarConfig.Contiguous;
        var tiled = tif.IsTiled();
        int bw, bh, blockBytes;
        if (tiled)
        {
            bw = Int(TiffTag.TILEWIDTH, 0);
            bh = Int(TiffTag.TILELENGTH, 0);
            blockBytes = tif.TileSize();
        }
        else
        {
            bw = width;
            bh = Math.Min(Int(TiffTag.ROWSPERSTRIP, height), height);
            blockBytes = tif.StripSize();
        }

        if (bw <= 0 || bh <= 0 || blockBytes <= 0) throw new InputException(path, null, "TIFF directory with an invalid tile or strip size");
        if (blockBytes > InputLimits.TiffBlockBytes)
            throw new InputException(path, null, $"a {(tiled ? "tile" : "strip")} of {blockBytes:N0} bytes is larger than the {InputLimits.TiffBlockBytes:N0} accepted (SPATIALCARBON_MAX_TIFF_BLOCK_MB)");
        if (width > MaxSide || height > MaxSide)
            throw new InputException(path, null, $"{width} x {height} cells is larger than the {MaxSide:N0} cells a side the reader accepts");
        var blocks = (long)((width + bw - 1) / bw) * ((height + bh - 1) / bh) * (planar == GeoTiffPlanarConfig.Separate ? spp : 1);
        CheckBlockTable(tif, path, tiled, blocks);
        return new TiffLayout(width, height, tiled, bw, bh, spp, planar, type, compression, predictor, blockBytes,
            Int(TiffTag.SUBFILETYPE, 0));
    }

    /// <summary>Largest width or height accepted (GDAL's own limit is 2^31 - 1; this bounds the block tables).</summary>
    public const int MaxSide = 4_000_000;

    /// <summary>Every block must be listed, and lie inside the file: a forged offset would otherwise read garbage or
    /// allocate from a forged size.</summary>
    private static void CheckBlockTable(Tiff tif, string path, bool tiled, long blocks)
    {
        var offsets = Longs(tif.GetField(tiled ? TiffTag.TILEOFFSETS : TiffTag.STRIPOFFSETS));
        var counts = Longs(tif.GetField(tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS));
        var kind = tiled ? "tile" : "strip";
        if (offsets is null || counts is null) throw new InputException(path, null, $"TIFF directory without {kind} offsets or byte counts");
        if (offsets.Length < blocks || counts.Length < blocks)
            throw new InputException(path, null, $"the image needs {blocks:N0} {kind}s but the directory lists {Math.Min(offsets.Length, counts.Length):N0}");
        var fileLength = tif.GetStream() is TiffStream ts ? ts.Size(tif.Clientdata()) : long.MaxValue;
        for (var i = 0; i < blocks; i++)
        {
            if (counts[i] == 0) continue;
            if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > fileLength)
                throw new InputException(path, $"{kind} {i}", $"the block lies past the end of the file (offset {offsets[i]:N0}, {counts[i]:N0} bytes, file {fileLength:N0} bytes)");
        }
    }

    private static long[]? Longs(FieldValue[]? field) => field is { Length: > 0 } ? field[0].Value switch
    {
        long[] l => l,
        ulong[] u => Array.ConvertAll(u, v => v > long.MaxValue ? -1 : (long)v),
        int[] i => Array.ConvertAll(i, v => (long)v),
        uint[] ui => Array.ConvertAll(ui, v => (long)v),
        _ => null,
    } : null;

    private static string FormatName(int format) => format switch
    {
        1 => "unsigned integer",
        2 => "signed integer",
        3 => "floating-point",
        _ => $"sample-format-{format}",
    };

    private static string CompressionName(int code) => code switch
    {
        2 or 3 or 4 or 32771 => "CCITT",
        6 => "old-style JPEG",
        7 => "JPEG",
        34712 => "JPEG 2000",
        34887 => "LERC",
        34925 => "LZMA",
        50000 => "ZSTD",
        50001 => "WebP",
        50002 => "JPEG XL",
        _ => $"code-{code}",
    };
}
