using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Demo;

/// <summary>Generates the synthetic zone layers (red lines, eco_space, buffers, eco-islands, control units) and the
/// admin layer, shaped by the same geography as the land use so that zones and rasters agree.</summary>
public static class ZoneGenerator
{
    private static readonly string[] NamedLakes = ["Taihu", "Hongze", "Gaoyou", "Shijiu", "Gehu", "Shaobo", "Yangcheng", "Luoma", "Changdang", "Dianshan"];

    public static IReadOnlyList<VectorLayer> Generate(DemoInputs inputs, DemoWaterBodies water, LandUseSynthesizer land, uint seed)
    {
        var factory = inputs.ProvinceBoundary.Factory;
        var redLine = RedLines(inputs, water, factory, seed);
        var ecoSpace = EcoSpace(inputs, factory, seed);
        var buffers = Buffers(inputs, factory, seed);
        var islands = EcoIslandLayer(inputs, factory, seed);
        var protectedAreas = new STRtree<Geometry>();
        foreach (var g in redLine.Geometries.Concat(ecoSpace.Geometries)) protectedAreas.Insert(g.EnvelopeInternal, g);
        protectedAreas.Build();
        var units = ControlUnitGenerator.Generate(inputs, land, protectedAreas, seed);
        return
        [
            redLine.Layer.Build(inputs.ToLonLat),
            ecoSpace.Layer.Build(inputs.ToLonLat),
            units.Build(inputs.ToLonLat),
            buffers.Build(inputs.ToLonLat),
            islands.Build(inputs.ToLonLat),
            DamagedLandGenerator.Generate(inputs, factory, seed).Build(inputs.ToLonLat),
            Admin(inputs),
        ];
    }

    private static (ZoneLayerBuilder Layer, List<Geometry> Geometries) RedLines(DemoInputs inputs, DemoWaterBodies water, GeometryFactory factory, uint seed)
    {
        var layer = new ZoneLayerBuilder("red_line", [new("code", FieldType.String), new("name", FieldType.String), new("kind", FieldType.String)]);
        var kept = new List<Geometry>();
        var n = 0;
        void Add(Geometry g, string name, string kind)
        {
            n++;
            var simplified = NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(g, 60);
            layer.Add(simplified, new() { ["code"] = $"HX32{n:0000}", ["name"] = name, ["kind"] = kind });
            kept.Add(simplified);
        }

        foreach (var (name, polygon) in inputs.Lakes)
        {
            if (!NamedLakes.Any(l => name.StartsWith(l, StringComparison.Ordinal))) continue;
            Add(polygon.Buffer(800, 4), $"{name} 湖泊湿地生态保护红线", "湖泊湿地");
        }

        foreach (var (hill, i) in DemoPlaces.Hills.Select((h, i) => (h, i)))
        {
            if (hill.Weight < 0.55) continue;
            var (x, y) = inputs.Project(hill.Lon, hill.Lat);
            Add(ZoneShapes.Blob(factory, x, y, hill.Radius_km * 600, seed + 300 + (uint)i), $"{hill.NameZh} 水源涵养生态保护红线", "山地森林");
        }

        // Coastal wetlands: the inner coast belt cut into three stretches (Lianyungang-Sheyang, Yancheng-Dafeng, Nantong).
        (double, double, string)[] stretches = [(33.75, 34.55, "盐城北部（滨海-射阳）"), (32.85, 33.75, "盐城中部（大丰-东台）"), (31.95, 32.85, "南通沿海（如东-启东）")];
        foreach (var (lat0, lat1, label) in stretches)
        {
            var (_, y0) = inputs.Project(120.8, lat0);
            var (_, y1) = inputs.Project(120.8, lat1);
            var e = water.CoastInner.EnvelopeInternal;
            var box = factory.ToGeometry(new Envelope(e.MinX, e.MaxX, y0, y1));
            Add(water.CoastInner.Intersection(box), $"{label} 海岸带湿地生态保护红线", "海岸湿地");
        }

        return (layer, kept);
    }

