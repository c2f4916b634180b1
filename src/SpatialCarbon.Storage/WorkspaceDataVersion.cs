using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Storage;

/// <summary>The version of a workspace's zoning data, the same whichever home holds it: the layer names, the date of
/// the newest layer change (kept through a copy), and a hash of the content rather than of a file's bytes, so that a
/// GeoPackage and its PostGIS copy stamp identical results.</summary>
public static class WorkspaceDataVersion
{
    /// <summary>The version of <paramref name="layers"/> (every zone layer of <paramref name="store"/>, as read).</summary>
    public static DataVersion Of(IWorkspaceStore store, IReadOnlyDictionary<string, VectorLayer> layers)
    {
        var names = layers.Keys.Order(StringComparer.Ordinal).ToArray();
        var changed = names.Length == 0 ? DateTime.UnixEpoch : names.Max(n => store.DescribeLayer(n).Changed_utc);
        return new DataVersion(string.Join("+", names), changed.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ContentHash(names.Select(n => layers[n])));
    }

    /// <summary>The first 16 hex digits of the SHA-256 over each layer's name, fields and features (id, normalised
    /// geometry as WKB, attribute values as invariant text; date-times as UTC instants).</summary>
    public static string ContentHash(IEnumerable<VectorLayer> layers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var wkb = new WKBWriter(ByteOrder.LittleEndian, false, false, false);
        void Text(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        foreach (var layer in layers)
        {
            Text(layer.Name);
            foreach (var field in layer.Fields) Text($"{field.Name}:{field.Type}");
            foreach (var feature in layer.Features.OrderBy(f => f.Id))
            {
                hash.AppendData(BitConverter.GetBytes(feature.Id));
                hash.AppendData(wkb.Write(Normalised(feature.Geometry)));
                foreach (var field in layer.Fields) Text(Canonical(feature.Attributes.GetValueOrDefault(field.Name)));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    // A GeoPackage layer declares one geometry type, so a one-part MultiPolygon may come back as a Polygon; ring order
    // and start are normalised likewise.
    private static Geometry Normalised(Geometry g)
    {
        var copy = (g is MultiPolygon { NumGeometries: 1 } m ? m.GetGeometryN(0) : g).Copy();
        copy.Normalize();
        return copy;
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u0000",
        DateTime d => (d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => ((double)x).ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
