using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Demo;

/// <summary>The synthetic damaged_land layer (受损土地), where the plan puts PV and wind: coal-mining subsidence around
/// Xuzhou, abandoned quarries in the hills around Nanjing and Zhenjiang (and a few elsewhere), closed landfills near
/// the big cities and contaminated former chemical sites. Approximate real places; shapes and sizes are made up, and
/// every feature says source = 'synthetic demo'.</summary>
public static class DamagedLandGenerator
{
    /// <summary>Name, type, city, lon, lat and mean radius in metres of each site.</summary>
    private static readonly (string Name, string Type, string City, double Lon, double Lat, double Radius_m)[] Sites =
    [
        ("贾汪采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 117.46, 34.44, 2200),
        ("贾汪青山泉采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 117.53, 34.40, 1500),
        ("沛县龙固采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 116.88, 34.83, 2000),
        ("沛县张双楼采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 116.97, 34.66, 1700),
        ("铜山柳新采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 117.10, 34.40, 1600),
        ("铜山张集采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 117.33, 34.12, 1400),
        ("庞庄九里采煤沉陷区", DamagedLandTypes.CoalSubsidence, "徐州市", 117.14, 34.31, 1200),
        ("幕府山废弃矿山", DamagedLandTypes.AbandonedMine, "南京市", 118.79, 32.13, 500),
        ("汤山废弃采石场", DamagedLandTypes.AbandonedMine, "南京市", 119.04, 32.07, 650),
        ("青龙山废弃采石场", DamagedLandTypes.AbandonedMine, "南京市", 118.95, 31.99, 700),
        ("江宁横溪废弃矿山", DamagedLandTypes.AbandonedMine, "南京市", 118.73, 31.72, 550),
        ("六合冶山废弃矿山", DamagedLandTypes.AbandonedMine, "南京市", 118.98, 32.48, 600),
        ("句容下蜀废弃采石场", DamagedLandTypes.AbandonedMine, "镇江市", 119.22, 32.17, 600),
        ("丹徒高资废弃采石场", DamagedLandTypes.AbandonedMine, "镇江市", 119.27, 32.19, 500),
        ("镇江韦岗废弃矿山", DamagedLandTypes.AbandonedMine, "镇江市", 119.34, 32.11, 550),
        ("句容宝华废弃采石场", DamagedLandTypes.AbandonedMine, "镇江市", 119.12, 32.10, 450),
        ("宜兴张渚废弃采石场", DamagedLandTypes.AbandonedMine, "无锡市", 119.70, 31.28, 600),
        ("盱眙废弃采石场", DamagedLandTypes.AbandonedMine, "淮安市", 118.47, 32.98, 650),
        ("南京水阁垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "南京市", 118.92, 31.95, 350),
        ("南京轿子山垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "南京市", 118.86, 32.16, 300),
        ("苏州七子山垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "苏州市", 120.52, 31.23, 400),
        ("无锡桃花山垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "无锡市", 120.16, 31.55, 350),
        ("常州夹山垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "常州市", 119.88, 31.66, 300),
        ("徐州垃圾填埋场（已封场）", DamagedLandTypes.ClosedLandfill, "徐州市", 117.27, 34.33, 300),
        ("南京化工园原厂址污染地块", DamagedLandTypes.ContaminatedSite, "南京市", 118.84, 32.24, 300),
        ("常州原农药厂污染地块", DamagedLandTypes.ContaminatedSite, "常州市", 119.97, 31.83, 250),
        ("苏州原化工厂污染地块", DamagedLandTypes.ContaminatedSite, "苏州市", 120.58, 31.36, 200),
        ("无锡原印染厂污染地块", DamagedLandTypes.ContaminatedSite, "无锡市", 120.28, 31.52, 200),
        ("响水原化工园区污染地块", DamagedLandTypes.ContaminatedSite, "盐城市", 119.80, 34.33, 450),
    ];

    public static ZoneLayerBuilder Generate(DemoInputs inputs, GeometryFactory factory, uint seed)
    {
        var layer = new ZoneLayerBuilder("damaged_land",
            [new("code", FieldType.String), new("name", FieldType.String), new("type", FieldType.String), new("city", FieldType.String)]);
        foreach (var (site, i) in Sites.Select((s, i) => (s, i)))
        {
            var (x, y) = inputs.Project(site.Lon, site.Lat);
            layer.Add(ZoneShapes.Blob(factory, x, y, site.Radius_m, seed + 700 + (uint)i, 32),
                new() { ["code"] = $"SS32{i + 1:0000}", ["name"] = site.Name, ["type"] = site.Type, ["city"] = site.City });
        }

        return layer;
    }
}
