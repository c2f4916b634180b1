using System.Text;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Every change zone preparation made, as counts and one note per affected feature (capped at
/// <see cref="ZonePreparation.MaxNotes"/>, counts stay exact), plus warnings about the layer as a whole (e.g. duplicate
/// ids). Core never prints: callers show it.</summary>
/// <param name="RingsClosed">Features whose unclosed rings were closed (by the reader, <see cref="RingClosure"/>).</param>
/// <param name="EmptyPartsDropped">Features whose empty parts were dropped, the other parts kept.</param>
/// <param name="Reprojected">Zones transformed into the target CRS.</param>
/// <param name="Invalid">Features invalid after reprojection; <paramref name="Repaired"/> of them repaired.</param>
/// <param name="Dissolved">Zones whose overlapping parts were dissolved.</param>
/// <param name="Unusable">Zones left with an empty geometry (none, empty, or nothing left after repair); they keep
/// their row.</param>
public sealed record PreparationReport(
    int Features,
    int RingsClosed,
    int EmptyPartsDropped,
    int Reprojected,
    int Invalid,
    int Repaired,
    int Dissolved,
    int Unusable,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings)
{
    /// <summary>No feature, no change.</summary>
    public static PreparationReport None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, [], []);

    /// <summary>True when preparation changed or set aside any geometry (warnings aside).</summary>
    public bool Any => RingsClosed + EmptyPartsDropped + Invalid + Dissolved + Unusable > 0;

    /// <summary>One line of counts (reprojection is not counted as a change: it is the purpose).</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.Append($"{Invalid} invalid geometr{(Invalid == 1 ? "y" : "ies")} ({Repaired} repaired), {Unusable} empty or missing skipped");
        if (RingsClosed > 0) s.Append($", {RingsClosed} with unclosed rings closed");
        if (EmptyPartsDropped > 0) s.Append($", {EmptyPartsDropped} with empty parts dropped");
        if (Dissolved > 0) s.Append($", {Dissolved} with overlapping parts dissolved");
        return s.ToString();
    }
}
