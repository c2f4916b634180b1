using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Raster;

/// <summary>A raster whose file carries no CRS, seen in a CRS the user vouches for. Everything else is the file's.</summary>
public sealed class AssumedCrsRaster : IRasterSource
{
    private readonly IRasterSource _inner;

    private AssumedCrsRaster(IRasterSource inner, SpatialReference crs)
    {
        _inner = inner;
        Grid = inner.Grid with { Crs = crs };
    }

    /// <summary><paramref name="raster"/> in <paramref name="assumed"/> when it has no CRS of its own; unchanged when
    /// nothing is assumed or it already is in that CRS. Takes ownership: the raster is disposed if it is refused.</summary>
    /// <exception cref="InputException">The raster carries a different CRS of its own.</exception>
    public static IRasterSource Apply(IRasterSource raster, SpatialReference? assumed)
    {
        if (assumed is null || Equals(raster.Grid.Crs, assumed)) return raster;
        if (raster.Grid.Crs is { } own)
        {
            raster.Dispose();
            throw new InputException(raster.Path, null,
                $"the raster carries its own CRS {own.Label}; the assumed {assumed.Label} applies only to rasters without one");
        }

        return new AssumedCrsRaster(raster, assumed);
    }

    public string Path => _inner.Path;

    public RasterGrid Grid { get; }

    public int BandCount => _inner.BandCount;

    public RasterDataType DataType => _inner.DataType;

    public double? NoData => _inner.NoData;

    public string? LossyCompression => _inner.LossyCompression;

    public int BlockWidth => _inner.BlockWidth;

    public int BlockHeight => _inner.BlockHeight;

    public void ReadWindow(int band, RasterWindow window, Span<double> destination) => _inner.ReadWindow(band, window, destination);

    public void ReadWindowOnce(int band, RasterWindow window, Span<double> destination) => _inner.ReadWindowOnce(band, window, destination);

    public void Dispose() => _inner.Dispose();
}
