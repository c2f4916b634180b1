using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;
using SpatialCarbon.Server.Workspace;

namespace SpatialCarbon.Server.Analysis;

/// <summary>Carbon inside a drawn or uploaded polygon, through the same exact zonal engine and accumulator as the
/// CLI's <c>carbon</c> commands: the polygons are dissolved into one zone, prepared in the land-use CRS by
/// <see cref="ZonePreparation.Prepare"/>, and overlaid on the first year paired with every later year.</summary>
public static class PolygonCarbon
{
    public static CarbonReport Run(ServedWorkspace workspace, VectorLayer upload, AreaMethod method = AreaMethod.Ellipsoidal)
    {
        var polygons = upload.Features.Select(f => f.Geometry).Where(g => g is Polygon or MultiPolygon && !g.IsEmpty).ToArray();
        if (polygons.Length == 0) throw new InputException("body", null, "no polygon in the GeoJSON (Polygon or MultiPolygon features are needed)");
        if (workspace.LandUsePaths.Count == 0) throw new InputException(workspace.Name, null, "the workspace has no land-use rasters");
        var zone = UnaryUnionOp.Union(polygons);
        var uploadCrs = upload.Crs ?? CrsRegistry.Wgs84;
        var years = workspace.LandUsePaths.Keys.Order().ToArray();
        using var first = GeoTiffReader.Open(workspace.LandUsePaths[years[0]]);
        var crs = first.Grid.Crs ?? throw new InputException(first.Path, null, "the raster has no CRS");
        // The dissolved footprint is one zone and reaches the raster by the path every zone takes (densified
        // reprojection, repair), so the API and `carbon stock --zones` place the same polygon on the same cells.
        var footprint = new SourceLayer(upload.SourcePath, upload.Name, uploadCrs, [], [new SourceFeature(1, zone, new Dictionary<string, object?>())], []);
        var inRaster = ZonePreparation.Prepare(footprint, crs).Geometries[0];
        var pools = workspace.Pools;
        var stocks = new List<StockInYear>();
        var changes = new List<StockChange>();
        var areas = new List<ClassArea>();
        IReadOnlyList<Transition> transitions = [];
        for (var i = 0; i < years.Length; i++)
        {
            using var other = i == 0 ? null : GeoTiffReader.Open(workspace.LandUsePaths[years[i]]);
            var z = new CarbonZones("body", "zone", ["polygon"], [inRaster], PreparationReport.None);
            var result = z.Run(first, other, pools, method)[0];
            var m = result.Transitions;
            if (i == 0)
            {
                stocks.Add(new StockInYear(years[0], result.Baseline_mg_c, result.ValidArea_ha, result.NodataArea_ha));
                areas.AddRange(ClassAreas(years[0], m, byFrom: true));
                continue;
            }

            stocks.Add(new StockInYear(years[i], result.Alternate_mg_c, result.ValidArea_ha, result.NodataArea_ha));
            areas.AddRange(ClassAreas(years[i], m, byFrom: false));
            var span = years[i] - years[0];
            changes.Add(new StockChange(years[0], years[i], result.Change_mg_c, result.Change_mg_c * CarbonUnits.Co2ePerC, result.AnnualSink_mg_c_yr(span)));
            if (i == years.Length - 1)
            {
                transitions = m.Entries(pools.Density_mg_c_ha).Where(e => e.Area_ha > 0)
                    .Select(e => new Transition(e.FromCode, e.ToCode, e.Area_ha, e.Change_mg_c)).ToArray();
            }
        }

        return new CarbonReport(GeometryArea.Of_m2(zone, uploadCrs, AreaMethod.Ellipsoidal) * CarbonUnits.HaPerM2,
            stocks, changes, transitions, areas, upload.Issues.Repaired, method.Name(), Path.GetFileName(pools.Path));
    }

    private static IEnumerable<ClassArea> ClassAreas(int year, TransitionMatrix m, bool byFrom)
    {
        var k = m.Count;
        for (var c = 0; c < k; c++)
        {
            var area_m2 = 0.0;
            for (var o = 0; o < k; o++) area_m2 += byFrom ? m.Area_m2[c * k + o] : m.Area_m2[o * k + c];
            if (area_m2 <= 0) continue;
            var code = m.Codes.Codes[c];
            var cls = ClcdScheme.Find(code);
            yield return new ClassArea(year, code, cls?.NameZh, cls?.NameEn, area_m2 * CarbonUnits.HaPerM2);
        }
    }
}
