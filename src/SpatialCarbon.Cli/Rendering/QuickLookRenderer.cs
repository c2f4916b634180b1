using SkiaSharp;
using SpatialCarbon.Core;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Demo;

namespace SpatialCarbon.Cli.Rendering;

/// <summary>Draws a quick-look PNG of a categorical raster: the smallest overview at least as large as the picture
/// (or the full raster read block by block with nearest sampling), class colours from a scheme, a title and a legend.
/// Never reads more than one band of blocks of the chosen level at a time.</summary>
public static class QuickLookRenderer
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    internal const int LegendWidth = 230;

    /// <summary>Renders <paramref name="raster"/> to <paramref name="pngPath"/>; returns the image size.</summary>
    public static (int Width, int Height) Render(GeoTiffReader raster, string pngPath, int maxSize, IReadOnlyList<LandCoverClass> scheme, string title)
    {
        var grid = raster.Grid;
        var scale = Math.Min(1.0, (double)(maxSize - LegendWidth) / Math.Max(grid.Width, grid.Height));
        var mapWidth = Math.Max(1, (int)Math.Round(grid.Width * scale));
        var mapHeight = Math.Max(1, (int)Math.Round(grid.Height * scale));

        // The smallest overview that still has at least one cell per output pixel.
        IRasterSource level = raster;
        GeoTiffReader? overview = null;
        for (var i = raster.OverviewCount - 1; i >= 0; i--)
        {
            var candidate = raster.OpenOverview(i);
            if (candidate.Grid.Width >= mapWidth && candidate.Grid.Height >= mapHeight)
            {
                overview = candidate;
                level = candidate;
                break;
            }

            candidate.Dispose();
        }

        try
        {
            var colours = new SKColor[256];
            foreach (var c in scheme) colours[c.Code] = new SKColor(c.Red, c.Green, c.Blue);
            var nodata = raster.NoData;
            using var map = new SKBitmap(mapWidth, mapHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
            var pixels = new uint[mapWidth * mapHeight];
            var white = (uint)SKColors.White;
            Array.Fill(pixels, white);
            var lg = level.Grid;
            var bh = Math.Max(1, level.BlockHeight);
            var buffer = new double[lg.Width * bh];
            for (var row0 = 0; row0 < lg.Height; row0 += bh)
            {
                var rows = Math.Min(bh, lg.Height - row0);
                var needed = false;
                for (var y = 0; y < mapHeight && !needed; y++)
                {
                    var src = (int)((y + 0.5) * lg.Height / mapHeight);
                    needed = src >= row0 && src < row0 + rows;
                }

                if (!needed) continue;
                level.ReadWindow(1, new RasterWindow(0, row0, lg.Width, rows), buffer);
                for (var y = 0; y < mapHeight; y++)
                {
                    var src = (int)((y + 0.5) * lg.Height / mapHeight);
                    if (src < row0 || src >= row0 + rows) continue;
                    for (var x = 0; x < mapWidth; x++)
                    {
                        var v = buffer[(src - row0) * lg.Width + (int)((x + 0.5) * lg.Width / mapWidth)];
                        if (nodata is double nd && v == nd) continue;
                        if (v >= 0 && v < 256 && colours[(int)v] != SKColor.Empty) pixels[y * mapWidth + x] = RgbaPixel(colours[(int)v]);
                    }
                }
            }

            unsafe
            {
                fixed (uint* p = pixels) Buffer.MemoryCopy(p, (void*)map.GetPixels(), pixels.Length * 4L, pixels.Length * 4L);
            }

            var width = mapWidth + LegendWidth;
            var height = Math.Max(mapHeight, 60 + scheme.Count * 24);
            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(map, 0, 0);
            using var typeface = File.Exists(FontFile) ? SKTypeface.FromFile(FontFile) : SKTypeface.Default;
            using var titleFont = new SKFont(typeface, 16);
            using var font = new SKFont(typeface, 13);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var outline = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
            var lx = mapWidth + 12;
            canvas.DrawText(title, lx, 26, SKTextAlign.Left, titleFont, ink);
            var ly = 50;
            foreach (var c in scheme)
            {
                using var fill = new SKPaint { Color = new SKColor(c.Red, c.Green, c.Blue) };
                canvas.DrawRect(lx, ly, 18, 14, fill);
                canvas.DrawRect(lx, ly, 18, 14, outline);
                canvas.DrawText($"{c.Code} {c.NameEn}", lx + 26, ly + 12, SKTextAlign.Left, font, ink);
                ly += 24;
            }

            canvas.DrawText($"{grid.Crs?.Label ?? "no CRS"}, {grid.CellWidth:0.#} m", lx, ly + 14, SKTextAlign.Left, font, ink);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            SpatialCarbon.Core.IO.AtomicFile.Write(pngPath, temp =>
            {
                using var file = File.Create(temp);
                data.SaveTo(file);
            });
            return (width, height);
        }
        finally
        {
            overview?.Dispose();
        }
    }

    private static uint RgbaPixel(SKColor c) => (uint)(c.Red | (c.Green << 8) | (c.Blue << 16) | (0xFF << 24));

    /// <summary>The scheme to draw a raster with: CLCD unless the file is a demo forest-type raster.</summary>
    public static IReadOnlyList<LandCoverClass> SchemeFor(string path, string? name)
    {
        var key = name ?? (Path.GetFileName(path).Contains("forest_type", StringComparison.OrdinalIgnoreCase) ? "forest-type" : "clcd");
        return key switch
        {
            "clcd" => ClcdScheme.Classes,
            "forest-type" =>
            [
                new(ForestTypes.Coniferous, "针叶林", "Coniferous", 27, 94, 32),
                new(ForestTypes.Broadleaf, "阔叶林", "Broadleaf", 120, 190, 60),
                new(ForestTypes.Mixed, "混交林", "Mixed", 70, 140, 110),
                new(ForestTypes.Bamboo, "竹林", "Bamboo", 200, 200, 40),
            ],
            _ => throw new InputException("--scheme", null, $"unknown scheme '{key}' (clcd or forest-type)"),
        };
    }
}
