using System.Globalization;
using System.Text;
using System.Text.Json;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Server;

/// <summary><c>POST /api/carbon</c> on a rectangle laid exactly on raster cells: class areas must be GDAL's cell
/// counts × the cell area, and stocks those areas × the pool table's densities.</summary>
[Collection(ServerCollection.Name)]
public sealed class CarbonApiTests(ServerFixture fixture)
{
    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task CellAlignedRectangleGetsGdalsClassAreasAndTheirStocks()
    {
        var ci = CultureInfo.InvariantCulture;
        var info = JsonDocument.Parse(NativeTools.Run("gdalinfo", "-json", fixture.Demo.LandUse(2000))).RootElement;
        var gt = info.GetProperty("geoTransform").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var size = info.GetProperty("size").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        int c0 = size[0] / 2, r0 = size[1] / 2, w = 12, h = 9;
        double x0 = gt[0] + c0 * gt[1], y0 = gt[3] + r0 * gt[5], x1 = x0 + w * gt[1], y1 = y0 + h * gt[5];
        string P(double x, double y) => string.Create(ci, $"[{x},{y}]");
        var ring = string.Join(",", P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0));
        var geojson = "{\"type\":\"Feature\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}},"
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
        var r = await fixture.Client.PostAsync("/api/carbon?area_method=planar", new StringContent(geojson, Encoding.UTF8, "application/geo+json"));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, text);
        var report = JsonDocument.Parse(text).RootElement;

        var density = File.ReadAllLines(fixture.Demo.PoolTable).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => int.Parse(f[0], ci), f => f.Skip(1).Take(8).Select(v => double.TryParse(v, ci, out var d) ? d : double.NaN).ToArray());
        var header = File.ReadLines(fixture.Demo.PoolTable).First().Split(',');
        var pools = new[] { "c_above", "c_below", "c_soil", "c_dead" }.Select(p => Array.IndexOf(header, p) - 1).ToArray();
        double Density(int code) => pools.Sum(i => density[code][i]);
        var cell_ha = gt[1] * -gt[5] / 1e4;
        foreach (var year in new[] { 2000, 2020 })
        {
            var xyz = NativeTools.Run("gdal_translate", "-q", "-of", "XYZ", "-srcwin", $"{c0}", $"{r0}", $"{w}", $"{h}", fixture.Demo.LandUse(year), "/vsistdout/");
            var counts = xyz.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l.Split(' ')[2], ci))
                .Where(v => v != 0).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
            var areas = report.GetProperty("class_areas").EnumerateArray().Where(a => a.GetProperty("year").GetInt32() == year)
                .ToDictionary(a => a.GetProperty("code").GetInt32(), a => a.GetProperty("area_ha").GetDouble());
            Assert.Equal(counts.Keys.Order(), areas.Keys.Order());
            foreach (var (code, n) in counts) Assert.Equal(n * cell_ha, areas[code], 6);
            var stock = report.GetProperty("stocks").EnumerateArray().Single(s => s.GetProperty("year").GetInt32() == year).GetProperty("stock_mg_c").GetDouble();
            Assert.Equal(counts.Sum(kv => kv.Value * cell_ha * Density(kv.Key)), stock, 6);
        }

        var change = report.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("to").GetInt32() == 2020);
        var s = report.GetProperty("stocks").EnumerateArray().ToDictionary(x => x.GetProperty("year").GetInt32(), x => x.GetProperty("stock_mg_c").GetDouble());
        Assert.Equal(s[2020] - s[2000], change.GetProperty("change_mg_c").GetDouble(), 6);
        Assert.Equal(w * h * cell_ha, report.GetProperty("transitions").EnumerateArray().Sum(t => t.GetProperty("area_ha").GetDouble()), 6);
    }
}