    private static (ZoneLayerBuilder Layer, List<Geometry> Geometries) EcoSpace(DemoInputs inputs, GeometryFactory factory, uint seed)
    {
        var layer = new ZoneLayerBuilder("eco_space", [new("code", FieldType.String), new("name", FieldType.String), new("type", FieldType.String)]);
        var kept = new List<Geometry>();
        var n = 0;
        void Add(Geometry g, string name, string type)
        {
            n++;
            layer.Add(g, new() { ["code"] = $"ST32{n:0000}", ["name"] = name, ["type"] = type });
            kept.Add(g);
        }

        (string, double, double)[] intakes =
        [
            ("南京夹江饮用水水源保护区", 118.70, 32.02), ("镇江征润洲饮用水水源保护区", 119.40, 32.23), ("扬州瓜洲饮用水水源保护区", 119.37, 32.25),
            ("江阴小湾饮用水水源保护区", 120.30, 31.95), ("张家港长江饮用水水源保护区", 120.55, 31.99), ("南通狼山饮用水水源保护区", 120.88, 31.97),
            ("无锡贡湖饮用水水源保护区", 120.33, 31.43), ("苏州金墅港饮用水水源保护区", 120.38, 31.38), ("洪泽湖周桥饮用水水源保护区", 118.75, 33.20),
            ("骆马湖饮用水水源保护区", 118.20, 34.05),
        ];
        foreach (var (name, lon, lat) in intakes)
        {
            var (x, y) = inputs.Project(lon, lat);
            Add(factory.CreatePoint(new Coordinate(x, y)).Buffer(1800, 8), name, "饮用水水源保护区");
        }

        (long Id, string Name)[] channels = [(61, "通榆河清水通道维护区"), (53, "新通扬运河清水通道维护区"), (45, "京杭运河（里运河段）清水通道维护区"), (44, "淮河入海水道清水通道维护区")];
        foreach (var (id, name) in channels)
        {
            var line = inputs.Rivers.FirstOrDefault(r => r.Id == id).Line;
            if (line is not null) Add(line.Buffer(1000, 4), name, "清水通道维护区");
        }

        foreach (var (hill, i) in DemoPlaces.Hills.Select((h, i) => (h, i)))
        {
            var (x, y) = inputs.Project(hill.Lon, hill.Lat);
            Add(ZoneShapes.Blob(factory, x, y, hill.Radius_km * 350, seed + 400 + (uint)i), $"{hill.NameZh}森林公园", hill.Weight >= 0.8 ? "森林公园" : "生态公益林");
        }

        var taihu = inputs.Lakes.First(l => l.Name.StartsWith("Taihu", StringComparison.Ordinal)).Polygon;
        Add(NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(taihu.Buffer(5000, 4).Difference(taihu.Buffer(800, 4)), 60), "太湖重要保护区", "太湖重要保护区");
        (string, double, double, double)[] reserves = [("盐城湿地珍禽国家级自然保护区", 120.55, 33.62, 9000), ("大丰麋鹿国家级自然保护区", 120.82, 33.00, 6000)];
        foreach (var (name, lon, lat, r) in reserves)
        {
            var (x, y) = inputs.Project(lon, lat);
            Add(ZoneShapes.Blob(factory, x, y, r, seed + 450), name, "自然保护区");
        }

        return (layer, kept);
    }

