namespace SpatialCarbon.Core.Raster;

/// <summary>Affine pixel-to-world transform in GDAL's order:
/// X = OriginX + col·PixelWidth + row·RowRotation; Y = OriginY + col·ColumnRotation + row·PixelHeight
/// (PixelHeight is negative for north-up rasters). Pixel (0,0) is the top-left corner of the top-left cell.</summary>
public readonly record struct GeoTransform(
    double OriginX, double PixelWidth, double RowRotation,
    double OriginY, double ColumnRotation, double PixelHeight)
{
    public static GeoTransform NorthUp(double left, double top, double cellWidth, double cellHeight) =>
        new(left, cellWidth, 0, top, 0, -Math.Abs(cellHeight));

    public bool IsAxisAligned => RowRotation == 0 && ColumnRotation == 0;

    public (double X, double Y) PixelToWorld(double col, double row) =>
        (OriginX + col * PixelWidth + row * RowRotation, OriginY + col * ColumnRotation + row * PixelHeight);

    /// <summary>Inverse of <see cref="PixelToWorld"/>: fractional (col, row) of a world point.</summary>
    public (double Col, double Row) WorldToPixel(double x, double y)
    {
        var det = PixelWidth * PixelHeight - RowRotation * ColumnRotation;
        var dx = x - OriginX;
        var dy = y - OriginY;
        return ((dx * PixelHeight - dy * RowRotation) / det, (dy * PixelWidth - dx * ColumnRotation) / det);
    }

    public double[] ToArray() => [OriginX, PixelWidth, RowRotation, OriginY, ColumnRotation, PixelHeight];

    public static GeoTransform FromArray(ReadOnlySpan<double> gt) => new(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
}
