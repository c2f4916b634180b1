using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Reports.Screening;

/// <summary>Draws the screening map as PNG: the latest land use (nearest cell), the zones around the footprint
/// (filled by kind, control units and admin as outlines), the footprint on top, a scale bar, a north arrow and a
/// legend. Drawn in the land-use raster's CRS (or the footprint's Gauss-Kruger zone when there is no land use).</summary>
public static class ScreenMapRenderer
{
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private static readonly (ZoneKind Kind, SKColor Fill, SKColor Stroke)[] Styles =
    [
        (ZoneKind.Admin, SKColors.Transparent, new SKColor(60, 60, 60)),
        (ZoneKind.ControlUnit, SKColors.Transparent, new SKColor(110, 110, 110)),
        (ZoneKind.EcoSpace, new SKColor(51, 160, 44, 90), new SKColor(20, 110, 20)),
        (ZoneKind.Buffer, new SKColor(255, 127, 0, 90), new SKColor(200, 90, 0)),
        (ZoneKind.EcoIsland, new SKColor(106, 61, 154, 90), new SKColor(80, 40, 120)),
        (ZoneKind.DamagedLand, new SKColor(140, 81, 10, 110), new SKColor(100, 55, 5)),
        (ZoneKind.RedLine, new SKColor(227, 26, 28, 90), new SKColor(200, 0, 0)),
    ];

