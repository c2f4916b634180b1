using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>The result of <see cref="ZonePreparation.Prepare"/>: every feature of the source layer as a zone, in source
/// order, in the target CRS, with the report of every change made.</summary>
/// <param name="IdField">The id field as found in the layer (its own spelling), or null when ids are feature ids.</param>
public sealed record PreparedZones(
    string SourcePath,
    string LayerName,
    SpatialReference? Crs,
    IReadOnlyList<FieldDefinition> Fields,
    string? IdField,
    IReadOnlyList<PreparedZone> Zones,
    PreparationReport Report)
{
    /// <summary>The zones' geometries, in order, for the overlay engine.</summary>
    public IReadOnlyList<Geometry> Geometries => Zones.Select(z => z.Geometry).ToArray();

    /// <summary>The zones' ids, in order.</summary>
    public IReadOnlyList<string> Ids => Zones.Select(z => z.Id).ToArray();
}
