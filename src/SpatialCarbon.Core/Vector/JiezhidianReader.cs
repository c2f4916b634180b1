using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Vector;

/// <summary>Reads the 界址点 coordinate TXT that land approvals exchange: a [属性描述] block (坐标系, 带号, ...) and a
/// [地块坐标] block of parcels, each a header line then point lines "number,ring,X(northing),Y(easting)". Eastings
/// with a zone prefix give EPSG:4513..4533, without one the 带号 gives EPSG:4534..4554. GBK or UTF-8.</summary>
public sealed class JiezhidianReader : IVectorSource
{
    private const string AttributeSection = "[属性描述]";
    private const string CoordinateSection = "[地块坐标]";

    /// <summary>Relative difference between declared and computed area above which a warning is recorded.</summary>
    public const double AreaTolerance = 0.001;

    static JiezhidianReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        new("point_count", FieldType.Integer),
        new("area_ha", FieldType.Real),
        new("parcel_id", FieldType.String),
        new("name", FieldType.String),
        new("kind", FieldType.String),
        new("sheet", FieldType.String),
        new("land_use", FieldType.String),
        new("land_class", FieldType.String),
    ];

    public bool CanRead(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            // Only the head of the file is sniffed, cut at its last line break so no character is split.
            var head = new byte[64 * 1024];
            int read;
            using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var end = read == head.Length ? Array.LastIndexOf(head, (byte)'\n', read - 1) + 1 : read;
            return Decode(head.AsSpan(0, end).ToArray()).Split('\n').Any(l => l.Trim() is AttributeSection or CoordinateSection);
        }
        catch (IOException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> ListLayers(string path) => [Path.GetFileNameWithoutExtension(path)];

    public VectorLayer Read(string path, string? layer = null) => ReadSource(path, layer).Repaired();

    public SourceLayer ReadSource(string path, string? layer = null)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (layer is not null && layer != name)
            throw new InputException(path, null, $"layer '{layer}' not found (a 界址点 file has one layer, '{name}')");

        var lines = ReadLines(path);
        var header = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var parcels = new List<Parcel>();
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                section = text;
                continue;
            }

            if (section == AttributeSection)
            {
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0) header[text[..eq].Trim()] = (text[(eq + 1)..].Trim(), lineNo);
            }
            else if (section == CoordinateSection)
            {
                var parts = text.Split(',').Select(p => p.Trim()).ToArray();
                if (parts[^1] == "@")
                {
                    parcels.Add(new Parcel(lineNo, JoinNameCommas(parts)));
                }
                else
                {
                    if (parcels.Count == 0) throw new InputException(path, $"line {lineNo}", "a point line comes before any parcel header");
                    parcels[^1].Points.Add(ParsePoint(path, lineNo, parts));
                }
            }
        }

        if (parcels.Count == 0) throw new InputException(path, null, $"no parcel in the {CoordinateSection} section");
        CheckCoordinateSystem(path, header);
        var crs = ResolveCrs(path, header, parcels);
        var factory = new GeometryFactory(new PrecisionModel(), crs.Epsg ?? 0);
        var details = new List<string>();
        var source = new List<SourceFeature>();
        long id = 1;
        foreach (var parcel in parcels)
        {
            var (geometry, note) = BuildGeometry(path, parcel, factory);
            var attributes = Attributes(path, parcel);
            if (attributes["point_count"] is long declaredCount && declaredCount != parcel.Points.Count)
                details.Add($"parcel {Label(parcel)} (line {parcel.Line}): header says {declaredCount} points, {parcel.Points.Count} found");
            if (attributes["area_ha"] is double declared && geometry is Polygon or MultiPolygon)
            {
                var computed = geometry.Area / 10_000.0;
                if (declared > 0 && Math.Abs(computed - declared) / declared > AreaTolerance)
                    details.Add(string.Create(CultureInfo.InvariantCulture,
                        $"parcel {Label(parcel)} (line {parcel.Line}): declared area {declared:F4} ha, computed {computed:F4} ha ({(computed - declared) / declared:P2} off)"));
            }

            source.Add(new SourceFeature(id++, geometry, attributes, note));
        }

        return new SourceLayer(path, name, crs, Fields, source, details);
    }

    /// <summary>Fields of a parcel header: point count, area, id, name, kind, map sheet, land use, class code, "@".</summary>
    private const int HeaderFields = 9;

    /// <summary>The name is the one free-text field, and vendors do not quote it: extra commas belong to the name, so
    /// the fields after it are counted from the end.</summary>
    private static string[] JoinNameCommas(string[] parts)
    {
        if (parts.Length <= HeaderFields) return parts;
        var extra = parts.Length - HeaderFields;
        var name = string.Join(",", parts[3..(4 + extra)]);
        return [.. parts[..3], name, .. parts[(4 + extra)..]];
    }

    private sealed record Parcel(int Line, string[] Header)
    {
        public List<PointLine> Points { get; } = [];
    }

    private readonly record struct PointLine(int Line, string Number, int Ring, double Northing, double Easting);

    private static string Label(Parcel p) => p.Header.Length > 2 && p.Header[2].Length > 0 ? p.Header[2] : $"at line {p.Line}";

    /// <summary>The file's lines: UTF-8 when it has a BOM or decodes cleanly, else GBK.</summary>
    private static string[] ReadLines(string path) => Decode(File.ReadAllBytes(path)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static string Decode(byte[] bytes)
    {
        string text;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding("GBK").GetString(bytes);
            }
        }

        return text;
    }

    private static PointLine ParsePoint(string path, int line, string[] parts)
    {
        if (parts.Length < 4)
            throw new InputException(path, $"line {line}", $"a point line needs number,ring,X,Y; found {parts.Length} field(s)");
        if (!int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ring) || ring < 1)
            throw new InputException(path, $"line {line}", $"ring number '{parts[1]}' is not a positive integer");
        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            throw new InputException(path, $"line {line}", $"X (northing) '{parts[2]}' is not a number");
        if (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || !double.IsFinite(y))
            throw new InputException(path, $"line {line}", $"Y (easting) '{parts[3]}' is not a number");
        return new PointLine(line, parts[0], ring, x, y);
    }

    private static void CheckCoordinateSystem(string path, Dictionary<string, (string Value, int Line)> header)
    {
        if (header.TryGetValue("坐标系", out var cs) && cs.Value.Length > 0 && !cs.Value.Contains("2000", StringComparison.Ordinal)
            && !cs.Value.Contains("CGCS", StringComparison.OrdinalIgnoreCase))
            throw new InputException(path, $"line {cs.Line}", $"坐标系 is {cs.Value}; only CGCS2000 (2000国家大地坐标系) is supported, convert the coordinates first");
        if (header.TryGetValue("几度分带", out var width) && width.Value.Length > 0 && width.Value != "3")
            throw new InputException(path, $"line {width.Line}", $"几度分带={width.Value}: only 3-degree Gauss-Kruger zones are supported");
        if (header.TryGetValue("计量单位", out var unit) && unit.Value.Length > 0 && unit.Value is not ("米" or "m" or "metre" or "meter"))
            throw new InputException(path, $"line {unit.Line}", $"计量单位={unit.Value}: coordinates must be in metres (米)");
    }

    private static SpatialReference ResolveCrs(string path, Dictionary<string, (string Value, int Line)> header, List<Parcel> parcels)
    {
        int? declaredZone = null;
        if (header.TryGetValue("带号", out var z) && z.Value.Length > 0)
        {
            if (!int.TryParse(z.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var zone) || zone is < 25 or > 45)
                throw new InputException(path, $"line {z.Line}", $"带号={z.Value} is not a CGCS2000 3-degree zone (25..45)");
            declaredZone = zone;
        }

        int? prefixZone = null;
        bool? prefixed = null;
        foreach (var p in parcels.SelectMany(p => p.Points))
        {
            var hasPrefix = p.Easting >= 1_000_000;
            if (prefixed is bool known && known != hasPrefix)
                throw new InputException(path, $"line {p.Line}", "eastings mix zone-prefixed and unprefixed values");
            prefixed = hasPrefix;
            if (!hasPrefix) continue;
            var zone = (int)Math.Floor(p.Easting / 1_000_000);
            if (zone is < 25 or > 45)
                throw new InputException(path, $"line {p.Line}", $"easting {p.Easting.ToString(CultureInfo.InvariantCulture)} has zone prefix {zone}, not a CGCS2000 3-degree zone (25..45)");
            if (declaredZone is int d && d != zone)
                throw new InputException(path, $"line {p.Line}", $"easting zone prefix {zone} disagrees with 带号={d} (line {z.Line})");
            if (prefixZone is int first && first != zone)
                throw new InputException(path, $"line {p.Line}", $"easting zone prefix {zone} differs from zone {first} earlier in the file");
            prefixZone = zone;
        }

        if (prefixZone is int pz) return CrsRegistry.FromEpsg(GaussKruger.EpsgForZone3Prefixed(pz));
        if (declaredZone is int dz) return CrsRegistry.FromEpsg(GaussKruger.EpsgForZone3(dz));
        throw new InputException(path, null, "the zone is unknown: eastings carry no zone prefix and 带号 is missing");
    }

    private static Dictionary<string, object?> Attributes(string path, Parcel parcel)
    {
        string? Field(int i) => i < parcel.Header.Length - 1 && parcel.Header[i].Length > 0 ? parcel.Header[i] : null;
        long? count = null;
        if (Field(0) is string c)
        {
            if (!long.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                throw new InputException(path, $"line {parcel.Line}", $"point count '{c}' is not an integer");
            count = n;
        }

        double? area = null;
        if (Field(1) is string a)
        {
            if (!double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new InputException(path, $"line {parcel.Line}", $"area '{a}' is not a number of hectares");
            area = v;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["point_count"] = count,
            ["area_ha"] = area,
            ["parcel_id"] = Field(2),
            ["name"] = Field(3),
            ["kind"] = Field(4),
            ["sheet"] = Field(5),
            ["land_use"] = Field(6),
            ["land_class"] = Field(7),
        };
    }

    private static (Geometry Geometry, string? Note) BuildGeometry(string path, Parcel parcel, GeometryFactory factory)
    {
        if (parcel.Points.Count == 0) throw new InputException(path, $"line {parcel.Line}", $"parcel {Label(parcel)} has no points");
        var kind = parcel.Header.Length > 4 ? parcel.Header[4] : "";
        var rings = new List<(int Number, int Line, Coordinate[] Coordinates)>();
        foreach (var group in parcel.Points.GroupBy(p => p.Ring))
        {
            var points = group.ToList();
            rings.Add((group.Key, points[0].Line, points.Select(p => new Coordinate(p.Easting, p.Northing)).ToArray()));
        }

        if (kind == "点")
            return (factory.CreateMultiPointFromCoords(rings.SelectMany(r => r.Coordinates).ToArray()), null);
        if (kind == "线")
        {
            var lines = rings.Select(r => factory.CreateLineString(r.Coordinates)).ToArray();
            return (lines.Length == 1 ? lines[0] : factory.CreateMultiLineString(lines), null);
        }

        var notes = new List<string>();
        var linearRings = new List<(int Number, LinearRing Ring)>();
        foreach (var (number, line, coordinates) in rings)
        {
            var distinct = coordinates.Distinct().Count();
            if (distinct < 3)
                throw new InputException(path, $"line {line}", $"parcel {Label(parcel)} ring {number} has {distinct} distinct point(s); a ring needs at least 3");
            var closed = coordinates;
            if (!coordinates[0].Equals2D(coordinates[^1]))
            {
                closed = [.. coordinates, coordinates[0].Copy()];
                notes.Add($"ring {number} (from line {line}) was not closed: closed it");
            }

            linearRings.Add((number, factory.CreateLinearRing(closed)));
        }

        var outer = linearRings.OrderBy(r => r.Number).First();
        var shellPolygon = factory.CreatePolygon(outer.Ring);
        var holes = new List<LinearRing>();
        var parts = new List<Polygon>();
        foreach (var (number, ring) in linearRings.Where(r => r.Number != outer.Number))
        {
            if (shellPolygon.Covers(factory.CreatePolygon(ring).InteriorPoint)) holes.Add(ring);
            else parts.Add(factory.CreatePolygon(ring));
        }

        var main = factory.CreatePolygon(outer.Ring, holes.ToArray());
        Geometry geometry = parts.Count == 0 ? main : factory.CreateMultiPolygon([main, .. parts]);
        return (geometry, notes.Count == 0 ? null : string.Join("; ", notes));
    }
}
