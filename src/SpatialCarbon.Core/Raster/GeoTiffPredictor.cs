namespace SpatialCarbon.Core.Raster;

/// <summary>TIFF predictor (tag 317): none (1), horizontal differencing (2) or floating-point (3).</summary>
public enum GeoTiffPredictor
{
    None,
    Horizontal,
    FloatingPoint,
}
