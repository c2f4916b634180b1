using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Suitability;

/// <summary>The suitability search (选址推荐): candidate sites for a PV or wind project on damaged land and barren land.
/// Candidates = (damaged_land ∪ barren patches of the latest land use) − constraint zones − their setbacks, cut into
/// connected pieces of at least the area asked for, each with its area, carbon under it (exact coverage of the latest
/// land use, priced with the pool table), nearest constraint and score (<see cref="SuitabilityScore"/>), ranked by
/// score, then area. Geometry is done in one planar CRS: the land-use raster's when it is projected in metres (the
/// demo's GK 120° E), else the CGCS2000 3° GK zone of the damaged land's centre; setbacks are buffers there with 32
/// segments a quadrant, and every constraint is kept 1 cm clear of (<see cref="Margin_m"/>).</summary>
public static class SuitabilitySearch
{
    /// <summary>Segments per quarter circle of setback buffers.</summary>
    public const int QuadrantSegments = 32;

    /// <summary>Added to every setback, in metres: zones held in lon/lat and moved to the planar CRS differ from their
    /// source by projection round-off (well under a millimetre), so without it a candidate cut along a red line could
    /// overlap the red line as drawn in its source by a few hundredths of a square metre.</summary>
    public const double Margin_m = 0.01;

    public static SuitabilityResult Find(ScreenContext context, SuitabilityRequest request)
    {
        request.Validate();
        var constraints = SuitabilityConstraints.From(context.Rules, request);
        var latest = context.LandUse.MaxBy(l => l.Year);
        var damagedLayer = context.Zones[ZoneKind.DamagedLand];
        var crs = WorkingCrs(context, latest);
        var factory = new GeometryFactory(new PrecisionModel(), crs.Epsg ?? 0);
        var toWorking = new Projector(crs);

        var sources = new List<Geometry>();
        var damaged = new List<(Geometry Shape, Zone Zone)>();
        if (damagedLayer is not null)
            for (var i = 0; i < damagedLayer.Zones.Count; i++)
            {
                if (damagedLayer.Zones[i].LonLat.IsEmpty) continue;
                var g = toWorking.Zone(damagedLayer, i);
                damaged.Add((g, damagedLayer.Zones[i]));
                sources.Add(g);
            }

        var barrenCount = 0;
        if (latest is not null)
        {
            var rasterCrs = latest.Raster.Grid.Crs ?? throw new InputException(latest.Raster.Path, null, "the land-use raster has no CRS");
            var patches = ClassPatches.Find(latest.Raster, request.Barren.ToHashSet(), request.MinPatch_ha * 1e4, factory);
            barrenCount = patches.Count;
            var reproject = SameCrs(rasterCrs, crs) ? null : new GeometryReprojector(rasterCrs, crs);
            sources.AddRange(patches.Select(p => reproject is null ? (Geometry)p : reproject.Transform(p, 100 / rasterCrs.LinearUnitMetres)));
        }

        var land = sources.Count == 0 ? factory.CreatePolygon() : UnaryUnionOp.Union(sources);
        var obstacles = Obstacles(context, constraints, land, crs, toWorking, request.Radius_m);
        var setbackTree = new STRtree<int>();
        var distanceTree = new STRtree<int>();
        for (var i = 0; i < obstacles.Count; i++)
        {
            setbackTree.Insert(obstacles[i].Setback.EnvelopeInternal, i);
            distanceTree.Insert(obstacles[i].Shape.EnvelopeInternal, i);
        }

        setbackTree.Build();
        distanceTree.Build();
        var damagedTree = new STRtree<int>();
        for (var i = 0; i < damaged.Count; i++) damagedTree.Insert(damaged[i].Shape.EnvelopeInternal, i);
        damagedTree.Build();

        var pieces = new List<Polygon>();
        for (var k = 0; k < land.NumGeometries; k++)
        {
            var piece = land.GetGeometryN(k);
            var hits = setbackTree.Query(piece.EnvelopeInternal).Where(i => obstacles[i].Prepared.Intersects(piece)).Select(i => obstacles[i].Setback).ToList();
            var rest = hits.Count == 0 ? piece : OverlayNGRobust.Overlay(piece, UnaryUnionOp.Union(hits), SpatialFunction.Difference);
            for (var j = 0; j < rest.NumGeometries; j++)
                if (rest.GetGeometryN(j) is Polygon p && !p.IsEmpty) pieces.Add(p);
        }

        var pools = context.Pools;
        var maxCost = pools is null || !pools.Contains(8) ? 0 : pools.Pools.Max(p => p.Total_mg_c_ha) - pools[8].Total_mg_c_ha;
        var typeScores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in damaged.Select(d => d.Zone.Type ?? "").Distinct()) typeScores[t] = SuitabilityScore.OfType(context.Rules, request, t.Length == 0 ? null : t);
        var measured = new SiteCandidate?[pieces.Count];
        Parallel.For(0, pieces.Count, k =>
        {
            var shape = FootprintShape.Create(pieces[k], crs, request.AreaMethod, "candidate");
            var area_ha = shape.Area_m2 / 1e4;
            if (area_ha < request.MinArea_ha) return;
            var planar = pieces[k].Area;
            var scale = planar > 0 ? area_ha / planar : 0;

            var byType = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var codes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var i in damagedTree.Query(pieces[k].EnvelopeInternal))
            {
                var overlap = OverlayNGRobust.Overlay(pieces[k], damaged[i].Shape, SpatialFunction.Intersection).Area * scale;
                if (!(overlap > 0)) continue;
                var type = damaged[i].Zone.Type ?? "";
                byType[type] = byType.GetValueOrDefault(type) + overlap;
                codes.Add(damaged[i].Zone.Code);
            }

            var damaged_ha = Math.Min(area_ha, byType.Values.Sum());
            // Below a square metre the rest is rounding of the overlay, not barren land.
            var barren_ha = area_ha - damaged_ha > 1e-4 ? area_ha - damaged_ha : 0;
            var typeScale = byType.Values.Sum() > damaged_ha && byType.Values.Sum() > 0 ? damaged_ha / byType.Values.Sum() : 1;
            var sType = area_ha > 0 ? (byType.Sum(kv => kv.Value * typeScale * typeScores[kv.Key]) + barren_ha * SuitabilityScore.NoRule) / area_ha : 0;
            var landNames = byType.Keys.Select(t => t.Length == 0 ? "damaged_land" : t).ToList();
            if (barren_ha > 0) landNames.Add("barren");

            double? nearest = null;
            string? nearestName = null;
            var reach = pieces[k].EnvelopeInternal.Copy();
            reach.ExpandBy(request.Radius_m / crs.LinearUnitMetres);
            foreach (var i in distanceTree.Query(reach))
            {
                var d = obstacles[i].Facets.Distance(pieces[k]) * crs.LinearUnitMetres;
                if (d <= request.Radius_m && (nearest is null || d < nearest)) (nearest, nearestName) = (d, obstacles[i].Label);
            }

            CarbonUnderFootprint? carbon = null;
            if (latest is not null && pools is not null)
                carbon = LandUseUnderFootprint.Carbon(LandUseUnderFootprint.Compute(latest, shape, pools), pools);
            var sDistance = SuitabilityScore.OfDistance(nearest, request.ScoreDistance_m);
            var sCarbon = SuitabilityScore.OfCarbon(carbon?.LossIfBuilt_mg_c, area_ha, maxCost);
            measured[k] = new SiteCandidate(0, "", SuitabilityScore.Combine(sType, sDistance, sCarbon), area_ha, string.Join(";", landNames),
                string.Join(";", codes), damaged_ha, barren_ha, carbon?.Stock_mg_c, carbon?.LossIfBuilt_mg_c,
                nearest is { } n ? Math.Round(n, 1) : null, nearestName, Math.Round(sType, 4), Math.Round(sDistance, 4), Math.Round(sCarbon, 4),
                [Math.Round(shape.Centroid.X, 6), Math.Round(shape.Centroid.Y, 6)], pieces[k]);
        });

        var ranked = measured.OfType<SiteCandidate>()
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Area_ha).ThenBy(c => c.Centroid[0]).ThenBy(c => c.Centroid[1])
            .Select((c, i) => c with { Rank = i + 1, Id = string.Create(CultureInfo.InvariantCulture, $"S{i + 1:000}") })
            .ToArray();
        return new SuitabilityResult(request.ProjectType, request.IndustryCode, request.MinArea_ha, crs.Epsg, latest?.Year, request.Barren,
            barrenCount, damaged.Count, constraints, SuitabilityScore.Formula(request.ScoreDistance_m), ranked, context.DataVersion,
            context.Rules.Label, request.AreaMethod.Name())
        { Crs = crs };
    }

    /// <summary>A constraint zone near the land: its shape, its shape grown by the largest setback that applies to it
    /// (prepared for the intersection test), its facets for distances, and "layer code name" for outputs.</summary>
    private sealed record Obstacle(Geometry Shape, Geometry Setback, IPreparedGeometry Prepared, IndexedFacetDistance Facets, string Label);

    private static List<Obstacle> Obstacles(ScreenContext context, IReadOnlyList<SuitabilityConstraint> constraints, Geometry land, SpatialReference crs, Projector toWorking, double radius_m)
    {
        var setbacks = new Dictionary<(ZoneKind Kind, int Index), double>();
        if (land.IsEmpty) return [];
        var lonLat = new GeometryReprojector(crs, CrsRegistry.Cgcs2000).Transform(land.Envelope, 100 / crs.LinearUnitMetres).EnvelopeInternal;
        foreach (var c in constraints)
        {
            if (c.Scope.ZoneKind is not { } kind || context.Zones[kind] is not { } layer) continue;
            foreach (var i in layer.Query(ZoneSearch.Expand(lonLat, Math.Max(c.Setback_m, radius_m))))
                if (c.Scope.Includes(layer.Zones[i]) && !layer.Zones[i].LonLat.IsEmpty)
                    setbacks[(kind, i)] = Math.Max(setbacks.GetValueOrDefault((kind, i)), c.Setback_m);
        }

        var keys = setbacks.Keys.OrderBy(k => k.Kind).ThenBy(k => k.Index).ToArray();
        var obstacles = new Obstacle[keys.Length];
        Parallel.For(0, keys.Length, k =>
        {
            var (kind, i) = keys[k];
            var layer = context.Zones[kind]!;
            var shape = toWorking.Zone(layer, i);
            var setback = setbacks[keys[k]];
            var grown = BufferOp.Buffer(shape, (setback + Margin_m) / crs.LinearUnitMetres, setback > 0 ? QuadrantSegments : 1);
            var z = layer.Zones[i];
            obstacles[k] = new Obstacle(shape, grown, PreparedGeometryFactory.Prepare(grown), new IndexedFacetDistance(shape), $"{kind.Name()} {z.Code} {z.Name}".Trim());
        });
        return [.. obstacles];
    }

    /// <summary>The raster's CRS when it is projected in a linear unit; else the GK zone of the damaged land (or the
    /// admin layer, or the whole index) centre.</summary>
    private static SpatialReference WorkingCrs(ScreenContext context, LandUseRaster? latest)
    {
        if (latest?.Raster.Grid.Crs is { IsGeographic: false } projected && projected.LinearUnitMetres > 0) return projected;
        var layer = context.Zones[ZoneKind.DamagedLand] ?? context.Zones[ZoneKind.Admin] ?? context.Zones.Layers.FirstOrDefault();
        var e = new Envelope();
        if (layer is not null)
            foreach (var z in layer.Zones) e.ExpandToInclude(z.LonLat.EnvelopeInternal);
        if (e.IsNull) throw new InputException("workspace", null, "no damaged land, no land-use raster and no zones: nothing to search");
        return GaussKruger.ForLongitude(e.Centre.X);
    }

    private static bool SameCrs(SpatialReference a, SpatialReference b) => a.Epsg is { } x && b.Epsg == x || ReferenceEquals(a, b);

    /// <summary>Zones moved to the working CRS: through the layer's GK cache when the CRS is a CGCS2000 GK zone.</summary>
    private sealed class Projector(SpatialReference crs)
    {
        private readonly GeometryReprojector _reprojector = new(CrsRegistry.Cgcs2000, crs);

        public Geometry Zone(ZoneLayerIndex layer, int i) => crs.Epsg is int e && e is >= 4513 and <= 4554
            ? layer.InGaussKruger(i, e).Geometry
            : _reprojector.Transform(layer.Zones[i].LonLat, FootprintShape.Densify_deg);
    }
}
