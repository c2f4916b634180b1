namespace SpatialCarbon.Core.Overlay;

/// <summary>An <see cref="IZoneAccumulator"/> whose per-zone state can be folded from another worker's accumulator
/// as soon as the zone is finished, so that only one copy of a finished zone's state stays alive instead of one per
/// worker until the end of the run.</summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
public interface IZoneFolding<in TSelf>
{
    /// <summary>Adds <paramref name="other"/>'s state for <paramref name="zone"/> into this one and leaves
    /// <paramref name="other"/> with the empty state for it, so that a later whole merge adds nothing more. Folding
    /// workers 1, 2, ... in that order gives exactly the sums of the whole merge in the same order.</summary>
    void FoldZone(int zone, TSelf other);
}
