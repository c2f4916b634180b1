namespace SpatialCarbon.Core.Vector;

/// <summary>What a reader had to do to the geometries it read: repairs, skipped empty or null geometries, with a
/// line per feature affected (capped) so that nothing is dropped silently.</summary>
public sealed record GeometryIssues(int Invalid, int Repaired, int Empty, IReadOnlyList<string> Details)
{
    public static GeometryIssues None { get; } = new(0, 0, 0, []);

    public bool Any => Invalid > 0 || Empty > 0;

    public override string ToString() =>
        $"{Invalid} invalid geometr{(Invalid == 1 ? "y" : "ies")} ({Repaired} repaired), {Empty} empty or missing skipped";
}
