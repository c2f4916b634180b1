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
        var skipped = new List<VectorFeature>();
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(srid);
        var details = new List<string>(readerDetails ?? []);
        int invalid = 0, repaired = 0, empty = 0, omitted = 0;

        void Detail(string line)
        {
            if (details.Count < MaxDetails) details.Add(line);
            else omitted++;
        }

        // Repair is the slow part (GeometryFixer overlays whole rings), so features are checked in parallel and
        // collected in source order.
        var outcomes = source.AsParallel().AsOrdered().Select(Check).ToArray();
        foreach (var (f, geometry, problem) in outcomes)
        {
            if (f.Geometry is null || f.Geometry.IsEmpty)
            {
                empty++;
                skipped.Add(new VectorFeature(f.Id, factory.CreatePolygon(), f.Attributes));
                Detail($"feature {f.Id}: {problem}, skipped");
                continue;
            }

            if (problem is not null) invalid++;
            if (geometry is null)
            {
                skipped.Add(new VectorFeature(f.Id, factory.CreatePolygon(), f.Attributes));
                Detail($"feature {f.Id}: {problem}; repair left no valid geometry, skipped");
                continue;
            }

            geometry.SRID = srid;
            features.Add(new VectorFeature(f.Id, geometry, f.Attributes));
            if (problem is null) continue;
            repaired++;
            Detail($"feature {f.Id}: {problem}; repaired");
        }

        if (omitted > 0) details.Add($"... {omitted} more detail line(s) not listed");
        return (features, new GeometryIssues(invalid, repaired, empty, details, skipped));
    }

    // The geometry to keep (null: none) and what was wrong with the source geometry (null: nothing).
    private static (SourceFeature Source, Geometry? Geometry, string? Problem) Check(SourceFeature f)
    {
        if (f.Geometry is null || f.Geometry.IsEmpty)
            return (f, null, f.Note ?? (f.Geometry is null ? "no geometry" : "empty geometry"));
        var reason = InvalidReason(f.Geometry);
        // Readers hand over geometries they built and do not keep, so a valid one is passed on as it is (a copy of
        // every zone costs a tenth of a second on 2,000 zones).
        if (reason is null && f.Note is null) return (f, f.Geometry, null);
        var problem = string.Join("; ", new[] { f.Note, reason }.Where(s => s is not null));
        Geometry? fixedGeometry;
        try
        {
            fixedGeometry = reason is null ? f.Geometry.Copy() : Fix(f.Geometry);
        }
        catch (Exception e) when (e is NetTopologySuite.Geometries.TopologyException or ArgumentException or InvalidOperationException)
        {
            return (f, null, $"{problem}; GeometryFixer failed ({e.Message})");
        }

        return fixedGeometry is null || fixedGeometry.IsEmpty || !fixedGeometry.IsValid ? (f, null, problem) : (f, fixedGeometry, problem);
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

    /// <summary>GeometryFixer's repair, keeping only the polygonal parts of a polygonal input. GeometryFixer can
    /// leave a polygon invalid after one pass (seen on a reprojected Jiangsu district whose ring touches itself
    /// after rounding), so it gets up to three passes before the feature is reported as unrepairable.</summary>
    public static Geometry? Fix(Geometry geometry)
    {
        var fixedGeometry = OnePass(geometry);
        for (var pass = 1; pass < 3 && fixedGeometry is { IsEmpty: false, IsValid: false }; pass++)
            fixedGeometry = OnePass(fixedGeometry);
        return fixedGeometry;
    }

    private static Geometry? OnePass(Geometry geometry)
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
