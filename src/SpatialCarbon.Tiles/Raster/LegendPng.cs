using SkiaSharp;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>Draws a legend as a small PNG: class swatches, or a ramp bar with its stop values. Chinese labels
/// need Noto CJK (Debian fonts-noto-cjk); without it the legend is drawn in English only.</summary>
public static class LegendPng
{
    private const string CjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    private const string LatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public static byte[] Render(Legend legend)
    {
        var cjk = File.Exists(CjkFont);
        using var typeface = cjk ? SKTypeface.FromFile(CjkFont) : File.Exists(LatinFont) ? SKTypeface.FromFile(LatinFont) : SKTypeface.Default;
        using var titleFont = new SKFont(typeface, 14);
        using var font = new SKFont(typeface, 12);
        string Label(string zh, string en) => cjk && zh != en ? $"{zh} {en}" : en;
        var title = Label(legend.TitleZh, legend.TitleEn) + (legend.Unit is null ? "" : $" ({legend.Unit})");
        var categorical = legend.Kind == "categorical";
        var lines = categorical ? legend.Entries.Count : 1;
        var width = 260;
        var height = categorical ? 34 + lines * 20 : 80;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var outline = new SKPaint { Color = SKColors.Gray, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawText(title, 8, 20, SKTextAlign.Left, titleFont, ink);
        if (categorical)
        {
            var y = 32;
            foreach (var e in legend.Entries)
            {
                using var fill = new SKPaint { Color = SKColor.Parse(e.Color) };
                canvas.DrawRect(8, y, 18, 14, fill);
                canvas.DrawRect(8, y, 18, 14, outline);
                canvas.DrawText($"{e.Value:0} {Label(e.LabelZh, e.LabelEn)}", 34, y + 12, SKTextAlign.Left, font, ink);
                y += 20;
            }
        }
        else
        {
            var colours = legend.Entries.Select(e => SKColor.Parse(e.Color)).ToArray();
            using var shader = SKShader.CreateLinearGradient(new SKPoint(10, 0), new SKPoint(width - 10, 0), colours, SKShaderTileMode.Clamp);
            using var bar = new SKPaint { Shader = shader };
            canvas.DrawRect(10, 32, width - 20, 18, bar);
            canvas.DrawRect(10, 32, width - 20, 18, outline);
            for (var i = 0; i < legend.Entries.Count; i++)
            {
                var x = 10 + (width - 20) * i / (float)Math.Max(1, legend.Entries.Count - 1);
                var align = i == 0 ? SKTextAlign.Left : i == legend.Entries.Count - 1 ? SKTextAlign.Right : SKTextAlign.Center;
                canvas.DrawText(legend.Entries[i].LabelEn, x, 68, align, font, ink);
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
