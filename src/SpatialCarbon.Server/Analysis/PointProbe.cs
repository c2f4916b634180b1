using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Server.Analysis;

/// <summary>What is at a point: the zone features containing it (every layer), and the land-use class and carbon
/// density of the full-resolution cell holding it, per year.</summary>
public static class PointProbe
{
    /// <exception cref="InputException">Longitude or latitude missing, not a number or out of range.</exception>
    public static PointReport At(ServedWorkspace workspace, string? lonText, string? latText)
    {
        var lon = Parse("lon", lonText, -180, 180);
        var lat = Parse("lat", latText, -WebMercator.MaxLatitude, WebMercator.MaxLatitude);
        var (mx, my) = WebMercator.FromLonLat(lon, lat);
        var zones = workspace.Zones
            .SelectMany(z => z.At(mx, my).Select(f => new ZoneHit(z.Info.Id, f.Id, f.Attributes.ToDictionary(a => a.Key, a => a.Value))))
            .ToArray();
        var landUse = new List<LandUseAt>();
        var carbon = new List<CarbonAt>();
        foreach (var (year, source) in workspace.LandUse.OrderBy(kv => kv.Key))
        {
            var crs = source.Crs;
            var (x, y) = new GeometryReprojector(CrsRegistry.Wgs84, crs).Transform(lon, lat);
            var code = source.ValueAt(x, y);
            var cls = double.IsNaN(code) ? null : ClcdScheme.Find((int)code);
            landUse.Add(new LandUseAt(year, double.IsNaN(code) ? null : (int)code, cls?.NameZh, cls?.NameEn));
            var density = workspace.Carbon[year].ValueAt(x, y);
            carbon.Add(new CarbonAt(year, double.IsNaN(density) ? null : density));
        }

        return new PointReport(lon, lat, zones, landUse, carbon);
    }

    private static double Parse(string name, string? text, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InputException(name, null, "required (decimal degrees, EPSG:4326)");
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new InputException(name, text, "not a number");
        if (v < min || v > max) throw new InputException(name, text, $"must be between {min} and {max}");
        return v;
    }
}
