namespace SpatialCarbon.Server.Analysis;

/// <summary>A zone feature found at a point: its layer, feature id and attributes.</summary>
public sealed record ZoneHit(string Layer, long Id, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>The land-use class at a point in one year (null code: nodata or outside the raster).</summary>
public sealed record LandUseAt(int Year, int? Code, string? NameZh, string? NameEn);

/// <summary>The carbon density at a point in one year, Mg C/ha (null: nodata or outside).</summary>
public sealed record CarbonAt(int Year, double? Density_mg_c_ha);

/// <summary>Answer of <c>GET /api/point</c>: every layer's value at a lon/lat point (EPSG:4326).</summary>
public sealed record PointReport(double Lon, double Lat, IReadOnlyList<ZoneHit> Zones, IReadOnlyList<LandUseAt> Landuse, IReadOnlyList<CarbonAt> Carbon);
