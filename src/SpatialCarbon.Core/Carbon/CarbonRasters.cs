using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The rasters of a run, open and on one grid (the baseline's): the alternate land use resampled onto it
/// when alignment was asked for, the forest type and stand age when forest growth was.</summary>
public sealed class CarbonRasters(IRasterSource baseline, IRasterSource? alternate, IRasterSource? forestType, IRasterSource? standAge)
    : IDisposable
{
    public IRasterSource Baseline { get; } = baseline;

    public IRasterSource? Alternate { get; } = alternate;

    public IRasterSource? ForestType { get; } = forestType;

    public IRasterSource? StandAge { get; } = standAge;

    public RasterGrid Grid => Baseline.Grid;

    public void Dispose()
    {
        Baseline.Dispose();
        Alternate?.Dispose();
        ForestType?.Dispose();
        StandAge?.Dispose();
    }
}
