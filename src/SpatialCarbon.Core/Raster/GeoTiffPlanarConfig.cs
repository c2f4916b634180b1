namespace SpatialCarbon.Core.Raster;

/// <summary>How bands are laid out in blocks: interleaved per pixel (contiguous) or one plane per band (separate).</summary>
public enum GeoTiffPlanarConfig
{
    Contiguous,
    Separate,
}
