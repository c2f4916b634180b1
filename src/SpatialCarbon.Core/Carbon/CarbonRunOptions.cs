using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Carbon;

/// <summary>How a carbon run proceeds: how cell areas are measured (on the ellipsoid by default, or planar), threads,
/// the processing tile (a multiple of the output's tile size), progress.</summary>
public sealed record CarbonRunOptions(int MaxDegreeOfParallelism = 0, int TileSize = 256, IProgress<double>? Progress = null,
    AreaMethod AreaMethod = AreaMethod.Ellipsoidal)
{
    public static CarbonRunOptions Default { get; } = new();

    public int Threads => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
}