    private static ZoneLayerBuilder Buffers(DemoInputs inputs, GeometryFactory factory, uint seed)
    {
        var layer = new ZoneLayerBuilder("buffer", [new("code", FieldType.String), new("name", FieldType.String), new("type", FieldType.String), new("setting", FieldType.String)]);
        var n = 0;
        void Add(double x, double y, double r, string name, string type, string setting)
        {
            n++;
            layer.Add(ZoneShapes.Blob(factory, x, y, r, seed + 500 + (uint)n), new() { ["code"] = $"HC32{n:000}", ["name"] = name, ["type"] = type, ["setting"] = setting });
        }

        // Riparian belts on the Yangtze banks, 2.2 km from the thalweg (just outside the 2.4 km wide river).
        var yangtze = inputs.Rivers.Where(r => r.Id is 33 or 1001).Select(r => r.Line).ToArray();
        for (var k = 0; k < 8; k++)
        {
            var line = yangtze[k % yangtze.Length];
            var indexed = new NetTopologySuite.LinearReferencing.LengthIndexedLine(line);
            var at = line.Length * (0.12 + 0.76 * (k / 2) / 3.0);
            var p = indexed.ExtractPoint(at);
            var q = indexed.ExtractPoint(at + 200);
            var (dx, dy) = (q.X - p.X, q.Y - p.Y);
            var len = Math.Sqrt(dx * dx + dy * dy);
            var side = k % 2 == 0 ? 1 : -1;
            Add(p.X - side * dy / len * 2600, p.Y + side * dx / len * 2600, 1400, $"长江岸线生态安全缓冲区{k + 1}", "生态涵养型", "长江");
        }

        var taihu = inputs.Lakes.First(l => l.Name.StartsWith("Taihu", StringComparison.Ordinal)).Polygon;
        var ring = (taihu is Polygon tp ? tp : (Polygon)taihu.GetGeometryN(0)).ExteriorRing;
        var ringIndex = new NetTopologySuite.LinearReferencing.LengthIndexedLine(ring);
        var centre = taihu.Centroid;
        for (var k = 0; k < 6; k++)
        {
            var p = ringIndex.ExtractPoint(ring.Length * (k + 0.3) / 6);
            var (dx, dy) = (p.X - centre.X, p.Y - centre.Y);
            var len = Math.Sqrt(dx * dx + dy * dy);
            Add(p.X + dx / len * 1500, p.Y + dy / len * 1500, 1200, $"环太湖生态安全缓冲区{k + 1}", "生态净化型", "太湖");
        }

        (string, double, double)[] parks =
        [
            ("南京江北新材料科技园", 118.83, 32.27), ("连云港徐圩新区石化基地", 119.55, 34.58), ("盐城滨海港工业园区", 120.27, 34.25),
            ("泰兴经济开发区", 120.02, 32.17), ("常州滨江经济开发区", 119.93, 32.01), ("如东洋口港经济开发区", 121.05, 32.55),
        ];
        foreach (var (name, lon, lat) in parks)
        {
            var (x, y) = inputs.Project(lon, lat);
            Add(x + 1800, y - 1200, 1000, $"{name}生态安全缓冲区", "生态保护型", "工业园区");
        }

        return layer;
    }

    private static ZoneLayerBuilder EcoIslandLayer(DemoInputs inputs, GeometryFactory factory, uint seed)
    {
        var layer = new ZoneLayerBuilder("eco_island", [new("code", FieldType.String), new("name", FieldType.String), new("name_en", FieldType.String), new("tier", FieldType.String)]);
        foreach (var (island, i) in DemoPlaces.EcoIslands.Select((p, i) => (p, i)))
        {
            var (x, y) = inputs.Project(island.Lon, island.Lat);
            layer.Add(ZoneShapes.Blob(factory, x, y, island.Radius_km * 1000, seed + 600 + (uint)i), new()
            {
                ["code"] = $"STD32{i + 1:00}",
                ["name"] = island.NameZh + "生态岛试验区",
                ["name_en"] = island.NameEn + " eco-island pilot",
                ["tier"] = island.Weight <= 1 ? "一级" : "二级",
            });
        }

        return layer;
    }

    private static VectorLayer Admin(DemoInputs inputs)
    {
        FieldDefinition[] fields = [new("city", FieldType.String), new("district", FieldType.String), new("county_code", FieldType.String), new("repaired", FieldType.Boolean), new("area_ha", FieldType.Real)];
        var features = inputs.Districts.Select(d => new VectorFeature(d.Index + 1, d.Lonlat, new Dictionary<string, object?>
        {
            ["city"] = d.City,
            ["district"] = d.District,
            ["county_code"] = d.CountyCode,
            ["repaired"] = d.Repaired,
            ["area_ha"] = Math.Round(d.Projected.Area / 10_000, 4),
        })).ToArray();
        var repaired = inputs.Districts.Count(d => d.Repaired);
        return new VectorLayer("admin", "admin", CrsRegistry.Cgcs2000, fields, features,
            new GeometryIssues(repaired, repaired, 0, [.. inputs.Districts.Where(d => d.Repaired).Select(d => $"{d.City}{d.District}: repaired with GeometryFixer")]));
    }
}
