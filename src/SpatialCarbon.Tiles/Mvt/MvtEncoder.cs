using System.Globalization;

namespace SpatialCarbon.Tiles.Mvt;

/// <summary>Encodes one MVT 2.1 layer as a complete Tile message. Tile messages concatenate into a valid tile
/// holding all their layers (layers are a repeated field), which is how several sources share one tile.</summary>
public static class MvtEncoder
{
    public const int Extent = 4096;

    /// <summary>The Tile message with one layer, or null when no feature has geometry.</summary>
    public static byte[]? EncodeLayer(string name, IEnumerable<MvtFeature> features, int extent = Extent)
    {
        var layer = new ProtobufWriter();
        layer.VarintField(15, 2);
        layer.StringField(1, name);
        var keys = new Dictionary<string, uint>(StringComparer.Ordinal);
        var values = new Dictionary<object, uint>();
        var valueOrder = new List<object>();
        var feature = new ProtobufWriter();
        var tags = new List<uint>();
        var commands = new List<uint>();
        var count = 0;
        foreach (var f in features)
        {
            if (f.Geometry.IsEmpty) continue;
            feature.Clear();
            if (f.Id is ulong id) feature.VarintField(1, id);
            tags.Clear();
            foreach (var (key, raw) in f.Attributes)
            {
                if (Normalise(raw) is not { } value) continue;
                if (!keys.TryGetValue(key, out var k)) keys[key] = k = (uint)keys.Count;
                if (!values.TryGetValue(value, out var v))
                {
                    values[value] = v = (uint)valueOrder.Count;
                    valueOrder.Add(value);
                }

                tags.Add(k);
                tags.Add(v);
            }

            if (tags.Count > 0) feature.PackedField(2, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tags));
            feature.VarintField(3, (ulong)f.Geometry.Type);
            commands.Clear();
            WriteCommands(f.Geometry, commands);
            feature.PackedField(4, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(commands));
            layer.BytesField(2, feature.Written);
            count++;
        }

        if (count == 0) return null;
        foreach (var key in keys.OrderBy(kv => kv.Value)) layer.StringField(3, key.Key);
        var value_ = new ProtobufWriter();
        foreach (var v in valueOrder)
        {
            value_.Clear();
            switch (v)
            {
                case string s: value_.StringField(1, s); break;
                case double d: value_.DoubleField(3, d); break;
                case long l when l < 0: value_.VarintField(6, ZigZag64(l)); break;
                case long l: value_.VarintField(5, (ulong)l); break;
                case bool b: value_.VarintField(7, b ? 1UL : 0UL); break;
            }

            layer.BytesField(4, value_.Written);
        }

        layer.VarintField(5, (ulong)extent);
        var tile = new ProtobufWriter();
        tile.BytesField(3, layer.Written);
        return tile.ToArray();
    }

    private static object? Normalise(object? v) => v switch
    {
        null => null,
        string s => s,
        double d => d,
        float f => (double)f,
        long l => l,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        bool b => b,
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private static void WriteCommands(TileGeometry g, List<uint> c)
    {
        long cx = 0, cy = 0;
        if (g.Type == MvtGeometryType.Point)
        {
            var pts = g.Parts[0];
            c.Add(Command(1, pts.Length));
            foreach (var p in pts) Delta(c, p, ref cx, ref cy);
            return;
        }

        foreach (var part in g.Parts)
        {
            c.Add(Command(1, 1));
            Delta(c, part[0], ref cx, ref cy);
            c.Add(Command(2, part.Length - 1));
            for (var i = 1; i < part.Length; i++) Delta(c, part[i], ref cx, ref cy);
            if (g.Type == MvtGeometryType.Polygon) c.Add(Command(7, 1));
        }
    }

    private static void Delta(List<uint> c, TilePoint p, ref long cx, ref long cy)
    {
        c.Add(ZigZag32(p.X - cx));
        c.Add(ZigZag32(p.Y - cy));
        cx = p.X;
        cy = p.Y;
    }

    private static uint Command(int id, int count) => (uint)((id & 7) | (count << 3));

    private static uint ZigZag32(long n) => (uint)(((int)n << 1) ^ ((int)n >> 31));

    private static ulong ZigZag64(long n) => (ulong)((n << 1) ^ (n >> 63));
}