    public static byte[] RenderPng(Geometry footprintLonLat, ScreenContext context, int width, int height, bool english)
    {
        var landUse = context.LandUse.OrderBy(l => l.Year).LastOrDefault();
        var gkEpsg = GaussKruger.EpsgForZone3(GaussKruger.Zone3ForLongitude(footprintLonLat.Centroid.X));
        var mapCrs = landUse?.Raster.Grid.Crs is { IsProjected: true } rc ? rc : CrsRegistry.FromEpsg(gkEpsg);
        var toMap = new GeometryReprojector(CrsRegistry.Cgcs2000, mapCrs);
        var footprint = toMap.Transform(footprintLonLat, 0.001);

        const int legendWidth = 230;
        var mapWidth = width - legendWidth;
        var fe = footprint.EnvelopeInternal;
        var pad = Math.Max(800, 0.8 * Math.Max(fe.Width, fe.Height));
        var extent = new Envelope(fe.MinX - pad, fe.MaxX + pad, fe.MinY - pad, fe.MaxY + pad);
        var scale = Math.Max(extent.Width / mapWidth, extent.Height / height);
        var cx = extent.Centre.X;
        var cy = extent.Centre.Y;
        SKPoint ToPixel(double x, double y) => new((float)(mapWidth / 2.0 + (x - cx) / scale), (float)(height / 2.0 - (y - cy) / scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (landUse is not null) DrawLandUse(canvas, landUse.Raster, mapWidth, height, cx, cy, scale);

        var lonLatView = ToLonLat(mapCrs, new Envelope(cx - mapWidth / 2.0 * scale, cx + mapWidth / 2.0 * scale, cy - height / 2.0 * scale, cy + height / 2.0 * scale));
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 1.5f };
        canvas.Save();
        canvas.ClipRect(new SKRect(0, 0, mapWidth, height));
        foreach (var (kind, fillColour, strokeColour) in Styles)
        {
            if (context.Zones[kind] is not { } layer) continue;
            fill.Color = fillColour;
            stroke.Color = strokeColour;
            stroke.StrokeWidth = kind is ZoneKind.ControlUnit or ZoneKind.Admin ? 1f : 2f;
            stroke.PathEffect = kind == ZoneKind.ControlUnit ? SKPathEffect.CreateDash([6, 4], 0) : null;
            foreach (var i in layer.Query(lonLatView))
            {
                using var path = ToPath(toMap.Transform(layer.Zones[i].LonLat, 0.001), ToPixel);
                if (fillColour.Alpha > 0) canvas.DrawPath(path, fill);
                canvas.DrawPath(path, stroke);
            }
        }

        using (var path = ToPath(footprint, ToPixel))
        {
            fill.Color = new SKColor(0, 60, 255, 50);
            stroke.Color = new SKColor(0, 40, 220);
            stroke.StrokeWidth = 3.5f;
            stroke.PathEffect = null;
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }

        canvas.Restore();
        using var typeface = LoadTypeface();
        using var font = new SKFont(typeface, 15);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        DrawScaleBar(canvas, font, text, mapWidth, height, scale, mapCrs);
        DrawNorthArrow(canvas, font, text, mapWidth);
        DrawLegend(canvas, font, text, mapWidth, width, english, landUse);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static void DrawLandUse(SKCanvas canvas, IRasterSource raster, int mapWidth, int height, double cx, double cy, double scale)
    {
        var grid = raster.Grid;
        var (c0, r0) = grid.Transform.WorldToPixel(cx - mapWidth / 2.0 * scale, cy + height / 2.0 * scale);
        var (c1, r1) = grid.Transform.WorldToPixel(cx + mapWidth / 2.0 * scale, cy - height / 2.0 * scale);
        var window = new RasterWindow((int)Math.Floor(Math.Min(c0, c1)), (int)Math.Floor(Math.Min(r0, r1)),
            (int)Math.Ceiling(Math.Abs(c1 - c0)) + 1, (int)Math.Ceiling(Math.Abs(r1 - r0)) + 1).Intersect(grid.Full);
        if (window.IsEmpty) return;
        var values = new double[window.CellCount];
        raster.ReadWindow(1, window, values);
        using var bitmap = new SKBitmap(mapWidth, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        for (var py = 0; py < height; py++)
            for (var px = 0; px < mapWidth; px++)
            {
                var (col, row) = grid.Transform.WorldToPixel(cx + (px + 0.5 - mapWidth / 2.0) * scale, cy - (py + 0.5 - height / 2.0) * scale);
                var c = (int)Math.Floor(col) - window.X;
                var r = (int)Math.Floor(row) - window.Y;
                var colour = SKColors.White;
                if (c >= 0 && r >= 0 && c < window.Width && r < window.Height)
                {
                    var v = values[(long)r * window.Width + c];
                    if (!(raster.NoData is { } nd && v == nd)) colour = LandUseColours.Colour((int)v).WithAlpha(200);
                }

                bitmap.SetPixel(px, py, colour);
            }

        canvas.DrawBitmap(bitmap, 0, 0);
    }

    private static SKPath ToPath(Geometry g, Func<double, double, SKPoint> toPixel)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        for (var n = 0; n < g.NumGeometries; n++)
        {
            if (g.GetGeometryN(n) is not Polygon p) continue;
            foreach (var ring in new[] { p.ExteriorRing }.Concat(p.InteriorRings))
            {
                var cs = ring.Coordinates;
                if (cs.Length < 3) continue;
                path.MoveTo(toPixel(cs[0].X, cs[0].Y));
                for (var k = 1; k < cs.Length; k++) path.LineTo(toPixel(cs[k].X, cs[k].Y));
                path.Close();
            }
        }

        return path;
    }

    private static Envelope ToLonLat(SpatialReference crs, Envelope e)
    {
        var back = new GeometryReprojector(crs, CrsRegistry.Cgcs2000);
        var result = new Envelope();
        foreach (var (x, y) in new[] { (e.MinX, e.MinY), (e.MaxX, e.MinY), (e.MinX, e.MaxY), (e.MaxX, e.MaxY) })
        {
            var (lon, lat) = back.Transform(x, y);
            result.ExpandToInclude(lon, lat);
        }

        return result;
    }

    private static void DrawScaleBar(SKCanvas canvas, SKFont font, SKPaint text, int mapWidth, int height, double scale, SpatialReference crs)
    {
        var target = scale * mapWidth / 4 * crs.LinearUnitMetres;
        var nice = new[] { 100.0, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000 }.LastOrDefault(v => v <= target, 100);
        var px = (float)(nice / crs.LinearUnitMetres / scale);
        using var bar = new SKPaint { Color = SKColors.Black, StrokeWidth = 3, IsAntialias = true };
        using var back = new SKPaint { Color = SKColors.White.WithAlpha(210) };
        canvas.DrawRect(new SKRect(12, height - 48, 30 + px, height - 8), back);
        canvas.DrawLine(20, height - 16, 20 + px, height - 16, bar);
        canvas.DrawLine(20, height - 22, 20, height - 10, bar);
        canvas.DrawLine(20 + px, height - 22, 20 + px, height - 10, bar);
        canvas.DrawText(nice >= 1000 ? $"{nice / 1000:0.#} km" : $"{nice:0} m", 20, height - 27, font, text);
    }

    private static void DrawNorthArrow(SKCanvas canvas, SKFont font, SKPaint text, int mapWidth)
    {
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var path = new SKPath();
        var x = mapWidth - 30f;
        path.MoveTo(x, 14);
        path.LineTo(x - 10, 44);
        path.LineTo(x, 37);
        path.LineTo(x + 10, 44);
        path.Close();
        canvas.DrawPath(path, paint);
        canvas.DrawText("N", x - 5, 62, font, text);
    }

    private static void DrawLegend(SKCanvas canvas, SKFont font, SKPaint text, int mapWidth, int width, bool english, LandUseRaster? landUse)
    {
        using var box = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        var x = mapWidth + 14f;
        var y = 26f;
        canvas.DrawText(english ? "Legend" : "图例", x, y, font, text);
        y += 24;
        void Item(SKColor fill, SKColor stroke, string label)
        {
            box.Color = fill;
            outline.Color = stroke;
            canvas.DrawRect(x, y - 12, 22, 14, box);
            canvas.DrawRect(x, y - 12, 22, 14, outline);
            canvas.DrawText(label, x + 30, y, font, text);
            y += 22;
        }

        Item(new SKColor(0, 60, 255, 50), new SKColor(0, 40, 220), english ? "footprint" : "项目用地范围");
        foreach (var (kind, fill, stroke) in Styles.Reverse())
            Item(fill, stroke, english ? kind.NameEn() : kind.NameZh());
        if (landUse is null) return;
        y += 8;
        canvas.DrawText(english ? $"Land use {landUse.Year}" : $"{landUse.Year} 年土地利用", x, y, font, text);
        y += 22;
        foreach (var code in LandUseColours.Codes.Where(c => c != 6))
            Item(LandUseColours.Colour(code).WithAlpha(200), SKColors.Gray, LandUseColours.Name(code, english));
    }

    private static SKTypeface LoadTypeface()
    {
        if (SKFontManager.Default.MatchFamily("Noto Sans CJK SC") is { } cjk) return cjk;
        foreach (var f in FontFiles)
            if (File.Exists(f) && SKTypeface.FromFile(f) is { } t) return t;
        return SKTypeface.Default;
    }
}
