using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Zoning;

/// <summary>The zones of one layer with an STR-tree of their lon/lat envelopes, built once. Prepared geometries (for
/// fast intersection tests) and each zone's shape in a Gauss-Kruger zone (for distances in true metres) are made on
/// first use and kept, so repeated screens reuse them. Safe for concurrent screens.</summary>
public sealed class ZoneLayerIndex
{
    /// <summary>Longest edge left before projecting to Gauss-Kruger, in degrees (about 100 m).</summary>
    private const double Densify_deg = 0.001;

    private readonly STRtree<int> _tree = new();
    private readonly IPreparedGeometry?[] _prepared;
    private readonly ConcurrentDictionary<(int Zone, int Epsg), ProjectedZone> _projected = new();

    public ZoneLayerIndex(ZoneKind kind, string layer, IReadOnlyList<Zone> zones)
    {
        Kind = kind;
        Layer = layer;
        Zones = zones;
        _prepared = new IPreparedGeometry?[zones.Count];
        for (var i = 0; i < zones.Count; i++)
            if (!zones[i].LonLat.IsEmpty) _tree.Insert(zones[i].LonLat.EnvelopeInternal, i);
        _tree.Build();
    }

    public ZoneKind Kind { get; }

    /// <summary>The source layer's name.</summary>
    public string Layer { get; }

    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>Indexes of the zones whose envelope meets <paramref name="lonLat"/>.</summary>
    public IList<int> Query(Envelope lonLat) => Zones.Count == 0 ? [] : _tree.Query(lonLat);

    /// <summary>The zone prepared for repeated predicates.</summary>
    public IPreparedGeometry Prepared(int zone) =>
        _prepared[zone] ??= PreparedGeometryFactory.Prepare(Zones[zone].LonLat);

    /// <summary>The zone in the CGCS2000 3-degree Gauss-Kruger CRS <paramref name="gkEpsg"/> (edges densified first),
    /// with a facet index for distances.</summary>
    public ProjectedZone InGaussKruger(int zone, int gkEpsg) => _projected.GetOrAdd((zone, gkEpsg), key =>
    {
        var g = new GeometryReprojector(CrsRegistry.Cgcs2000, CrsRegistry.FromEpsg(key.Epsg)).Transform(Zones[key.Zone].LonLat, Densify_deg);
        return new ProjectedZone(g, new IndexedFacetDistance(g), PreparedGeometryFactory.Prepare(g));
    });
}

/// <summary>A zone projected to a Gauss-Kruger zone, with its facet index for distances in metres and its prepared form
/// for the clearance search's many intersection tests.</summary>
public sealed record ProjectedZone(Geometry Geometry, IndexedFacetDistance Facets, IPreparedGeometry Prepared);
