namespace SpatialCarbon.Core.Overlay;

/// <summary>An <see cref="IZoneAccumulator"/> whose per-zone state can be gathered window by window: the engine
/// accumulates each window in a small scratch accumulator and folds it into the result in window order, so that the
/// result is the same whichever worker overlaid which window, and for any number of workers.</summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
public interface IZoneFolding<TSelf>
{
    /// <summary>An empty accumulator with the same settings for <paramref name="zones"/> zones (numbered 0 to
    /// zones - 1, whatever zones of the run they stand for).</summary>
    TSelf CreateScratch(int zones);

    /// <summary>Adds <paramref name="scratch"/>'s state for its zone <paramref name="scratchZone"/> into this
    /// accumulator's zone <paramref name="zone"/>, and leaves the scratch with the empty state for it, ready for
    /// reuse.</summary>
    void FoldZone(int zone, TSelf scratch, int scratchZone);

    /// <summary>Zone <paramref name="zone"/> has received its last fold: its state may be packed.</summary>
    void FinishZone(int zone);
}
