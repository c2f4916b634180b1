using SkiaSharp;
using SpatialCarbon.Cli;
using SpatialCarbon.Cli.Rendering;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Demo;

[Collection(DemoCollection.Name)]
public sealed class RenderCommandTests(DemoWorkspaceFixture fixture)
{
    [Fact]
    public void RendersAPngOfTheRightSizeWithTaihuInWaterColour()
    {
        var png = Path.Combine(TestEnvironment.TempDir("render"), "lu.png");
        var root = CommandCatalog.CreateRoot();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliRunner.Run(root, ["render", fixture.Workspace.LandUse(2020), "--out", png, "--max-size", "700"], stdout, stderr);
        Assert.Equal(CliRunner.Ok, code);

        using var bitmap = SKBitmap.Decode(png);
        using var reader = GeoTiffReader.Open(fixture.Workspace.LandUse(2020));
        var grid = reader.Grid;
        var scale = (700.0 - QuickLookRenderer.LegendWidth) / Math.Max(grid.Width, grid.Height);
        var mapWidth = (int)Math.Round(grid.Width * scale);
        Assert.Equal(mapWidth + QuickLookRenderer.LegendWidth, bitmap.Width);
        Assert.Equal((int)Math.Round(grid.Height * scale), bitmap.Height);

        // The middle of Taihu (120.2 E, 31.2 N) is drawn in the CLCD water colour, the sea off Rudong in white.
        var toGrid = new GeometryReprojector(CrsRegistry.Cgcs2000, CrsRegistry.FromEpsg(4549));
        SKColor At(double lon, double lat)
        {
            var (x, y) = toGrid.Transform(lon, lat);
            var (col, row) = grid.Transform.WorldToPixel(x, y);
            return bitmap.GetPixel((int)(col * scale), (int)(row * scale));
        }

        var water = ClcdScheme.Find(ClcdScheme.Water)!;
        Assert.Equal(new SKColor(water.Red, water.Green, water.Blue), At(120.2, 31.2));
        Assert.Equal(SKColors.White, At(121.85, 32.6));
    }

    [Fact]
    public void MissingRasterIsBadInput()
    {
        var root = CommandCatalog.CreateRoot();
        var stderr = new StringWriter();
        var code = CliRunner.Run(root, ["render", "/nonexistent/x.tif", "--out", "/tmp/x.png"], new StringWriter(), stderr);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("/nonexistent/x.tif", stderr.ToString(), StringComparison.Ordinal);
    }
}
