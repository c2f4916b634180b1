using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Demo;

/// <summary>One county-level district: names, a demo county code, its repaired outline in lon/lat (EPSG:4490) and in
/// the demo grid's CRS (EPSG:4549).</summary>
public sealed record DemoDistrict(int Index, string City, string District, string CountyCode, Geometry Lonlat, Geometry Projected, bool Repaired);

/// <summary>The real geodata the demo is built on (data/jiangsu), loaded, repaired and projected to EPSG:4549.</summary>
public sealed record DemoInputs(
    IReadOnlyList<DemoDistrict> Districts,
    Envelope ProvinceExtent,
    MultiLineString ProvinceBoundary,
    IReadOnlyList<(string Name, Geometry Polygon)> Lakes,
    IReadOnlyList<(long Id, LineString Line)> Rivers,
    GeometryReprojector ToGrid,
    GeometryReprojector ToLonLat)
{
    /// <summary>Prefecture code prefixes (GB/T 2260) of the 13 cities.</summary>
    public static IReadOnlyDictionary<string, string> CityCodes { get; } = new Dictionary<string, string>
    {
        ["南京市"] = "3201",
        ["无锡市"] = "3202",
        ["徐州市"] = "3203",
        ["常州市"] = "3204",
        ["苏州市"] = "3205",
        ["南通市"] = "3206",
        ["连云港市"] = "3207",
        ["淮安市"] = "3208",
        ["盐城市"] = "3209",
        ["扬州市"] = "3210",
        ["镇江市"] = "3211",
        ["泰州市"] = "3212",
        ["宿迁市"] = "3213",
    };

    public static DemoInputs Load(string jiangsuFolder)
    {
        var cgcs = CrsRegistry.Cgcs2000;
        var gk = CrsRegistry.FromEpsg(4549);
        var toGrid = new GeometryReprojector(cgcs, gk);
        var toLonLat = new GeometryReprojector(gk, cgcs);

        var districtsPath = Path.Combine(jiangsuFolder, "districts.geojson");
        var features = ReadFeatures(districtsPath).ToArray();
        var districts = new DemoDistrict[features.Length];
        var perCity = new Dictionary<string, int>();
        var codes = new string[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var city = features[i].Attributes?["city"] as string ?? throw new InputException(districtsPath, $"feature {i}", "no city name");
            if (!CityCodes.TryGetValue(city, out var prefix)) throw new InputException(districtsPath, $"feature {i}", $"unknown city {city}");
            perCity[city] = perCity.GetValueOrDefault(city) + 1;
            // The 6-digit code keeps the real prefecture prefix; the county digits follow file order (demo only).
            codes[i] = prefix + (perCity[city] + 10).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }

        Parallel.For(0, features.Length, i =>
        {
            var feature = features[i];
            var city = (string)feature.Attributes!["city"];
            var name = feature.Attributes?["district"] as string ?? throw new InputException(districtsPath, $"feature {i}", "no district name");
            var repaired = !feature.Geometry.IsValid;
            var lonlat = Polygonal(repaired ? GeometryFixer.Fix(feature.Geometry) : feature.Geometry.Copy());
            lonlat.SRID = 4490;
            var projected = Polygonal(toGrid.Transform(lonlat));
            if (!projected.IsValid) projected = Polygonal(GeometryFixer.Fix(projected));
            districts[i] = new DemoDistrict(i, city, name, codes[i], lonlat, projected, repaired);
        });

        var extent = new Envelope();
        foreach (var d in districts) extent.ExpandToInclude(d.Projected.EnvelopeInternal);
        var boundary = (MultiLineString)toGrid.Transform(OuterBoundary(features.Select(f => f.Geometry)));

        var lakes = new List<(string, Geometry)>();
        foreach (var f in ReadFeatures(Path.Combine(jiangsuFolder, "lakes_gshhg.geojson")))
        {
            var name = f.Attributes?["name"] as string ?? "lake";
            if (name.StartsWith("Taihu", StringComparison.Ordinal)) continue; // the OSM outline is far more detailed
            lakes.Add((name, Polygonal(toGrid.Transform(FixIfNeeded(f.Geometry)))));
        }

        foreach (var f in ReadFeatures(Path.Combine(jiangsuFolder, "taihu_osm.geojson")))
            lakes.Insert(0, ("Taihu 太湖", Polygonal(toGrid.Transform(FixIfNeeded(f.Geometry)))));

        var rivers = new List<(long, LineString)>();
        foreach (var f in ReadFeatures(Path.Combine(jiangsuFolder, "rivers_gshhg.geojson")))
        {
            var id = Convert.ToInt64(f.Attributes?["id"] ?? -1, System.Globalization.CultureInfo.InvariantCulture);
            if (toGrid.Transform(f.Geometry) is LineString line) rivers.Add((id, line));
        }

        var factory = boundary.Factory;
        LineString Line(IReadOnlyList<(double Lon, double Lat)> points) =>
            (LineString)toGrid.Transform(factory.CreateLineString([.. points.Select(p => new Coordinate(p.Lon, p.Lat))]));
        rivers.Add((1001, Line(DemoPlaces.LowerYangtze)));
        rivers.Add((1002, Line(DemoPlaces.YangtzeNorthBranch)));
        return new DemoInputs(districts, extent, boundary, lakes, rivers, toGrid, toLonLat);
    }

    /// <summary>Projects a lon/lat point to the grid CRS.</summary>
    public (double X, double Y) Project(double lon, double lat) => ToGrid.Transform(lon, lat);

    /// <summary>The province outline: the district edges no other district shares. The districts come from one
    /// quantised source, so shared edges match vertex for vertex; this is linear, where a polygon union of the 96
    /// detailed outlines takes seconds.</summary>
    private static MultiLineString OuterBoundary(IEnumerable<Geometry> districts)
    {
        var counts = new Dictionary<(double, double, double, double), int>();
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4490);
        foreach (var g in districts)
        {
            foreach (var ring in Rings(g))
            {
                var seq = ring.CoordinateSequence;
                for (var i = 0; i + 1 < seq.Count; i++)
                {
                    var key = Key(seq.GetX(i), seq.GetY(i), seq.GetX(i + 1), seq.GetY(i + 1));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var lines = counts.Where(kv => kv.Value == 1).Select(kv => kv.Key)
            .OrderBy(k => k.Item1).ThenBy(k => k.Item2).ThenBy(k => k.Item3).ThenBy(k => k.Item4)
            .Select(k => factory.CreateLineString([new Coordinate(k.Item1, k.Item2), new Coordinate(k.Item3, k.Item4)]))
            .ToArray();
        return factory.CreateMultiLineString(lines);

        static (double, double, double, double) Key(double x0, double y0, double x1, double y1) =>
            x0 < x1 || (x0 == x1 && y0 < y1) ? (x0, y0, x1, y1) : (x1, y1, x0, y0);
    }

    private static IEnumerable<LineString> Rings(Geometry g)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p) continue;
            yield return p.ExteriorRing;
            foreach (var hole in p.InteriorRings) yield return hole;
        }
    }

    private static Geometry FixIfNeeded(Geometry g) => g.IsValid ? g : GeometryFixer.Fix(g);

    /// <summary>Keeps only the polygonal parts (a repair can leave slivers of lower dimension).</summary>
    internal static Geometry Polygonal(Geometry g)
    {
        if (g is Polygon or MultiPolygon) return g;
        var parts = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            switch (g.GetGeometryN(i))
            {
                case Polygon p: parts.Add(p); break;
                case MultiPolygon mp: parts.AddRange(mp.Geometries.Cast<Polygon>()); break;
            }
        }

        return parts.Count == 1 ? parts[0] : g.Factory.CreateMultiPolygon([.. parts]);
    }

    private static IEnumerable<IFeature> ReadFeatures(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "demo source data not found (expected in data/jiangsu)");
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(path);
        FeatureCollection? fc;
        try
        {
            fc = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (JsonException e)
        {
            throw new InputException(path, null, $"not valid GeoJSON ({e.Message})", e);
        }

        return fc ?? throw new InputException(path, null, "empty GeoJSON");
    }
}
