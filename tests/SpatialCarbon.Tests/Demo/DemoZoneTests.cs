using System.Text.RegularExpressions;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Demo;

[Collection(DemoCollection.Name)]
public sealed partial class DemoZoneTests(DemoWorkspaceFixture fixture)
{
    private static readonly string[] Layers = ["red_line", "eco_space", "control_unit", "buffer", "eco_island", "damaged_land", "admin"];

    [Fact]
    public void EveryLayerIsValidInCgcs2000AndSyntheticLayersSaySo()
    {
        Assert.Equal(Layers.Order(), VectorFile.ListLayers(fixture.Workspace.Zones).Order());
        foreach (var name in Layers)
        {
            var layer = VectorFile.Read(fixture.Workspace.Zones, name);
            Assert.Equal(4490, layer.Crs?.Epsg);
            Assert.NotEmpty(layer.Features);
            Assert.All(layer.Features, f => Assert.True(f.Geometry.IsValid && !f.Geometry.IsEmpty, $"{name} {f.Id}"));
            Assert.All(layer.Features, f => Assert.InRange(f.Geometry.EnvelopeInternal.MinX, 116.0, 122.5));
            if (name != "admin") Assert.All(layer.Features, f => Assert.Equal("synthetic demo", f.Attributes["source"]));
        }
    }

    [Fact]
    public void ControlUnitsFollowJiangsusCountsCodesAndTessellateTheDistricts()
    {
        var units = VectorFile.Read(fixture.Workspace.Zones, "control_unit").Features;
        Assert.InRange(units.Count, 4300, 4800);
        var byType = units.GroupBy(u => Convert.ToInt32(u.Attributes["ZHGKDYFL"])).ToDictionary(g => g.Key, g => g.Count());
        var total = ControlUnitGenerator.JiangsuTypeCounts.Sum();
        for (var t = 1; t <= 3; t++)
            Assert.InRange((double)byType[t] / units.Count, (double)ControlUnitGenerator.JiangsuTypeCounts[t - 1] / total - 0.01,
                (double)ControlUnitGenerator.JiangsuTypeCounts[t - 1] / total + 0.01);
        Assert.All(units, u =>
        {
            var code = (string)u.Attributes["HJZHGKDYBM"]!;
            Assert.Matches(UnitCode(), code);
            Assert.Equal(Convert.ToInt32(u.Attributes["ZHGKDYFL"]), code[8] - '0');
            foreach (var field in new[] { "HJZHGKDYMC", "KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ", "city", "county" })
                Assert.False(string.IsNullOrWhiteSpace(u.Attributes[field] as string), field);
        });
        Assert.Equal(units.Count, units.Select(u => u.Attributes["HJZHGKDYBM"]).Distinct().Count());

        // Tessellation: per district, the units' areas (computed in EPSG:4549) add up to the district's area.
        var admin = VectorFile.Read(fixture.Workspace.Zones, "admin").Features
            .ToDictionary(f => ((string)f.Attributes["city"]!, (string)f.Attributes["district"]!), f => Convert.ToDouble(f.Attributes["area_ha"]));
        Assert.Equal(96, admin.Count);
        foreach (var g in units.GroupBy(u => ((string)u.Attributes["city"]!, (string)u.Attributes["county"]!)))
            Assert.Equal(admin[g.Key], g.Sum(u => Convert.ToDouble(u.Attributes["area_ha"])), admin[g.Key] * 1e-6);
        // Some district names repeat across cities (鼓楼区 in Nanjing and Xuzhou), so count (city, county) pairs.
        Assert.Equal(96, units.Select(u => (u.Attributes["city"], u.Attributes["county"])).Distinct().Count());
    }

    [Fact]
    public void ZoneKindsHaveTheirTypesAndTheSevenEcoIslands()
    {
        var ecoSpace = VectorFile.Read(fixture.Workspace.Zones, "eco_space").Features.Select(f => (string)f.Attributes["type"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "饮用水水源保护区", "清水通道维护区", "森林公园", "太湖重要保护区", "自然保护区" }, ecoSpace);
        var redLines = VectorFile.Read(fixture.Workspace.Zones, "red_line").Features.Select(f => (string)f.Attributes["kind"]!).ToHashSet();
        Assert.Equal(new HashSet<string> { "湖泊湿地", "山地森林", "海岸湿地" }, redLines);
        var buffers = VectorFile.Read(fixture.Workspace.Zones, "buffer").Features;
        Assert.InRange(buffers.Count, 18, 22);
        Assert.Equal(new HashSet<string> { "长江", "太湖", "工业园区" }, buffers.Select(b => (string)b.Attributes["setting"]!).ToHashSet());

        var islands = VectorFile.Read(fixture.Workspace.Zones, "eco_island").Features;
        Assert.Equal(7, islands.Count);
        foreach (var place in DemoPlaces.EcoIslands)
        {
            var island = Assert.Single(islands, i => ((string)i.Attributes["name"]!).StartsWith(place.NameZh, StringComparison.Ordinal));
            var c = island.Geometry.Centroid;
            Assert.InRange(c.X, place.Lon - 0.05, place.Lon + 0.05);
            Assert.InRange(c.Y, place.Lat - 0.05, place.Lat + 0.05);
        }
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void OgrinfoReadsEveryLayerWithTheSameCounts()
    {
        var manifest = fixture.Manifest;
        foreach (var name in Layers)
        {
            var info = NativeTools.Run("ogrinfo", "-so", "-ro", fixture.Workspace.Zones, name);
            Assert.Contains($"Feature Count: {manifest.ZoneCounts[name]}", info, StringComparison.Ordinal);
            Assert.Contains("4490", info, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^ZH32\d{4}[123]\d{3}$")]
    private static partial Regex UnitCode();
}
