using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Zone geometries held as plain x, y arrays and rebuilt as NetTopologySuite polygons each time one is read:
/// an overlay reads each zone once or twice, and a million parcels then cost ~170 B each instead of the ~500 B of an
/// object graph (polygon, ring, sequence, envelopes) per zone for the whole run.</summary>
/// <remarks>Polygons and multipolygons keep their exact x, y (z and m, which no overlay reads, are dropped); anything
/// else (an empty part, lines or points a repair left) is kept as the geometry itself. Safe to read from several
/// threads.</remarks>
public sealed class PackedZoneGeometries : IReadOnlyList<Geometry>
{
    /// <summary>Doubles per storage chunk (8 MB): large enough to be few, small enough not to need one huge block.</summary>
    private const int ChunkLength = 1 << 20;

    private const int EmptyPolygon = 0;
    private const int SinglePolygon = 1;
    private const int ManyPolygons = 2;
    private const int Kept = 3;

    private readonly List<double[]> _chunks = [];
    private readonly int[] _chunk;
    private readonly int[] _offset;
    private readonly int[] _shapeStart;
    private readonly int[] _shapes;
    private readonly Dictionary<int, Geometry> _kept = [];
    private readonly GeometryFactory _factory;

    private PackedZoneGeometries(IReadOnlyList<Geometry> geometries, int srid)
    {
        _factory = new NtsGeometryServices(PackedCoordinateSequenceFactory.DoubleFactory, new PrecisionModel(), srid).CreateGeometryFactory(srid);
        _chunk = new int[geometries.Count];
        _offset = new int[geometries.Count];
        _shapeStart = new int[geometries.Count + 1];
        var shapes = new List<int>(geometries.Count * 4);
        double[]? current = null;
        var used = 0;
        for (var z = 0; z < geometries.Count; z++)
        {
            _shapeStart[z] = shapes.Count;
            var g = geometries[z];
            var kind = KindOf(g);
            shapes.Add(kind);
            if (kind == Kept) _kept[z] = g;
            if (kind is Kept or EmptyPolygon) continue;

            var polygons = g is MultiPolygon m ? m.Geometries.Cast<Polygon>().ToArray() : [(Polygon)g];
            var doubles = 0;
            if (kind == ManyPolygons) shapes.Add(polygons.Length);
            foreach (var p in polygons)
            {
                shapes.Add(p.NumInteriorRings + 1);
                foreach (var ring in RingsOf(p))
                {
                    shapes.Add(ring.Count);
                    doubles += 2 * ring.Count;
                }
            }

            if (current is null || used + doubles > current.Length)
            {
                current = new double[Math.Max(ChunkLength, doubles)];
                _chunks.Add(current);
                used = 0;
            }

            _chunk[z] = _chunks.Count - 1;
            _offset[z] = used;
            foreach (var p in polygons)
            {
                foreach (var ring in RingsOf(p))
                {
                    for (var i = 0; i < ring.Count; i++)
                    {
                        current[used++] = ring.GetX(i);
                        current[used++] = ring.GetY(i);
                    }
                }
            }
        }

        _shapeStart[geometries.Count] = shapes.Count;
        _shapes = [.. shapes];
        if (current is not null && _chunks.Count > 0 && used < current.Length)
        {
            // The last chunk is trimmed to what it holds.
            Array.Resize(ref current, used);
            _chunks[^1] = current;
        }
    }

    /// <summary>The geometries of <paramref name="zones"/>, in order, packed (with the first zone's SRID:
    /// <see cref="ZonePreparation.Prepare"/> gives every zone the target's).</summary>
    public static PackedZoneGeometries Of(IReadOnlyList<PreparedZone> zones) =>
        new(zones.Select(z => z.Geometry).ToArray(), zones.Count == 0 ? 0 : zones[0].Geometry.SRID);

    public int Count => _chunk.Length;

    /// <summary>A new geometry for zone <paramref name="index"/> (the kept one for zones not packed).</summary>
    public Geometry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var s = _shapeStart[index];
            switch (_shapes[s])
            {
                case EmptyPolygon:
                    return _factory.CreatePolygon();
                case Kept:
                    return _kept[index];
            }

            var chunk = _chunks[_chunk[index]];
            var offset = _offset[index];
            if (_shapes[s] == SinglePolygon)
            {
                s++;
                return Unpack(chunk, ref offset, ref s);
            }

            var polygons = new Polygon[_shapes[s + 1]];
            s += 2;
            for (var k = 0; k < polygons.Length; k++) polygons[k] = Unpack(chunk, ref offset, ref s);
            return _factory.CreateMultiPolygon(polygons);
        }
    }

    public IEnumerator<Geometry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private Polygon Unpack(double[] chunk, ref int offset, ref int s)
    {
        var rings = _shapes[s++];
        var shell = Ring(chunk, ref offset, _shapes[s++]);
        var holes = rings == 1 ? [] : new LinearRing[rings - 1];
        for (var h = 0; h < holes.Length; h++) holes[h] = Ring(chunk, ref offset, _shapes[s++]);
        return _factory.CreatePolygon(shell, holes);
    }

    private LinearRing Ring(double[] chunk, ref int offset, int points)
    {
        var coordinates = chunk.AsSpan(offset, 2 * points).ToArray();
        offset += 2 * points;
        return _factory.CreateLinearRing(new PackedDoubleCoordinateSequence(coordinates, 2, 0));
    }

    private static int KindOf(Geometry g) => g switch
    {
        Polygon { IsEmpty: true } => EmptyPolygon,
        Polygon => SinglePolygon,
        MultiPolygon { IsEmpty: false } m when m.Geometries.All(p => !p.IsEmpty) => ManyPolygons,
        _ => Kept,
    };

    private static IEnumerable<CoordinateSequence> RingsOf(Polygon p)
    {
        yield return p.Shell.CoordinateSequence;
        foreach (var hole in p.Holes) yield return hole.CoordinateSequence;
    }
}
