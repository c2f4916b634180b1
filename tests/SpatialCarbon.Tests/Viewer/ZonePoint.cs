using Microsoft.Data.Sqlite;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SpatialCarbon.Tests.Viewer;

/// <summary>A point well inside one zone feature, read from the workspace's GeoPackage with SQLite and NTS directly
/// (not through the server or the viewer), with the feature's attributes and the zoom at which the point is at least
/// <c>minPixels</c> from the feature's edge.</summary>
public sealed record ZonePoint(double Lon, double Lat, int Zoom, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>The feature of <paramref name="layer"/> (optionally filtered by an SQL condition) with the largest
    /// inscribed circle, and that circle's centre.</summary>
    public static ZonePoint Deepest(string gpkg, string layer, string? where = null, double minPixels = 90)
    {
        using var db = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly");
        db.Open();
        using var geomColumn = db.CreateCommand();
        geomColumn.CommandText = "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = $t";
        geomColumn.Parameters.AddWithValue("$t", layer);
        var geomName = (string)geomColumn.ExecuteScalar()!;
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{layer}\"{(where is null ? "" : " WHERE " + where)}";
        using var reader = cmd.ExecuteReader();
        var gpkgReader = new GeoPackageGeoReader();
        (double Radius, Point Centre, Dictionary<string, object?> Attributes)? best = null;
        while (reader.Read())
        {
            var attributes = new Dictionary<string, object?>();
            Geometry? geometry = null;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetName(i) == geomName) geometry = gpkgReader.Read((byte[])reader.GetValue(i));
                else attributes[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            if (geometry is null || geometry.IsEmpty) continue;
            var mic = new MaximumInscribedCircle(geometry, 1e-5);
            var radius = mic.GetRadiusLine().Length;
            if (best is null || radius > best.Value.Radius) best = (radius, mic.GetCenter(), attributes);
        }

        var b = best ?? throw new InvalidOperationException($"{gpkg}: layer {layer} has no feature{(where is null ? "" : " where " + where)}");
        // Web Mercator: one degree of longitude is 2^z * 256 / 360 pixels at zoom z; latitude stretches it further.
        var pixelsPerDegreeAtZ0 = 256.0 / 360.0;
        var zoom = (int)Math.Ceiling(Math.Log2(minPixels / (b.Radius * pixelsPerDegreeAtZ0)));
        return new ZonePoint(b.Centre.X, b.Centre.Y, Math.Clamp(zoom, 7, 14), b.Attributes);
    }
}
