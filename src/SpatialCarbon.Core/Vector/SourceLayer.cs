using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>A layer as its reader decoded it, before any repair: geometries may be null, empty or invalid (rings are
/// already closed, see <see cref="Zoning.Preparation.RingClosure"/>). <see cref="Zoning.Preparation.ZonePreparation"/>
/// turns it into zones; <see cref="Repaired"/> into a <see cref="VectorLayer"/>.</summary>
/// <param name="ReaderNotes">What the reader noticed beyond single geometries (e.g. a guessed attribute encoding).</param>
public sealed record SourceLayer(
    string SourcePath,
    string Name,
    SpatialReference? Crs,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<SourceFeature> Features,
    IReadOnlyList<string> ReaderNotes)
{
    /// <summary>The layer with invalid geometries repaired in place (its own CRS) and unusable ones set aside, as
    /// <see cref="IVectorSource.Read"/> returns it.</summary>
    public VectorLayer Repaired()
    {
        var (features, issues) = GeometryRepair.Apply(Features, Crs?.Epsg ?? 0, ReaderNotes);
        return new VectorLayer(SourcePath, Name, Crs, Fields, features, issues);
    }

    /// <summary>The field called <paramref name="name"/>: the exact name, else the one field equal to it ignoring case
    /// (KML's 'Name', shapefiles' upper-case DBF names).</summary>
    /// <exception cref="InputException">No such field.</exception>
    public FieldDefinition Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name)
        ?? (Fields.Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray() is [var only] ? only : null)
        ?? throw new InputException(SourcePath, $"layer {Name}", $"no field '{name}' (fields: {MessageList.Cut(Fields, f => f.Name)})");
}
