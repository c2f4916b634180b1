namespace SpatialCarbon.Core.Carbon;

/// <summary>Where the per-cell maps go (each optional): density at both dates in Mg C/ha and change in Mg C/ha.
/// Cells that are nodata in either input (or carry a code missing from the table) are NaN in every map, which no real
/// density or change can equal, so a real change never vanishes as nodata (InVEST's defect).</summary>
public sealed record CarbonMaps(IRasterBlockSink? BaselineDensity = null, IRasterBlockSink? AlternateDensity = null, IRasterBlockSink? Change = null)
{
    /// <summary>The nodata value of every carbon map.</summary>
    public const float NoData = float.NaN;

    public static CarbonMaps None { get; } = new();
}
