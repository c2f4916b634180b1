using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.IO;
using SpatialCarbon.Tests.Support;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Tests.Server;

/// <summary>Vector tiles read back by GDAL's MVT driver (ogrinfo on z/x/y.pbf, coordinates in EPSG:3857) and
/// compared with what GDAL reads from the workspace's zones.gpkg.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class MvtGdalTests(ServerFixture fixture)
{
    private sealed record OgrFeature(long Fid, Dictionary<string, string> Fields, string? Wkt);

    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task ControlUnitTileHasTheFeaturesAttributesAndBufferGdalFinds()
    {
        var tile = WebMercator.TileAt(119.45, 32.4, 10);
        var b = WebMercator.TileBounds(tile);
        var unit = b.Width / 4096;
        var decoded = await Decode(tile, "control_unit,red_line");
        var units = decoded["control_unit"];
        Assert.NotEmpty(units);

        // Clipping: every vertex lies within the tile plus its 64-unit buffer, and the buffer is used.
        var reader = new WKTReader();
        var coords = units.SelectMany(f => reader.Read(f.Wkt!).Coordinates).ToArray();
        var pad = 64 * unit + 1e-6;
        Assert.All(coords, c => Assert.True(c.X >= b.MinX - pad && c.X <= b.MaxX + pad && c.Y >= b.MinY - pad && c.Y <= b.MaxY + pad));
        Assert.Contains(coords, c => c.X < b.MinX || c.X > b.MaxX || c.Y < b.MinY || c.Y > b.MaxY);

        // Features: those GDAL finds meeting the buffered tile (a grid step of slack for snapping).
        var ids = units.Select(f => long.Parse(f.Fields["mvt_id"], CultureInfo.InvariantCulture)).ToHashSet();
        var inner = Source("control_unit", b.MinX - 63 * unit, b.MinY - 63 * unit, b.MaxX + 63 * unit, b.MaxY + 63 * unit);
        var outer = Source("control_unit", b.MinX - 65 * unit, b.MinY - 65 * unit, b.MaxX + 65 * unit, b.MaxY + 65 * unit);
        Assert.Subset(outer.Keys.ToHashSet(), ids);
        Assert.Superset(inner.Keys.ToHashSet(), ids);

        // Attributes: all of them at zoom 10, equal to the source's.
        foreach (var f in units)
        {
            var src = outer[long.Parse(f.Fields["mvt_id"], CultureInfo.InvariantCulture)];
            foreach (var name in new[] { "HJZHGKDYBM", "HJZHGKDYMC", "ZHGKDYFL", "city", "county" })
                Assert.Equal(src.Fields[name], f.Fields[name]);
        }
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task LowZoomTilesOfTheLargeLayerCarryItsFirstThreeFields()
    {
        var tile = WebMercator.TileAt(119.45, 32.4, 8);
        var units = (await Decode(tile, "control_unit"))["control_unit"];
        Assert.NotEmpty(units);
        Assert.All(units, f => Assert.Equal(new[] { "HJZHGKDYBM", "HJZHGKDYMC", "ZHGKDYFL", "mvt_id" }.Order(), f.Fields.Keys.Order()));
    }

    private async Task<Dictionary<string, List<OgrFeature>>> Decode(TileCoord tile, string ids)
    {
        var bytes = await fixture.Client.GetByteArrayAsync($"/tiles/{ids}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        var dir = Path.Combine(TestEnvironment.TempDir("mvt"), $"{tile.Z}", $"{tile.X}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{tile.Y}.pbf");
        await File.WriteAllBytesAsync(path, bytes);
        // CLIP=NO: GDAL's MVT reader otherwise clips to the tile itself and hides what lies in the buffer.
        var text = NativeTools.Run("ogrinfo", "-al", "-q", "-oo", "CLIP=NO", path);
        var layers = new Dictionary<string, List<OgrFeature>> { ["control_unit"] = [], ["red_line"] = [] };
        foreach (var f in Parse(text)) layers[f.Layer].Add(f.Feature);
        return layers;
    }

    private Dictionary<long, OgrFeature> Source(string layer, double x0, double y0, double x1, double y1)
    {
        // A Mercator rectangle is a lon/lat rectangle (the projection is separable); the zones are in lon/lat
        // (EPSG:4490), and GDAL 3.6's ogrinfo has no -spat_srs.
        var ci = CultureInfo.InvariantCulture;
        var (w, s) = WebMercator.ToLonLat(x0, y0);
        var (e, n) = WebMercator.ToLonLat(x1, y1);
        var text = NativeTools.Run("ogrinfo", "-q", "-geom=NO", Path.Combine(fixture.Demo.Folder, "zones.gpkg"), layer,
            "-spat", w.ToString("R", ci), s.ToString("R", ci), e.ToString("R", ci), n.ToString("R", ci));
        return Parse(text).ToDictionary(f => f.Feature.Fid, f => f.Feature);
    }

    private static IEnumerable<(string Layer, OgrFeature Feature)> Parse(string text)
    {
        foreach (Match m in FeatureBlock().Matches(text))
        {
            var fields = FieldLine().Matches(m.Groups[3].Value).ToDictionary(f => f.Groups[1].Value, f => f.Groups[2].Value.TrimEnd('\r'));
            var wkt = m.Groups[3].Value.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("MULTIPOLYGON", StringComparison.Ordinal) || l.StartsWith("POLYGON", StringComparison.Ordinal));
            yield return (m.Groups[1].Value, new OgrFeature(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), fields, wkt));
        }
    }

    [GeneratedRegex(@"OGRFeature\((\w+)\):(\d+)\n((?:  .*\n?)*)")]
    private static partial Regex FeatureBlock();

    [GeneratedRegex(@"^  (\w+) \([\w()]+\) = (.*)$", RegexOptions.Multiline)]
    private static partial Regex FieldLine();
}
