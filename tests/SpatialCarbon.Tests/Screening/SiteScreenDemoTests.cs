using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Tests.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Screening;

/// <summary>The Done-when cases on the reduced-scale demo workspace.</summary>
[Collection(DemoCollection.Name)]
public class SiteScreenDemoTests(DemoWorkspaceFixture fixture)
{
    private static readonly string[] Protected = ["red_line", "eco_space", "buffer", "eco_island"];

    /// <summary>A 800 m × 600 m box centred on a vertex of a large red line's boundary: partly inside it.</summary>
    private Polygon AcrossARedLine(out string code)
    {
        var redLine = ScreenFixtures.Layer(fixture, "red_line").Features
            .Where(f => Convert.ToDouble(f.Attributes["area_ha"], CultureInfo.InvariantCulture) > 2000).OrderBy(f => f.Id).First();
        code = (string)redLine.Attributes["code"]!;
        var ring = ((Polygon)redLine.Geometry.GetGeometryN(0)).ExteriorRing;
        var c = ring.GetCoordinateN(ring.NumPoints / 3);
        return ScreenFixtures.Box(c.X, c.Y, 800, 600);
    }

    [Fact]
    public void A_footprint_across_a_red_line_is_prohibited_citing_the_rule_with_the_overlap()
    {
        var footprint = AcrossARedLine(out var code);
        var r = SiteScreen.Screen(ScreenFixtures.Context(fixture), footprint, CrsRegistry.Wgs84, new ScreenRequest("2614"));
        Assert.Equal("prohibit", r.Verdict);
        var zone = Assert.Single(r.Zones, z => z.Layer == "red_line" && z.Code == code);
        Assert.InRange(zone.Overlap_ha, 0.5, r.Footprint.Area_ha - 0.5);
        var rule = Assert.Single(r.Rules, x => x.Id == "JS-RL-001");
        Assert.Equal("prohibit", rule.Effect);
        Assert.Contains(code, rule.ZoneCodes);
        Assert.Contains(zone.Overlap_ha.ToString("F2", CultureInfo.InvariantCulture) + " ha", rule.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(rule.Source));
        Assert.NotNull(r.Clearance);
        Assert.Contains(code, r.Clearance!.ZoneCodes);
        Assert.Equal("ellipsoidal", r.AreaMethod);
        Assert.Equal(16, r.DataVersion.ContentHash.Length);
        Assert.StartsWith("jiangsu-demo ", r.RulesVersion, StringComparison.Ordinal);
        // Exact coverage: the classes under the footprint add up to its area (it lies inside the rasters).
        foreach (var year in r.LandUse)
            Assert.Equal(r.Footprint.Area_ha, year.Classes.Sum(x => x.Area_ha) + year.NoData_ha, 1e-6 * r.Footprint.Area_ha);
        Assert.Equal(3, r.LandUse.Count);
        Assert.NotNull(r.Carbon);
    }

