namespace SpatialCarbon.Core.Vector;

/// <summary>What a reader had to do to the geometries it read: repairs, skipped empty or null geometries, with a
/// line per feature affected (capped) so that nothing is dropped silently.</summary>
/// <param name="Skipped">The features left out of the layer for want of a usable geometry, with their attributes and an
/// empty geometry, so that a caller such as zonal statistics can still give them a row.</param>
public sealed record GeometryIssues(int Invalid, int Repaired, int Empty, IReadOnlyList<string> Details,
    IReadOnlyList<VectorFeature>? Skipped = null)
{
    /// <summary>Skipped features (never null).</summary>
    public IReadOnlyList<VectorFeature> SkippedFeatures => Skipped ?? [];

    public static GeometryIssues None { get; } = new(0, 0, 0, []);

    public bool Any => Invalid > 0 || Empty > 0;

    public override string ToString() =>
        $"{Invalid} invalid geometr{(Invalid == 1 ? "y" : "ies")} ({Repaired} repaired), {Empty} empty or missing skipped";
}
