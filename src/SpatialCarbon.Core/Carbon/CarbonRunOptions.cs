namespace SpatialCarbon.Core.Carbon;

/// <summary>How a carbon run proceeds: threads, the processing tile (a multiple of the output's tile size), progress.</summary>
public sealed record CarbonRunOptions(int MaxDegreeOfParallelism = 0, int TileSize = 256, IProgress<double>? Progress = null)
{
    public static CarbonRunOptions Default { get; } = new();

    public int Threads => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
}
