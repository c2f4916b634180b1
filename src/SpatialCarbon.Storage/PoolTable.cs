namespace SpatialCarbon.Storage;

/// <summary>A carbon pool table by name, as the InVEST-compatible CSV text (Mg C/ha), kept verbatim.</summary>
public sealed record PoolTable(string Name, string Csv);
