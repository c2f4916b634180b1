namespace SpatialCarbon.Core.Raster;

/// <summary>How internal overviews are computed: nearest (the top-left cell of each 2 × 2 group, as GDAL 3.6 picks), mode (most
/// frequent valid value, for categorical rasters; ties go to the smallest value) or average (mean of valid
/// cells, for continuous rasters). Nodata cells never count; a target cell with no valid source is nodata.</summary>
public enum OverviewResampling
{
    None,
    Nearest,
    Mode,
    Average,
}
