using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Zoning;

/// <summary>A workspace's zones in memory, one <see cref="ZoneLayerIndex"/> per zone kind present, built once from
/// layers given as data (read from a GeoPackage, a PostGIS store or made in a test). Screens query it and never read
/// files. (Named apart from Overlay.ZoneIndex, the raster-row index of the zonal engine.)</summary>
public sealed class ZoningIndex
{
    /// <summary>Longest edge left before moving projected zones to lon/lat, in metres.</summary>
    private const double Densify_m = 100;

    private readonly Dictionary<ZoneKind, ZoneLayerIndex> _byKind;

    private ZoningIndex(Dictionary<ZoneKind, ZoneLayerIndex> byKind) => _byKind = byKind;

    /// <summary>The layers present, in <see cref="ZoneKind"/> order.</summary>
    public IReadOnlyList<ZoneLayerIndex> Layers => [.. _byKind.OrderBy(kv => kv.Key).Select(kv => kv.Value)];

    /// <summary>The layer of a kind, or null when the workspace has none.</summary>
    public ZoneLayerIndex? this[ZoneKind kind] => _byKind.GetValueOrDefault(kind);

    /// <summary>Total zones over all layers.</summary>
    public int Count => _byKind.Values.Sum(l => l.Zones.Count);

    /// <summary>Builds the index from layers keyed by layer name; each kind takes the layer <paramref name="mapping"/>
    /// names for it (layers of other names are ignored; a kind without a layer is simply absent).</summary>
    /// <exception cref="InputException">A mapped field is missing from its layer.</exception>
    public static ZoningIndex Build(IReadOnlyDictionary<string, VectorLayer> layers, FieldMapping? mapping = null)
    {
        mapping ??= FieldMapping.Default;
        var byKind = new Dictionary<ZoneKind, ZoneLayerIndex>();
        foreach (var (kind, map) in mapping.Layers)
        {
            var layer = layers.GetValueOrDefault(map.Layer)
                ?? layers.FirstOrDefault(kv => kv.Key.Equals(map.Layer, StringComparison.OrdinalIgnoreCase)).Value;
            if (layer is null) continue;
            byKind[kind] = new ZoneLayerIndex(kind, layer.Name, ToZones(kind, map, layer));
        }

        return new ZoningIndex(byKind);
    }

    /// <summary>The features of a layer as zones of one kind, in CGCS2000 lon/lat.</summary>
    public static Zone[] ToZones(ZoneKind kind, LayerFieldMap map, VectorLayer layer)
    {
        string? Field(string? name, bool required)
        {
            if (name is null) return null;
            var f = layer.Fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (f is null && required)
                throw new InputException(layer.SourcePath, $"layer {layer.Name}",
                    $"no field '{name}' for the {kind.Name()} {(name == map.Code ? "code" : "name")} (fields: {MessageList.Cut(layer.Fields, x => x.Name)}); map it in a field mapping file");
            return f?.Name;
        }

        var code = Field(map.Code, true)!;
        var name = Field(map.Name, true)!;
        var type = Field(map.Type, false);
        var unitType = Field(map.UnitType, false);
        var dims = new[] { map.SpatialLayout, map.PollutantDischarge, map.EnvironmentalRisk, map.ResourceEfficiency }.Select(d => Field(d, false)).ToArray();
        var crs = layer.Crs ?? CrsRegistry.Cgcs2000;
        var toLonLat = crs.IsGeographic ? null : new GeometryReprojector(crs, CrsRegistry.Cgcs2000);
        var zones = new Zone[layer.Features.Count];
        Parallel.For(0, zones.Length, i =>
        {
            var f = layer.Features[i];
            string? Text(string? field) => field is null ? null : f.Attributes.GetValueOrDefault(field) is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            var g = toLonLat is null ? f.Geometry : toLonLat.Transform(f.Geometry, Densify_m / crs.LinearUnitMetres);
            if (!g.IsValid) g = GeometryFixer.Fix(g);
            g.SRID = 4490;
            var access = kind == ZoneKind.ControlUnit ? new ControlUnitAccess(Text(dims[0]), Text(dims[1]), Text(dims[2]), Text(dims[3])) : null;
            int? ut = int.TryParse(Text(unitType), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
            zones[i] = new Zone(kind, layer.Name, Text(code) ?? f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(name) ?? "", Text(type), ut, access, g);
        });
        return zones;
    }
}
