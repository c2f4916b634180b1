namespace SpatialCarbon.Core.Overlay;

/// <summary>Receives the cells each zone covers, one run of consecutive cells in one raster row at a time. The zonal
/// engine gives every worker thread its own accumulator and hands them all back for merging, so implementations need
/// no locking. Values are raw (nodata is not filtered out): each accumulator decides what nodata means to it.</summary>
public interface IZoneAccumulator
{
    /// <summary>A run of cells the zone covers only in part (boundary cells).</summary>
    /// <param name="zone">Index of the zone in the list given to the engine.</param>
    /// <param name="row">Raster row of the run.</param>
    /// <param name="col">Raster column of the run's first cell.</param>
    /// <param name="coverage">Fraction of each cell covered, in (0, 1].</param>
    /// <param name="values0">Values of the first raster for those cells.</param>
    /// <param name="values1">Values of the second raster on the same grid, or empty when only one raster is given.</param>
    /// <param name="cellAreas_m2">Area of each of those cells in m² (whole cells, not the covered part), measured
    /// as the run asked (on the ellipsoid, or planar).</param>
    void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
        ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2);

    /// <summary>A run of cells wholly inside the zone (coverage 1 for each).</summary>
    void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
        ReadOnlySpan<double> cellAreas_m2);
}
