using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Gdal;

/// <summary>Builds small GDAL fixtures in a temp folder and reads GDAL's own answers about them (gdalinfo -json,
/// an AAIGrid dump, ogrinfo SQL) as the independent side of the bridge tests.</summary>
internal static partial class GdalCrossCheck
{
    /// <summary>A pattern grid as an Arc/Info ASCII grid: smooth enough for JPEG, with negatives, fractions and a
    /// nodata cell every 11th value when <paramref name="withNoData"/>.</summary>
    public static string WriteAsciiGrid(string dir, string name, int width, int height, double left, double bottom,
        double cellSize, bool withNoData)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ncols {width}\nnrows {height}\nxllcorner {left}\nyllcorner {bottom}\ncellsize {cellSize}\n");
        if (withNoData) sb.Append("NODATA_value -9999\n");
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (c > 0) sb.Append(' ');
                if (withNoData && (r * width + c) % 11 == 0) sb.Append("-9999");
                else sb.Append((60 + 50 * Math.Sin(r / 9.0) + 40 * Math.Cos(c / 13.0) + (r * c % 7) * 0.25).ToString("F2", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        var path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>All values of band 1 as GDAL decodes them, through <c>gdal_translate -of AAIGrid</c>, row-major.</summary>
    public static (int Width, int Height, double[] Values) DumpBand(string path, string dir)
    {
        var asc = Path.Combine(dir, Path.GetFileName(path) + ".dump.asc");
        NativeTools.Run("gdal_translate", "-q", "-of", "AAIGrid", "-co", "SIGNIFICANT_DIGITS=17", path, asc);
        var tokens = File.ReadAllText(asc).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i + 1 < tokens.Length && char.IsLetter(tokens[i][0]))
        {
            header[tokens[i]] = tokens[i + 1];
            i += 2;
        }

        var width = int.Parse(header["ncols"], CultureInfo.InvariantCulture);
        var height = int.Parse(header["nrows"], CultureInfo.InvariantCulture);
        var values = tokens.Skip(i).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(width * height, values.Length);
        return (width, height, values);
    }

    /// <summary><c>gdalinfo -json</c> of a raster.</summary>
    public static JsonElement Info(string path) =>
        JsonDocument.Parse(NativeTools.Run("gdalinfo", "-json", path)).RootElement.Clone();

    /// <summary>One real column of an ogrinfo SQL query, in row order (NaN for null).</summary>
    public static double[] OgrReals(string path, string sql, string column, string dialect = "OGRSQL")
    {
        var output = NativeTools.Run("ogrinfo", "-ro", "-q", "-dialect", dialect, "-sql", sql, path);
        var pattern = new Regex($@"^\s+{Regex.Escape(column)} \(Real\) = (.+)$", RegexOptions.Multiline);
        return pattern.Matches(output)
            .Select(m => m.Groups[1].Value.Trim() is var v && v == "(null)" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture))
            .ToArray();
    }

    /// <summary>A GeoJSON in CRS84 with Chinese names: a polygon with a hole, a bow-tie (invalid), a point, and a
    /// feature without geometry.</summary>
    public static string WriteZonesGeoJson(string dir)
    {
        var path = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(path, ZonesGeoJson, Encoding.UTF8);
        return path;
    }

    public const string ZonesGeoJson = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
        {"type":"Feature","properties":{"名称":"南京新济洲","code":1,"area_ha":12.5,"surveyed":"2023-05-17"},"geometry":{"type":"Polygon","coordinates":[[[118.0,32.0],[118.4,32.0],[118.4,32.3],[118.0,32.3],[118.0,32.0]],[[118.1,32.1],[118.2,32.1],[118.2,32.2],[118.1,32.2],[118.1,32.1]]]}},
        {"type":"Feature","properties":{"名称":"蝴蝶结","code":2,"area_ha":3.25,"surveyed":"2024-01-02"},"geometry":{"type":"Polygon","coordinates":[[[119.0,31.0],[119.2,31.2],[119.2,31.0],[119.0,31.2],[119.0,31.0]]]}},
        {"type":"Feature","properties":{"名称":"溱湖点","code":3,"area_ha":null,"surveyed":null},"geometry":{"type":"Point","coordinates":[120.1,32.5]}},
        {"type":"Feature","properties":{"名称":"无几何","code":4,"area_ha":1.0,"surveyed":"2022-12-31"},"geometry":null}
        ]}
        """;
}
