using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;

namespace SpatialCarbon.Core.Crs;

/// <summary>The coordinate systems SpatialCarbon knows by code, with their WKT kept as embedded data
/// (Crs/Definitions), plus any system given as WKT.</summary>
public static partial class CrsRegistry
{
    /// <summary>Registry key of the CLCD Albers equal-area grid (no EPSG code).</summary>
    public const string ClcdAlbers = "CLCD_ALBERS";

    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly ConcurrentDictionary<string, SpatialReference> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static SpatialReference Wgs84 => FromEpsg(4326);

    public static SpatialReference Cgcs2000 => FromEpsg(4490);

    public static SpatialReference WebMercator => FromEpsg(3857);

    /// <summary>Every EPSG code with a definition in the registry.</summary>
    public static IReadOnlyList<int> KnownEpsgCodes { get; } = typeof(CrsRegistry).Assembly
        .GetManifestResourceNames()
        .Select(n => EpsgResource().Match(n))
        .Where(m => m.Success)
        .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
        .Order()
        .ToArray();

    /// <summary>The system for an EPSG code in the registry.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the registry.</exception>
    public static SpatialReference FromEpsg(int epsg) =>
        TryFromEpsg(epsg) ?? throw new KeyNotFoundException(
            $"EPSG:{epsg} is not in the CRS registry; give the CRS as WKT instead");

    public static SpatialReference? TryFromEpsg(int epsg) =>
        Cache.TryGetValue($"EPSG:{epsg}", out var cached) ? cached : Load($"EPSG_{epsg}", epsg);

    /// <summary>Resolves "EPSG:4549", "4549", "CLCD_ALBERS" or a WKT string.</summary>
    public static SpatialReference Parse(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase)) t = t[5..];
        if (int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
            return FromEpsg(code);
        if (t.Equals(ClcdAlbers, StringComparison.OrdinalIgnoreCase))
            return Cache.TryGetValue(ClcdAlbers, out var a) ? a : Load(ClcdAlbers, null)!;
        return FromWkt(t);
    }

    /// <summary>Parses WKT1; when it carries an EPSG authority code, or has the same parameters as a registry system
    /// (ESRI .prj files have no codes), the registry's definition is used.</summary>
    public static SpatialReference FromWkt(string wkt)
    {
        CoordinateSystem cs;
        if (UnbalancedWkt(wkt) is { } problem) throw new FormatException($"cannot parse the CRS WKT ({problem})");
        try
        {
            cs = Factory.CreateFromWkt(wkt);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            throw new FormatException($"cannot parse the CRS WKT ({e.Message})", e);
        }

        if (string.Equals(cs.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && cs.AuthorityCode > 0
            && TryFromEpsg((int)cs.AuthorityCode) is { } known)
            return known;
        if (CrsIdentifier.TryIdentify(cs) is int matched) return FromEpsg(matched);
        return new SpatialReference(null, cs.Name, wkt, cs);
    }

    /// <summary>ProjNET's parser loops forever on WKT cut short (a truncated .prj), so brackets and quotes are checked
    /// first: null when they balance, else what is wrong.</summary>
    private static string? UnbalancedWkt(string wkt)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in wkt)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '[' or '(') depth++;
            else if (c is ']' or ')' && --depth < 0) return "a closing bracket without its opening one";
        }

        if (quoted) return "a quoted name is not closed";
        return depth > 0 ? "the text ends before its brackets close" : null;
    }

    private static SpatialReference? Load(string resource, int? epsg)
    {
        using var stream = typeof(CrsRegistry).Assembly.GetManifestResourceStream($"SpatialCarbon.Crs.{resource}.wkt");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        var wkt = reader.ReadToEnd().Trim();
        var cs = epsg == 3857 ? ProjectedCoordinateSystem.WebMercator : Factory.CreateFromWkt(wkt);
        var sr = new SpatialReference(epsg, cs.Name, wkt, cs);
        return Cache.GetOrAdd(epsg is int e ? $"EPSG:{e}" : resource, sr);
    }

    [GeneratedRegex(@"^SpatialCarbon\.Crs\.EPSG_(\d+)\.wkt$")]
    private static partial Regex EpsgResource();
}
