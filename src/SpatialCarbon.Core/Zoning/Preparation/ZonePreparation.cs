using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>The one path by which zones reach an overlay (zonal statistics, carbon per zone, the demo, screening,
/// tiles): refuse non-finite coordinates → (rings already closed by the reader, <see cref="RingClosure"/>) → drop
/// empty parts → reproject to the target CRS with densified edges → repair → dissolve overlapping parts → report.
/// Every feature becomes a zone, in source order; one without a usable geometry keeps its row with an empty
/// geometry and a note, so nothing is dropped silently.</summary>
public static class ZonePreparation
{
    /// <summary>Per-feature notes kept in the report; the counts stay exact beyond it.</summary>
    public const int MaxNotes = 1000;

    /// <summary>Prepares every feature of <paramref name="layer"/> as a zone in <paramref name="targetCrs"/> (null:
    /// the layer's own CRS), with ids from <paramref name="idField"/> (null: the feature ids; matched exactly, else
    /// ignoring case), on at most <paramref name="maxDegreeOfParallelism"/> threads (null: all cores).</summary>
    /// <exception cref="InputException">A coordinate is NaN, infinite or out of any CRS's range (names the file
    /// and the feature), or the id field does not exist.</exception>
    public static PreparedZones Prepare(SourceLayer layer, SpatialReference? targetCrs, string? idField = null, int? maxDegreeOfParallelism = null)
    {
        var field = idField is null ? null : layer.Field(idField).Name;
        var target = targetCrs ?? layer.Crs;
        var reprojection = new ZoneReprojection(layer.Crs, target);
        NonFiniteCheck.Require(layer, reprojection.Changes);
        var srid = target?.Epsg ?? 0;
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(srid);

        // Repair is the slow part (GeometryFixer overlays whole rings), so features are prepared in parallel. Features
        // are taken a few at a time as workers come free: layers are often sorted by size or kind (the large polygons
        // last), and fixed halves would leave one worker with all of them.
        var outcomes = new Outcome[layer.Features.Count];
        var order = LargeFirst(layer.Features);
        Parallel.For(0, order.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount },
            k => outcomes[order[k]] = One(layer.Features[order[k]], reprojection));

        var zones = new PreparedZone[outcomes.Length];
        var notes = new List<string>(layer.ReaderNotes);
        int ringsClosed = 0, emptyParts = 0, invalid = 0, repaired = 0, dissolved = 0, unusable = 0, omitted = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (f, geometry, o) = (layer.Features[i], outcomes[i].Geometry, outcomes[i]);
            ringsClosed += o.RingsClosed ? 1 : 0;
            emptyParts += o.EmptyParts ? 1 : 0;
            invalid += o.Invalid ? 1 : 0;
            dissolved += o.Dissolved ? 1 : 0;
            if (geometry is null) unusable++;
            else if (o.Invalid) repaired++;
            if (o.Note is not null)
            {
                if (notes.Count < MaxNotes) notes.Add($"feature {f.Id}: {o.Note}");
                else omitted++;
            }

            geometry ??= factory.CreatePolygon();
            geometry.SRID = srid;
            var id = field is null
                ? f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : ZoneIdText.Of(f.Attributes.GetValueOrDefault(field));
            zones[i] = new PreparedZone(i, f.Id, id, geometry, f.Attributes);
        }

        if (omitted > 0) notes.Add($"... {omitted} more note(s) not listed");
        var warnings = new List<string>();
        if ((layer.Crs is null) != (targetCrs is null) && targetCrs is not null)
            warnings.Add($"the zones have no CRS; coordinates are taken as they are in {targetCrs.Label}");
        if (field is not null && DuplicateIds.Warning(zones.Select(z => z.Id), field) is { } duplicates) warnings.Add(duplicates);

        var report = new PreparationReport(zones.Length, ringsClosed, emptyParts, reprojection.Changes ? zones.Length - unusable : 0,
            invalid, repaired, dissolved, unusable, notes, warnings);
        return new PreparedZones(layer.SourcePath, layer.Name, target, layer.Fields, field, zones, report);
    }

    /// <summary>Vertices from which a feature is prepared before the others.</summary>
    private const int LargeVertices = 1000;

    /// <summary>Feature indices, those of at least <see cref="LargeVertices"/> vertices first: validity and repair
    /// cost grows with the vertices, and one large polygon taken last keeps one worker busy while the others wait
    /// (2,000 zones: the six largest take 30 ms of the 60).</summary>
    private static int[] LargeFirst(IReadOnlyList<SourceFeature> features)
    {
        var order = new int[features.Count];
        var k = 0;
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Geometry?.NumPoints >= LargeVertices) order[k++] = i;
        }

        for (var i = 0; i < features.Count; i++)
        {
            if (!(features[i].Geometry?.NumPoints >= LargeVertices)) order[k++] = i;
        }

        return order;
    }

    private sealed record Outcome(Geometry? Geometry, string? Note, bool RingsClosed, bool EmptyParts, bool Invalid, bool Dissolved);

    private static Outcome One(SourceFeature f, ZoneReprojection reprojection)
    {
        var ringsClosed = f.Note?.Contains(RingClosure.Note, StringComparison.Ordinal) == true;
        var emptyAtRead = f.Note?.Contains(EmptyPartFilter.DecodeNote, StringComparison.Ordinal) == true;
        var notes = new List<string>(2);
        if (f.Note is not null) notes.Add(f.Note);
        string Note(string? last = null) => string.Join("; ", last is null ? notes : notes.Append(last));

        if (f.Geometry is null || f.Geometry.IsEmpty)
            return new Outcome(null, Note(f.Geometry is null ? (f.Note is null ? "no geometry" : null) : "empty geometry") + ", the zone gets zeros",
                ringsClosed, emptyAtRead, false, false);

        var (geometry, dropped) = EmptyPartFilter.Apply(f.Geometry);
        if (dropped > 0) notes.Add(EmptyPartFilter.DecodeNote);
        geometry = reprojection.Apply(geometry);

        var (repairedGeometry, problem) = ZoneRepair.Apply(geometry);
        if (repairedGeometry is null)
            return new Outcome(null, Note($"{problem}; repair left no valid geometry, the zone gets zeros"), ringsClosed, emptyAtRead || dropped > 0, true, false);
        if (problem is not null) notes.Add($"{problem}; repaired");

        var (dissolvedGeometry, dissolved) = PartDissolve.Apply(repairedGeometry);
        if (dissolved) notes.Add("overlapping parts dissolved, so no cell counts twice");
        return new Outcome(dissolvedGeometry, notes.Count == 0 ? null : Note(), ringsClosed, emptyAtRead || dropped > 0, problem is not null, dissolved);
    }
}
