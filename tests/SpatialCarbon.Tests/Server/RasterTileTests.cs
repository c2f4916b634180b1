using System.Globalization;
using SkiaSharp;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Tests.Server;

/// <summary>PNG tiles decoded (SkiaSharp) and checked pixel by pixel against the class GDAL reads at the pixel's
/// centre (gdallocationinfo -wgs84), where the land use is uniform around it.</summary>
[Collection(ServerCollection.Name)]
public sealed class RasterTileTests(ServerFixture fixture)
{
    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task LandUsePixelsHaveTheClassColourGdalReadsThere()
    {
        var raster = fixture.Demo.LandUse(2020);
        var checkedPixels = 0;
        var transparent = 0;
        foreach (var tile in new[] { WebMercator.TileAt(119.45, 32.4, 11), WebMercator.TileAt(120.3, 31.3, 11), WebMercator.TileAt(121.9, 32.2, 9) })
        {
            var r = await fixture.Client.GetAsync($"/tiles/landuse_2020/{tile.Z}/{tile.X}/{tile.Y}.png");
            Assert.Equal("image/png", r.Content.Headers.ContentType?.MediaType);
            using var bitmap = SKBitmap.Decode(await r.Content.ReadAsByteArrayAsync());
            Assert.Equal(256, bitmap.Width);
            var b = WebMercator.TileBounds(tile);
            for (var py = 20; py < 256; py += 48)
            {
                for (var px = 20; px < 256; px += 48)
                {
                    var (lon, lat) = WebMercator.ToLonLat(b.MinX + (px + 0.5) * b.Width / 256, b.MaxY - (py + 0.5) * b.Height / 256);
                    // The pixel's own class and its neighbours ~1.5 cells (900 m) away must agree: a uniform patch.
                    var d = 900.0 / 111_000;
                    var classes = new[] { (0.0, 0.0), (d, 0), (-d, 0), (0, d), (0, -d) }
                        .Select(o => ClassAt(raster, lon + o.Item1 / Math.Cos(lat * Math.PI / 180), lat + o.Item2)).Distinct().ToArray();
                    if (classes.Length != 1) continue;
                    var pixel = bitmap.GetPixel(px, py);
                    if (classes[0] is not int code)
                    {
                        Assert.Equal(0, pixel.Alpha);
                        transparent++;
                        continue;
                    }

                    var c = ClcdScheme.Find(code)!;
                    Assert.Equal(new SKColor(c.Red, c.Green, c.Blue, 255), pixel);
                    checkedPixels++;
                }
            }
        }

        Assert.True(checkedPixels >= 10, $"only {checkedPixels} uniform pixels checked");
        Assert.True(transparent >= 1, "no nodata pixel checked");
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public async Task PointQueryGivesTheClassGdalReadsAndTheDistrictOgrFinds()
    {
        const double lon = 119.45, lat = 32.4;
        using var doc = System.Text.Json.JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/point?lon={lon}&lat={lat}"));
        var root = doc.RootElement;
        foreach (var year in new[] { 2000, 2010, 2020 })
        {
            var lu = root.GetProperty("landuse").EnumerateArray().Single(e => e.GetProperty("year").GetInt32() == year);
            Assert.Equal(ClassAt(fixture.Demo.LandUse(year), lon, lat), lu.GetProperty("code").GetInt32());
        }

        var ci = CultureInfo.InvariantCulture;
        var ogr = NativeTools.Run("ogrinfo", "-q", "-geom=NO", Path.Combine(fixture.Demo.Folder, "zones.gpkg"), "admin",
            "-spat", lon.ToString(ci), lat.ToString(ci), lon.ToString(ci), lat.ToString(ci));
        var district = ogr.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("district (String) = ", StringComparison.Ordinal))["district (String) = ".Length..];
        var admin = root.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("layer").GetString() == "admin");
        Assert.Equal(district, admin.GetProperty("attributes").GetProperty("district").GetString());
    }

    [Fact]
    public async Task CarbonChangeTilesAreDrawnAndTransparentWhereNothingChanged()
    {
        var tile = WebMercator.TileAt(119.45, 32.4, 8);
        var r = await fixture.Client.GetAsync($"/tiles/carbon_change_2000_2020/{tile.Z}/{tile.X}/{tile.Y}.png");
        using var bitmap = SKBitmap.Decode(await r.Content.ReadAsByteArrayAsync());
        var alphas = bitmap.Pixels.Select(p => p.Alpha).ToArray();
        Assert.Contains((byte)0, alphas);
        Assert.Contains((byte)255, alphas);
    }

    /// <summary>The class GDAL reads at a lon/lat (null for nodata 0 or outside the raster).</summary>
    internal static int? ClassAt(string raster, double lon, double lat)
    {
        var ci = CultureInfo.InvariantCulture;
        string text;
        try
        {
            text = NativeTools.Run("gdallocationinfo", "-valonly", "-wgs84", raster, lon.ToString("R", ci), lat.ToString("R", ci)).Trim();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return text.Length == 0 || text == "0" ? null : int.Parse(text, ci);
    }
}
