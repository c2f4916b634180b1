namespace SpatialCarbon.Storage;

/// <summary>A screening rules file as stored: its version label and the JSON text, kept verbatim.</summary>
public sealed record RulesDocument(string Version, string Json);
