using System.Globalization;
using System.Text.RegularExpressions;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

/// <summary>What GDAL's ogrinfo says about a vector file: the independent side of the vector format tests.</summary>
internal static partial class OgrInfo
{
    /// <summary>Feature count, EPSG code and geometry type of a layer, from `ogrinfo -so`.</summary>
    public static (long Count, int? Epsg, string GeometryType, Dictionary<string, string> FieldTypes) Summary(string path, string layer)
    {
        var text = NativeTools.Run("ogrinfo", "-so", path, layer);
        var count = long.Parse(FeatureCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var ids = EpsgId().Matches(text);
        // The CRS's own ID is the last one at the outermost level: "    ID["EPSG",4549]]" closing the WKT2.
        var top = ids.LastOrDefault(m => m.Value.StartsWith("    ID", StringComparison.Ordinal) && !m.Value.StartsWith("     ", StringComparison.Ordinal));
        int? epsg = top is null ? null : int.Parse(top.Groups[1].Value, CultureInfo.InvariantCulture);
        var geometry = GeometryLine().Match(text).Groups[1].Value.Trim();
        var fields = FieldLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        return (count, epsg, geometry, fields);
    }

    /// <summary>One dictionary of field name to text value per row of an ogrinfo SQL result or layer dump.</summary>
    public static List<Dictionary<string, string>> Rows(params string[] args)
    {
        var text = NativeTools.Run("ogrinfo", ["-q", .. args]);
        return text.Split("OGRFeature(", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(block => ValueLine().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.TrimEnd('\r')))
            .ToList();
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"^ *ID\[""EPSG"",(\d+)\]\]+\s*$", RegexOptions.Multiline)]
    private static partial Regex EpsgId();

    [GeneratedRegex(@"^Geometry: (.+)$", RegexOptions.Multiline)]
    private static partial Regex GeometryLine();

    [GeneratedRegex(@"^(\w+): ([\w()]+) \(", RegexOptions.Multiline)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^  (\w+) \([\w()]+\) = (.*)$", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
