namespace SpatialCarbon.Storage;

/// <summary>One entry of a workspace's run history: the command line, a hash per input (name to "sha256:..."),
/// the outputs written, and when it ran (UTC).</summary>
public sealed record RunRecord(
    string Command,
    IReadOnlyDictionary<string, string> InputHashes,
    IReadOnlyList<string> Outputs,
    DateTime Time_utc);
