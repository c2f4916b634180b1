namespace SpatialCarbon.Storage;

/// <summary>A land-use class scheme (codes, names, colours) by name, as JSON text kept verbatim.</summary>
public sealed record ClassScheme(string Name, string Json);
