using SpatialCarbon.Storage;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Storage;

/// <summary>The demo workspace copied GeoPackage -> PostGIS -> GeoPackage keeps every feature, attribute and geometry,
/// and GDAL reads every hop.</summary>
[Collection(StorageCollection.Name)]
public sealed class WorkspaceCopyTests(StorageFixture fixture)
{
    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Demo_workspace_copied_there_and_back_is_identical(string backend)
    {
        var folder = fixture.DemoCopy("copy-demo");
        using var demo = WorkspaceStore.Open(folder);
        Assert.Equal(["admin", "buffer", "control_unit", "damaged_land", "eco_island", "eco_space", "red_line"], demo.LayerNames);
        Assert.Contains(demo.Rasters, r => r is { Kind: RasterKind.LandUse, Year: 2020, Path: "landuse_2020.tif" });
        demo.WriteRules(new RulesDocument("2026.1-demo", """{"version":"2026.1-demo"}"""));

        using var middle = fixture.Create(backend, "copy-mid");
        WorkspaceCopy.Copy(demo, middle);
        var back = Path.Combine(TestEnvironment.TempDir("copy-back"), "back.gpkg");
        using var returned = WorkspaceStore.Open(back, create: true);
        WorkspaceCopy.Copy(middle, returned);

        foreach (var name in demo.LayerNames)
        {
            var original = demo.ReadLayer(name);
            Assert.NotEmpty(original.Features);
            LayerComparison.AssertSameFeatures(original, middle.ReadLayer(name));
            LayerComparison.AssertSameFeatures(original, returned.ReadLayer(name));
        }

        // The copies live elsewhere, so their catalogues name the demo's rasters by full path; the files are the same.
        Assert.Equal(demo.Rasters.Select(r => (r.Name, r.Kind, r.Year, demo.PathOf(r))), returned.Rasters.Select(r => (r.Name, r.Kind, r.Year, returned.PathOf(r))));
        Assert.All(middle.Rasters, r => Assert.True(File.Exists(middle.PathOf(r)), r.Path));
        Assert.Equal(demo.ReadRules(), returned.ReadRules());

        // GDAL agrees on the feature count of every layer of the copy that came back.
        foreach (var name in demo.LayerNames)
            Assert.Contains($"Feature Count: {demo.DescribeLayer(name).FeatureCount}", OgrSummary(back, name), StringComparison.Ordinal);
    }

    /// <summary>ogrinfo opens the PostGIS copy through a PG: connection string and counts the same features.</summary>
    [RequiresToolFact(NativeTools.GdalCli, NativeTools.PostGis)]
    public void Ogrinfo_reads_the_postgis_copy()
    {
        var folder = fixture.DemoCopy("copy-ogr");
        using var demo = WorkspaceStore.Open(folder);
        var schema = $"ogr_{Guid.NewGuid():N}";
        using var pg = WorkspaceStore.Open(fixture.Cluster.Uri(schema));
        WorkspaceCopy.Copy(demo, pg);
        var summary = OgrSummary(fixture.Cluster.GdalConnection(schema), $"{schema}.control_unit");
        Assert.Contains($"Feature Count: {demo.DescribeLayer("control_unit").FeatureCount}", summary, StringComparison.Ordinal);
        Assert.Contains("EPSG\",4490", summary, StringComparison.Ordinal);
    }

    /// <summary>The GK areas PostGIS computes (ST_Area of ST_Transform to the centroid's zone) agree with
    /// GeometryArea.GaussKruger_m2 on the GeoPackage to 1e-6 relative, feature by feature.</summary>
    [RequiresToolFact(NativeTools.PostGis)]
    public void Gauss_kruger_areas_agree_between_postgis_and_the_managed_projection()
    {
        var folder = fixture.DemoCopy("copy-area");
        using var demo = WorkspaceStore.Open(folder);
        using var pg = fixture.Create(Backend.PostGis, "area");
        pg.WriteLayer(demo.ReadLayer("control_unit"));
        var ours = demo.GaussKrugerAreas_m2("control_unit");
        var postgis = pg.GaussKrugerAreas_m2("control_unit");
        Assert.Equal(ours.Count, postgis.Count);
        foreach (var (id, area) in postgis) Assert.True(Math.Abs(ours[id] - area) <= 1e-6 * area, $"fid {id}: ours {ours[id]} m², PostGIS {area} m²");
    }

    /// <summary>Intersects and distance queries pick the same control units in PostGIS as in the GeoPackage.</summary>
    [RequiresToolFact(NativeTools.PostGis)]
    public void Spatial_predicates_agree_between_the_backends_on_the_demo()
    {
        var folder = fixture.DemoCopy("copy-pred");
        using var demo = WorkspaceStore.Open(folder);
        using var pg = fixture.Create(Backend.PostGis, "pred");
        var units = demo.ReadLayer("control_unit");
        pg.WriteLayer(units);
        var factory = units.Features[0].Geometry.Factory;
        var probes = new[] { (118.78, 32.04), (120.3, 31.5), (119.4, 33.0), (121.2, 31.9) }
            .Select(p => factory.CreatePolygon([new(p.Item1, p.Item2), new(p.Item1 + 0.02, p.Item2), new(p.Item1 + 0.02, p.Item2 + 0.015), new(p.Item1, p.Item2 + 0.015), new(p.Item1, p.Item2)]));
        var nonEmpty = 0;
        foreach (var probe in probes)
        {
            var hits = demo.Intersecting("control_unit", probe);
            nonEmpty += hits.Count > 0 ? 1 : 0;
            Assert.Equal(hits, pg.Intersecting("control_unit", probe));
            Assert.Equal(demo.WithinDistance("control_unit", probe, 5000), pg.WithinDistance("control_unit", probe, 5000));
        }

        Assert.True(nonEmpty >= 2, "the probes should fall on control units");
    }

    internal static string OgrSummary(string dataset, string layer) => NativeTools.Run("ogrinfo", "-so", "-ro", dataset, layer);
}
