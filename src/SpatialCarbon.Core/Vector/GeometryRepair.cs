using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace SpatialCarbon.Core.Vector;

/// <summary>The one place every reader sends its geometries through: invalid ones are repaired with NTS's
/// GeometryFixer (polygonal input stays polygonal), empty or null ones are skipped, and each affected feature gets a
/// detail line, so nothing is dropped silently and nothing crashes on bad geometry.</summary>
public static class GeometryRepair
{
    /// <summary>Detail lines kept per layer; the counts stay exact beyond it.</summary>
    public const int MaxDetails = 1000;

    /// <summary>Repairs the features of one layer and sets each geometry's SRID (0 when the EPSG code is unknown).</summary>
    public static (IReadOnlyList<VectorFeature> Features, GeometryIssues Issues) Apply(
        IEnumerable<SourceFeature> source, int srid, IEnumerable<string>? readerDetails = null)
    {
        var features = new List<VectorFeature>();
        var details = new List<string>(readerDetails ?? []);
        int invalid = 0, repaired = 0, empty = 0, omitted = 0;

        void Detail(string line)
        {
            if (details.Count < MaxDetails) details.Add(line);
            else omitted++;
        }

        foreach (var f in source)
        {
            if (f.Geometry is null || f.Geometry.IsEmpty)
            {
                empty++;
                Detail($"feature {f.Id}: {f.Note ?? (f.Geometry is null ? "no geometry" : "empty geometry")}, skipped");
                continue;
            }

            var reason = InvalidReason(f.Geometry);
            if (reason is null && f.Note is null)
            {
                var ok = f.Geometry.Copy();
                ok.SRID = srid;
                features.Add(new VectorFeature(f.Id, ok, f.Attributes));
                continue;
            }

            invalid++;
            var why = string.Join("; ", new[] { f.Note, reason }.Where(s => s is not null));
            var fixedGeometry = reason is null ? f.Geometry.Copy() : Fix(f.Geometry);
            if (fixedGeometry is null || fixedGeometry.IsEmpty || !fixedGeometry.IsValid)
            {
                Detail($"feature {f.Id}: {why}; repair left no valid geometry, skipped");
                continue;
            }

            repaired++;
            fixedGeometry.SRID = srid;
            features.Add(new VectorFeature(f.Id, fixedGeometry, f.Attributes));
            Detail($"feature {f.Id}: {why}; repaired");
        }

        if (omitted > 0) details.Add($"... {omitted} more detail line(s) not listed");
        return (features, new GeometryIssues(invalid, repaired, empty, details));
    }

    /// <summary>Why a geometry is invalid (NTS's message and location), or null when it is valid.</summary>
    public static string? InvalidReason(Geometry geometry)
    {
        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return null;
        var c = error.Coordinate;
        return c is null
            ? error.Message
            : string.Create(CultureInfo.InvariantCulture, $"{error.Message} at or near point ({c.X}, {c.Y})");
    }

    /// <summary>GeometryFixer's repair, keeping only the polygonal parts of a polygonal input.</summary>
    public static Geometry? Fix(Geometry geometry)
    {
        var fixedGeometry = GeometryFixer.Fix(geometry);
        if (geometry is not (Polygon or MultiPolygon) || fixedGeometry is Polygon or MultiPolygon) return fixedGeometry;
        var polygons = PolygonExtracter.GetPolygons(fixedGeometry).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        return polygons.Length switch
        {
            0 => null,
            1 => polygons[0],
            _ => geometry.Factory.CreateMultiPolygon(polygons),
        };
    }
}
