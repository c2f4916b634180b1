using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Demo;

/// <summary>Collects the features of one synthetic zone layer in the grid CRS and turns them into a
/// <see cref="VectorLayer"/> in CGCS2000 lon/lat, with area_ha (computed in EPSG:4549) and source = 'synthetic demo'.</summary>
public sealed class ZoneLayerBuilder(string name, IReadOnlyList<FieldDefinition> fields)
{
    public const string Source = "synthetic demo";
    private readonly List<(Geometry Geometry, Dictionary<string, object?> Attributes)> _features = [];

    public string Name { get; } = name;

    public int Count => _features.Count;

    /// <summary>Adds a feature if its (polygonal, valid) geometry is not empty.</summary>
    public void Add(Geometry projected, Dictionary<string, object?> attributes)
    {
        var g = DemoInputs.Polygonal(projected.IsValid ? projected : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(projected));
        if (g.IsEmpty) return;
        attributes["area_ha"] = Math.Round(g.Area / 10_000, 4);
        attributes["source"] = Source;
        _features.Add((g, attributes));
    }

    public VectorLayer Build(GeometryReprojector toLonLat)
    {
        var allFields = fields.Concat([new FieldDefinition("area_ha", FieldType.Real), new FieldDefinition("source", FieldType.String)]).ToArray();
        var features = new VectorFeature[_features.Count];
        Parallel.For(0, _features.Count, i =>
        {
            var (g, a) = _features[i];
            var lonlat = toLonLat.Transform(g);
            if (!lonlat.IsValid) lonlat = DemoInputs.Polygonal(NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(lonlat));
            lonlat.SRID = 4490;
            features[i] = new VectorFeature(i + 1, lonlat, a);
        });
        return new VectorLayer(Name, Name, CrsRegistry.Cgcs2000, allFields, features, GeometryIssues.None);
    }
}