    [Fact]
    public void A_new_steel_plant_anywhere_is_prohibited_by_the_province_wide_rule()
    {
        foreach (var (lon, lat) in new[] { (119.50, 33.00), (120.90, 32.30), (117.60, 34.30) })
        {
            var r = SiteScreen.Screen(ScreenFixtures.Context(fixture), ScreenFixtures.Box(lon, lat, 700, 700), CrsRegistry.Wgs84, new ScreenRequest("3110"));
            Assert.Equal("prohibit", r.Verdict);
            var rule = Assert.Single(r.Rules, x => x.Id == "JS-PW-001");
            Assert.Contains("province-wide", rule.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pv_on_damaged_land_outside_every_zone_is_encouraged()
    {
        var context = ScreenFixtures.Context(fixture);
        var sites = ScreenFixtures.Layer(fixture, "damaged_land").Features.Where(f => (string)f.Attributes["type"]! != "污染地块").ToList();
        Assert.True(sites.Count >= 20);
        var outside = 0;
        foreach (var site in sites)
        {
            var p = site.Geometry.InteriorPoint;
            var footprint = site.Geometry.Intersection(ScreenFixtures.Box(p.X, p.Y, 300, 300));
            var r = SiteScreen.Screen(context, footprint, CrsRegistry.Cgcs2000, new ScreenRequest("4416", ProjectType: "pv"));
            if (r.Zones.Any(z => Protected.Contains(z.Layer) || z.UnitType == 1)) continue;
            outside++;
            Assert.Equal("encourage", r.Verdict);
            Assert.Contains(r.Rules, x => x.Id == "JS-DL-001" && x.Effect == "encourage");
            Assert.Equal(1.0, Assert.Single(r.Zones, z => z.Layer == "damaged_land").Share, 1e-6);
        }

        Assert.True(outside >= 3, $"only {outside} damaged-land sites lie outside every zone");
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void Planar_overlaps_agree_with_gdal_in_the_gauss_kruger_zone()
    {
        var footprint = AcrossARedLine(out _);
        var r = SiteScreen.Screen(ScreenFixtures.Context(fixture), footprint, CrsRegistry.Wgs84, new ScreenRequest("2614", AreaMethod: AreaMethod.Planar));
        Assert.Equal("planar", r.AreaMethod);
        var dir = TestEnvironment.TempDir("screen-gdal");
        var geojson = ScreenFixtures.WriteGeoJson(dir, "fp.geojson", footprint);
        var fields = new Dictionary<string, string> { ["red_line"] = "code", ["eco_space"] = "code", ["control_unit"] = "HJZHGKDYBM", ["damaged_land"] = "code" };
        var checkedZones = r.Zones.Where(z => fields.ContainsKey(z.Layer)).ToList();
        Assert.Contains(checkedZones, z => z.Layer == "red_line");
        var args = new List<string> { "-c", GdalOverlapScript, geojson, fixture.Workspace.Zones, r.Footprint.GkEpsg.ToString(CultureInfo.InvariantCulture) };
        foreach (var z in checkedZones) args.AddRange([z.Layer, fields[z.Layer], z.Code]);
        var lines = NativeTools.Run(Python, [.. args]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(checkedZones.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
            Assert.Equal(double.Parse(lines[i], CultureInfo.InvariantCulture), checkedZones[i].Overlap_ha, 0.01);
        var area = double.Parse(NativeTools.Run(Python, "-c", GdalAreaScript, geojson, r.Footprint.GkEpsg.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        Assert.Equal(area, r.Footprint.Area_ha, 0.01);
    }

    /// <summary>Debian's python3, which has python3-gdal (a pyenv python on PATH may not).</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>GDAL/GEOS: footprint and zone (edges straight in lon/lat, so segmentized to 0.001° first, as the
    /// source geometries mean) moved to the GK zone and intersected there; one area in ha per zone.</summary>
    private const string GdalOverlapScript = """
        import sys, json
        from osgeo import ogr, osr
        fp_path, gpkg, epsg = sys.argv[1:4]
        src = osr.SpatialReference(); src.ImportFromEPSG(4490); src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        dst = osr.SpatialReference(); dst.ImportFromEPSG(int(epsg)); dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        ct = osr.CoordinateTransformation(src, dst)
        def gk(g):
            g = g.Clone(); g.Segmentize(0.001); g.Transform(ct); return g
        fp = gk(ogr.CreateGeometryFromJson(json.dumps(json.load(open(fp_path))['features'][0]['geometry'])))
        ds = ogr.Open(gpkg)
        rest = sys.argv[4:]
        for k in range(0, len(rest), 3):
            layer, field, code = rest[k:k + 3]
            lyr = ds.GetLayerByName(layer)
            lyr.SetAttributeFilter("%s = '%s'" % (field, code))
            f = lyr.GetNextFeature()
            print(repr(fp.Intersection(gk(f.GetGeometryRef())).GetArea() / 1e4))
        """;

    private const string GdalAreaScript = """
        import sys, json
        from osgeo import ogr, osr
        src = osr.SpatialReference(); src.ImportFromEPSG(4490); src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        dst = osr.SpatialReference(); dst.ImportFromEPSG(int(sys.argv[2])); dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        g = ogr.CreateGeometryFromJson(json.dumps(json.load(open(sys.argv[1]))['features'][0]['geometry']))
        g.Segmentize(0.001); g.Transform(osr.CoordinateTransformation(src, dst))
        print(repr(g.GetArea() / 1e4))
        """;
}
