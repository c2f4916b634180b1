using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The land one intervention may convert: its region in the raster's CRS (the union of the zones passing its
/// filter, or the whole raster) and the area of each of its from-classes there at the base year, ha.</summary>
public sealed record EligibleLand(Intervention Intervention, Geometry Region, IReadOnlyDictionary<int, double> Area_ha);
