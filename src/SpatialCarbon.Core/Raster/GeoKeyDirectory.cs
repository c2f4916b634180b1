namespace SpatialCarbon.Core.Raster;

/// <summary>The GeoTIFF GeoKey directory (tags 34735-34737) as a key → value map: a short, doubles or an ASCII
/// string per key. Parses what a file holds and serialises what the writer emits.</summary>
public sealed class GeoKeyDirectory
{
    public const ushort GTModelType = 1024;
    public const ushort GTRasterType = 1025;
    public const ushort GTCitation = 1026;
    public const ushort GeographicType = 2048;
    public const ushort GeogCitation = 2049;
    public const ushort GeogGeodeticDatum = 2050;
    public const ushort GeogPrimeMeridian = 2051;
    public const ushort GeogAngularUnits = 2054;
    public const ushort GeogEllipsoid = 2056;
    public const ushort GeogSemiMajorAxis = 2057;
    public const ushort GeogSemiMinorAxis = 2058;
    public const ushort GeogInvFlattening = 2059;
    public const ushort ProjectedCSType = 3072;
    public const ushort PCSCitation = 3073;
    public const ushort Projection = 3074;
    public const ushort ProjCoordTrans = 3075;
    public const ushort ProjLinearUnits = 3076;
    public const ushort ProjLinearUnitSize = 3077;
    public const ushort ProjStdParallel1 = 3078;
    public const ushort ProjStdParallel2 = 3079;
    public const ushort ProjNatOriginLong = 3080;
    public const ushort ProjNatOriginLat = 3081;
    public const ushort ProjFalseEasting = 3082;
    public const ushort ProjFalseNorthing = 3083;
    public const ushort ProjFalseOriginLong = 3084;
    public const ushort ProjFalseOriginLat = 3085;
    public const ushort ProjFalseOriginEasting = 3086;
    public const ushort ProjFalseOriginNorthing = 3087;
    public const ushort ProjCenterLong = 3088;
    public const ushort ProjCenterLat = 3089;
    public const ushort ProjCenterEasting = 3090;
    public const ushort ProjCenterNorthing = 3091;
    public const ushort ProjScaleAtNatOrigin = 3092;
    public const ushort ProjScaleAtCenter = 3093;

    /// <summary>Code meaning "user-defined" in GeoTIFF.</summary>
    public const ushort UserDefined = 32767;

    private const ushort TagDoubleParams = 34736;
    private const ushort TagAsciiParams = 34737;

    private readonly SortedDictionary<ushort, object> keys = [];

    public IReadOnlyDictionary<ushort, object> Keys => keys;

    public bool Contains(ushort key) => keys.ContainsKey(key);

    public int? GetShort(ushort key) => keys.TryGetValue(key, out var v) && v is ushort s ? s : null;

    public double? GetDouble(ushort key) => keys.TryGetValue(key, out var v) && v is double[] { Length: > 0 } d ? d[0] : null;

    /// <summary>The first of several keys that is present (GeoTIFF writers disagree on which key holds a parameter).</summary>
    public double? GetDouble(params ushort[] candidates)
    {
        foreach (var k in candidates)
            if (GetDouble(k) is double d) return d;
        return null;
    }

    public string? GetAscii(ushort key) => keys.TryGetValue(key, out var v) ? v as string : null;

    public GeoKeyDirectory Set(ushort key, ushort value)
    {
        keys[key] = value;
        return this;
    }

    public GeoKeyDirectory Set(ushort key, double value)
    {
        keys[key] = new[] { value };
        return this;
    }

    public GeoKeyDirectory Set(ushort key, string value)
    {
        keys[key] = value;
        return this;
    }

    /// <summary>Parses the three tags; <paramref name="problem"/> says what is malformed.</summary>
    public static GeoKeyDirectory Parse(ReadOnlySpan<ushort> directory, double[]? doubles, string? ascii, out string? problem)
    {
        problem = null;
        var dir = new GeoKeyDirectory();
        if (directory.Length < 4)
        {
            problem = "GeoKeyDirectory tag shorter than its header";
            return dir;
        }

        int count = directory[3];
        if (directory.Length < 4 + 4 * count)
        {
            problem = $"GeoKeyDirectory declares {count} keys but holds {(directory.Length - 4) / 4}";
            count = (directory.Length - 4) / 4;
        }

        for (var i = 0; i < count; i++)
        {
            var e = directory.Slice(4 + 4 * i, 4);
            ushort key = e[0], location = e[1], n = e[2], offset = e[3];
            switch (location)
            {
                case 0:
                    dir.keys[key] = offset;
                    break;
                case TagDoubleParams when doubles is not null && offset + n <= doubles.Length:
                    dir.keys[key] = doubles.AsSpan(offset, n).ToArray();
                    break;
                case TagAsciiParams when ascii is not null && offset + n <= ascii.Length + 1:
                    dir.keys[key] = ascii.Substring(offset, Math.Min(n, ascii.Length - offset)).TrimEnd('|', '\0');
                    break;
                default:
                    problem = $"GeoKey {key} points outside its parameter tag";
                    break;
            }
        }

        return dir;
    }

    /// <summary>Serialises to the values of tags 34735 (directory), 34736 (doubles) and 34737 (ASCII, '|'-separated).</summary>
    public (ushort[] Directory, double[] Doubles, string Ascii) Serialise()
    {
        var dir = new List<ushort> { 1, 1, 0, (ushort)keys.Count };
        var doubles = new List<double>();
        var ascii = new System.Text.StringBuilder();
        foreach (var (key, value) in keys)
        {
            switch (value)
            {
                case ushort s:
                    dir.AddRange([key, 0, 1, s]);
                    break;
                case double[] d:
                    dir.AddRange([key, TagDoubleParams, (ushort)d.Length, (ushort)doubles.Count]);
                    doubles.AddRange(d);
                    break;
                case string text:
                    dir.AddRange([key, TagAsciiParams, (ushort)(text.Length + 1), (ushort)ascii.Length]);
                    ascii.Append(text).Append('|');
                    break;
            }
        }

        return (dir.ToArray(), doubles.ToArray(), ascii.ToString());
    }
}
