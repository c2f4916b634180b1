namespace SpatialCarbon.Core.Overlay;

/// <summary>How <see cref="ZonalEngine.Run{TAccumulator}"/> runs: worker count, where warnings go, cancellation.</summary>
public sealed record ZonalRunOptions
{
    /// <summary>Worker threads (and accumulators); defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives one warning per zone that covers nothing (empty, degenerate or outside the raster).
    /// Called from the calling thread.</summary>
    public Action<ZonalWarning>? Warning { get; init; }

    public CancellationToken Cancellation { get; init; }
}

/// <summary>A zone the engine could not overlay: it keeps a row of zeros, and the run goes on.</summary>
public sealed record ZonalWarning(int Zone, string Problem)
{
    public override string ToString() => $"zone {Zone}: {Problem}";
}
