using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening.Indicators;

/// <summary>The plan's 2025 targets per city and for the province (江苏省减污降碳协同增效实施方案): forest and tree cover
/// ≥ 24.1 %, natural wetland protection rate ≥ 60 %, water area not decreasing; read from the workspace's land use
/// (first and latest year) and zones with exact coverage (the zonal engine), as <see cref="PlanIndicatorRequest"/>
/// defines them. Cities are the admin layer's districts grouped by their city; the province is the sum of its
/// districts.</summary>
public static class PlanIndicators
{
    public const string ForestCover = "forest_cover_pct";
    public const string WetlandProtection = "natural_wetland_protection_pct";
    public const string WaterChange = "water_area_change_ha";

    /// <exception cref="InputException">No land-use raster, no admin layer, or a raster without a CRS.</exception>
    public static PlanIndicatorResult Compute(ScreenContext context, PlanIndicatorRequest request)
    {
        request.Validate();
        if (context.LandUse.Count == 0) throw new InputException("workspace", null, "no land-use raster (landuse_YYYY.tif): the indicators need one");
        var admin = context.Zones[ZoneKind.Admin] ?? throw new InputException("workspace", null, "no admin layer: the indicators are per city");
        var latest = context.LandUse.MaxBy(l => l.Year)!;
        var first = context.LandUse.MinBy(l => l.Year)!;
        var grid = latest.Raster.Grid;
        var crs = grid.Crs ?? throw new InputException(latest.Raster.Path, null, "the land-use raster has no CRS");
        var toRaster = crs.IsGeographic && crs.Epsg == 4490 ? null : new GeometryReprojector(CrsRegistry.Cgcs2000, crs);
        Geometry InRaster(Zone z) => toRaster is null ? z.LonLat : toRaster.Transform(z.LonLat, FootprintShape.Densify_deg);

        var districts = admin.Zones.Where(z => !z.LonLat.IsEmpty).ToArray();
        var shapes = new Geometry[districts.Length];
        Parallel.For(0, districts.Length, i => shapes[i] = InRaster(districts[i]));

        var guarded = new List<Geometry>();
        foreach (var kind in request.Protected)
            if (context.Zones[kind] is { } layer) guarded.AddRange(layer.Zones.Where(z => !z.LonLat.IsEmpty).Select(InRaster));
        var tree = new STRtree<Geometry>();
        foreach (var g in guarded) tree.Insert(g.EnvelopeInternal, g);
        tree.Build();
        var protectedParts = new Geometry[districts.Length];
        Parallel.For(0, districts.Length, i =>
        {
            var hits = guarded.Count == 0 ? [] : tree.Query(shapes[i].EnvelopeInternal).Where(g => g.Intersects(shapes[i])).ToList();
            protectedParts[i] = hits.Count == 0 ? shapes[i].Factory.CreatePolygon()
                : OverlayNGRobust.Overlay(shapes[i], UnaryUnionOp.Union(hits), SpatialFunction.Intersection);
        });

        var zones = shapes.Concat(protectedParts).ToArray();
        var (latestAreas, firstAreas) = Overlay(latest.Raster, first.Year == latest.Year ? null : first.Raster, zones, request.AreaMethod);

        var cities = districts.Select((z, i) => (City: z.Type ?? z.Name, Index: i)).GroupBy(x => x.City, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (Name: g.Key, Level: "city", Members: g.Select(x => x.Index).ToArray())).ToList();
        cities.Add(("province", "province", Enumerable.Range(0, districts.Length).ToArray()));

        var n = districts.Length;
        double Sum(double[] areas, int[] members, IEnumerable<int> classes, bool protectedPart = false) =>
            members.Sum(m => classes.Sum(c => areas[((protectedPart ? n : 0) + m) * ClassAreaAccumulator.Classes + c])) / 1e4;
        var all = Enumerable.Range(0, ClassAreaAccumulator.Classes).ToArray();
        var rows = new List<PlanIndicator>();
        foreach (var (name, level, members) in cities)
        {
            var total = Sum(latestAreas, members, all);
            var forest = Sum(latestAreas, members, request.Forest);
            var wetland = Sum(latestAreas, members, request.Wetland);
            var wetlandProtected = Sum(latestAreas, members, request.Wetland, protectedPart: true);
            rows.Add(Share(name, level, ForestCover, forest, total, request.ForestTarget_pct));
            rows.Add(Share(name, level, WetlandProtection, wetlandProtected, wetland, request.WetlandTarget_pct));
            if (firstAreas is null) rows.Add(new PlanIndicator(name, level, WaterChange, double.NaN, "ha", 0, double.NaN, null, Sum(latestAreas, members, request.Water), double.NaN));
            else
            {
                var last = Sum(latestAreas, members, request.Water);
                var before = Sum(firstAreas, members, request.Water);
                rows.Add(new PlanIndicator(name, level, WaterChange, last - before, "ha", 0, last - before, last - before >= 0, last, before));
            }
        }

        return new PlanIndicatorResult(rows, Definitions(request, first.Year, latest.Year), first.Year, latest.Year, context.DataVersion, request.AreaMethod.Name());
    }

    private static PlanIndicator Share(string unit, string level, string indicator, double part, double whole, double target)
    {
        var value = whole > 0 ? 100 * part / whole : double.NaN;
        return new PlanIndicator(unit, level, indicator, value, "%", target, value - target, double.IsNaN(value) ? null : value >= target, part, whole);
    }

    private static (double[] Latest, double[]? First) Overlay(IRasterSource latest, IRasterSource? first, Geometry[] zones, AreaMethod method)
    {
        var sameGrid = first is not null && first.Grid.SameAs(latest.Grid);
        var areas = CellAreaModel.For(latest.Grid, method, latest.Path);
        var workers = ZonalEngine.Run(sameGrid ? [latest, first!] : [latest], zones, areas,
            () => new ClassAreaAccumulator(zones.Length, latest.NoData, first?.NoData, latest.Path));
        for (var w = 1; w < workers.Length; w++) workers[0].Merge(workers[w]);
        if (first is null) return (workers[0].First, null);
        if (sameGrid) return (workers[0].First, workers[0].Second);
        var firstWorkers = ZonalEngine.Run([first], zones, CellAreaModel.For(first.Grid, method, first.Path),
            () => new ClassAreaAccumulator(zones.Length, first.NoData, null, first.Path));
        for (var w = 1; w < firstWorkers.Length; w++) firstWorkers[0].Merge(firstWorkers[w]);
        return (workers[0].First, firstWorkers[0].First);
    }

    private static Dictionary<string, string> Definitions(PlanIndicatorRequest r, int firstYear, int latestYear)
    {
        static string Codes(IEnumerable<int> c) => string.Join(", ", c.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        var layers = string.Join(" ∪ ", r.Protected.Select(k => k.Name()));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ForestCover] = $"100 × area of classes {Codes(r.Forest)} / area of all classified land, {latestYear}; target ≥ {r.ForestTarget_pct.ToString(CultureInfo.InvariantCulture)} %",
            [WetlandProtection] = $"100 × area of classes {Codes(r.Wetland)} inside {layers} / area of classes {Codes(r.Wetland)}, {latestYear}; target ≥ {r.WetlandTarget_pct.ToString(CultureInfo.InvariantCulture)} %",
            [WaterChange] = $"area of classes {Codes(r.Water)} in {latestYear} − in {firstYear}, ha; target ≥ 0 (not decreasing)",
            ["gap"] = "value − target, in the value's unit (negative: short of the target)",
            ["province"] = "sum over the admin layer's districts; cities are districts grouped by their city",
        };
    }
}
