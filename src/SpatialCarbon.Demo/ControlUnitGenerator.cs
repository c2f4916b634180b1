using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Triangulate;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Demo;

/// <summary>About 4,570 environmental control units (环境管控单元) tessellating every district: Voronoi cells of seeded
/// points, denser where land is built up, clipped to the district. Types follow Jiangsu's 2024 proportions
/// (1,402 priority protection / 2,150 key control / 1,018 general): protected areas first, then the most urban.</summary>
public static class ControlUnitGenerator
{
    public const int TargetUnits = 4570;
    public static IReadOnlyList<int> JiangsuTypeCounts { get; } = [1402, 2150, 1018];

    private static readonly string[] TypeNames = ["优先保护单元", "重点管控单元", "一般管控单元"];

    public static ZoneLayerBuilder Generate(DemoInputs inputs, LandUseSynthesizer land, STRtree<Geometry> protectedAreas, uint seed)
    {
        var weights = inputs.Districts.Select(d =>
        {
            var p = d.Projected.InteriorPoint;
            return d.Projected.Area * (0.35 + land.UrbanProbability(2, p.X, p.Y));
        }).ToArray();
        var total = weights.Sum();
        var cells = new List<(DemoDistrict District, Geometry Cell)>[inputs.Districts.Count];
        Parallel.For(0, inputs.Districts.Count, i =>
        {
            var district = inputs.Districts[i];
            var count = Math.Max(3, (int)Math.Round(TargetUnits * weights[i] / total));
            cells[i] = [.. Tessellate(district, land, count, seed + (uint)i * 7919).Select(c => (district, c))];
        });

        var all = cells.SelectMany(c => c).ToList();
        var scored = all.Select((u, k) =>
        {
            var p = u.Cell.InteriorPoint;
            var isProtected = protectedAreas.Query(p.EnvelopeInternal).Any(g => g.Contains(p));
            return (Index: k, Protected: isProtected, Urban: land.UrbanProbability(2, p.X, p.Y), Forest: land.ForestProbability(p.X, p.Y));
        }).ToArray();
        var n1 = (int)Math.Round(all.Count * (double)JiangsuTypeCounts[0] / JiangsuTypeCounts.Sum());
        var n2 = (int)Math.Round(all.Count * (double)JiangsuTypeCounts[1] / JiangsuTypeCounts.Sum());
        var types = new int[all.Count];
        var byProtection = scored.OrderByDescending(s => s.Protected).ThenByDescending(s => s.Forest - s.Urban).ThenBy(s => s.Index).ToArray();
        foreach (var s in byProtection.Take(n1)) types[s.Index] = 1;
        var rest = byProtection.Skip(n1).OrderByDescending(s => s.Urban).ThenBy(s => s.Index).ToArray();
        foreach (var s in rest.Take(n2)) types[s.Index] = 2;
        foreach (var s in rest.Skip(n2)) types[s.Index] = 3;

        var layer = new ZoneLayerBuilder("control_unit",
        [
            new("HJZHGKDYBM", FieldType.String), new("HJZHGKDYMC", FieldType.String), new("ZHGKDYFL", FieldType.Integer),
            new("KJBJYS", FieldType.String), new("PWWPFGK", FieldType.String), new("HJFXFK", FieldType.String),
            new("ZYKFXLYQ", FieldType.String), new("city", FieldType.String), new("county", FieldType.String),
        ]);
        var sequence = new Dictionary<(string, int), int>();
        for (var k = 0; k < all.Count; k++)
        {
            var (district, cell) = all[k];
            var type = types[k];
            var seq = sequence[(district.CountyCode, type)] = sequence.GetValueOrDefault((district.CountyCode, type)) + 1;
            var (kj, pw, fx, zy) = AccessList(type);
            layer.Add(cell, new()
            {
                ["HJZHGKDYBM"] = $"ZH{district.CountyCode}{type}{seq:000}",
                ["HJZHGKDYMC"] = $"{district.District}{TypeNames[type - 1]}{seq:00}",
                ["ZHGKDYFL"] = (long)type,
                ["KJBJYS"] = kj,
                ["PWWPFGK"] = pw,
                ["HJFXFK"] = fx,
                ["ZYKFXLYQ"] = zy,
                ["city"] = district.City,
                ["county"] = district.District,
            });
        }

        return layer;
    }

    private static IEnumerable<Geometry> Tessellate(DemoDistrict district, LandUseSynthesizer land, int count, uint seed)
    {
        var shape = district.Projected;
        var prepared = PreparedGeometryFactory.Prepare(shape);
        var env = shape.EnvelopeInternal;
        var sites = new List<Coordinate>(count);
        var factory = shape.Factory;
        for (var k = 0; sites.Count < count && k < count * 400; k++)
        {
            var x = env.MinX + ValueNoise.Lattice(k, 1, seed) * env.Width;
            var y = env.MinY + ValueNoise.Lattice(k, 2, seed) * env.Height;
            // Rejection sampling: cities get more, smaller units.
            if (ValueNoise.Lattice(k, 3, seed) > 0.3 + 0.7 * land.UrbanProbability(2, x, y)) continue;
            var c = new Coordinate(x, y);
            if (prepared.Contains(factory.CreatePoint(c))) sites.Add(c);
        }

        if (sites.Count < 2)
        {
            yield return shape;
            yield break;
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = new Envelope(env.MinX - 1000, env.MaxX + 1000, env.MinY - 1000, env.MaxY + 1000) };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(factory);
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            var clipped = prepared.ContainsProperly(cell) ? cell : shape.Intersection(cell);
            clipped = DemoInputs.Polygonal(clipped);
            if (!clipped.IsEmpty && clipped.Area > 1) yield return clipped;
        }
    }

    private static (string Layout, string Emission, string Risk, string Resource) AccessList(int type) => type switch
    {
        1 => ("禁止新建、扩建与生态保护无关的开发建设项目；生态保护红线内除国家允许的有限人为活动外禁止开发性、生产性建设活动。",
            "严禁新增污染物排放；现有排污口限期整治，生活污水应收尽收。",
            "禁止新建涉及有毒有害物质的项目；加强水源地与湿地环境风险防控。",
            "保持自然岸线与湿地面积不减少；严格控制取用水总量。"),
        2 => ("新建工业项目应进入合规园区；禁止新建、扩建钢铁、焦化、炼油、电解铝、水泥熟料、平板玻璃等产能过剩项目。",
            "实施主要污染物排放总量控制和倍量削减替代；重点行业执行特别排放限值。",
            "化工园区建立有毒有害气体监测预警体系；企业编制突发环境事件应急预案。",
            "单位GDP能耗与水耗达到省定目标；推进清洁能源替代与中水回用。"),
        _ => ("落实国土空间规划用途管制；限制高污染、高耗能项目布局。",
            "农业面源污染综合治理，化肥农药使用量零增长。",
            "加强农用地土壤污染风险管控。",
            "提高农业用水效率，推广节水灌溉。"),
    };
}
