using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Sends Float32 map blocks to a <see cref="GeoTiffWriter"/> (which is thread-safe for disjoint windows).</summary>
public sealed class GeoTiffBlockSink(GeoTiffWriter writer) : IRasterBlockSink
{
    [ThreadStatic] private static double[]? _buffer;

    /// <summary>Options for carbon maps: Float32, tiled 256, LZW with the floating-point predictor, NaN nodata.</summary>
    public static GeoTiffWriteOptions MapOptions { get; } = new(RasterDataType.Float32, double.NaN,
        GeoTiffCompression.Lzw, GeoTiffPredictor.FloatingPoint, Tiled: true, BlockSize: 256);

    public GeoTiffWriter Writer => writer;

    public void Write(RasterWindow window, ReadOnlySpan<float> values)
    {
        var n = (int)window.CellCount;
        if (_buffer is null || _buffer.Length < n) _buffer = new double[n];
        var d = _buffer.AsSpan(0, n);
        for (var i = 0; i < n; i++) d[i] = values[i];
        writer.WriteWindow(1, window, d);
    }
}
