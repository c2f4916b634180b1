using System.Buffers;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>PNG tiles of one or two rasters on the same grid (e.g. two land-use years), through a cell function
/// (class code, carbon density, density change; NaN = nodata) and a style. Each 256² tile reads only the overview
/// level just finer than its pixels; pixel centres are mapped from EPSG:3857 to the raster's CRS through a 17×17
/// lattice of exact transforms, interpolated in between (under 0.01 pixel apart in Jiangsu, where GDAL's default
/// approximation allows 0.125); categorical styles take the mode of the cells under a pixel, continuous ones the
/// mean.</summary>
public sealed class RasterTileSource : ITileSource
{
    public const int Size = 256;
    private const int Step = 16;

    private readonly RasterPyramid[] _rasters;
    private readonly Func<double, double, double> _cell;
    private readonly ThreadLocal<GeometryReprojector> _fromMercator; // ProjNet transforms are not shared across threads

    /// <param name="cell">Cell value from the first and second raster's values (the second is NaN with one raster),
    /// NaN for nodata.</param>
    public RasterTileSource(string id, string titleZh, string titleEn, IReadOnlyList<RasterPyramid> rasters,
        Func<double, double, double> cell, IRasterStyle style, int minZoom = 0, int maxZoom = 15)
    {
        if (rasters.Count is < 1 or > 2) throw new ArgumentException("one or two rasters", nameof(rasters));
        var grid = rasters[0].Full.Grid;
        if (rasters.Count == 2 && !rasters[1].Full.Grid.SameAs(grid))
            throw new InputException(rasters[1].Path, null, $"not on the same grid as {rasters[0].Path}");
        if (!grid.Transform.IsAxisAligned) throw new InputException(rasters[0].Path, null, "rotated rasters are not tiled");
        _rasters = [.. rasters];
        _cell = cell;
        Style = style;
        _fromMercator = new ThreadLocal<GeometryReprojector>(() => new GeometryReprojector(CrsRegistry.WebMercator, grid.Crs!));
        Info = new TileSourceInfo(id, TileKind.Raster, titleZh, titleEn, LonLatBounds(grid.Bounds, grid.Crs!), minZoom, maxZoom);
        var (x0, y0) = WebMercator.FromLonLat(Info.Bounds[0], Info.Bounds[1]);
        var (x1, y1) = WebMercator.FromLonLat(Info.Bounds[2], Info.Bounds[3]);
        _mercatorBounds = new Envelope(x0, x1, y0, y1);
    }

    /// <summary>Where the raster is in EPSG:3857: pixels outside it are not transformed at all, since a transverse
    /// Mercator far from its central meridian can fold distant points back onto the raster.</summary>
    private readonly Envelope _mercatorBounds;

    public TileSourceInfo Info { get; }

    public IRasterStyle Style { get; }

    /// <summary>The rasters' CRS (where <see cref="ValueAt"/> takes its coordinates).</summary>
    public SpatialReference Crs => _rasters[0].Full.Grid.Crs!;

    public Legend Legend => Style.Legend(Info.Id, Info.TitleZh, Info.TitleEn);

    /// <summary>The cell value at a point in the raster's CRS (full resolution), NaN for nodata or outside.</summary>
    public double ValueAt(double x, double y)
    {
        var grid = _rasters[0].Full.Grid;
        var (c, r) = grid.Transform.WorldToPixel(x, y);
        if (c < 0 || r < 0 || c >= grid.Width || r >= grid.Height) return double.NaN;
        var window = new Core.Raster.RasterWindow((int)c, (int)r, 1, 1);
        Span<double> v = stackalloc double[2];
        _rasters[0].Full.ReadWindow(1, window, v[..1]);
        v[1] = double.NaN;
        if (_rasters.Length == 2) _rasters[1].Full.ReadWindow(1, window, v[1..]);
        return _cell(v[0], v[1]);
    }

    public byte[]? GetTile(TileCoord tile)
    {
        if (!Info.ServesZoom(tile.Z)) return null;
        var bounds = WebMercator.TileBounds(tile);
        if (!bounds.Intersects(_mercatorBounds)) return null;
        var pixel = bounds.Width / Size;
        const int n = Size / Step + 1;
        var toRaster = _fromMercator.Value!;
        var wx = new double[n * n];
        var wy = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var (x, y) = toRaster.Transform(bounds.MinX + i * Step * pixel, bounds.MaxY - j * Step * pixel);
                wx[j * n + i] = x;
                wy[j * n + i] = y;
            }
        }

        // Raster-CRS size of one output pixel where tile and raster meet: the Mercator scale is 1/cos(latitude),
        // and the Gauss–Krüger grids' scale stays within 0.1 % of 1.
        var cy = Math.Clamp((_mercatorBounds.MinY + _mercatorBounds.MaxY) / 2, bounds.MinY, bounds.MaxY);
        var cellNeeded = pixel * Math.Cos(WebMercator.ToLonLat(0, cy).Lat * Math.PI / 180);
        // At low zooms a lattice cell spans more than 50 km: transform each pixel exactly instead.
        var exact = Step * pixel > 50_000;
        var levelIndex = _rasters[0].LevelFor(cellNeeded);
        var level = _rasters[0].Levels[levelIndex].Grid;
        var ratio = cellNeeded / level.CellWidth;
        var k = Math.Clamp((int)Math.Round(ratio), 1, 4);

        // Fractional level-pixel position of each output pixel centre.
        var cols = ArrayPool<double>.Shared.Rent(Size * Size);
        var rows = ArrayPool<double>.Shared.Rent(Size * Size);
        try
        {
            double c0 = double.MaxValue, r0 = double.MaxValue, c1 = double.MinValue, r1 = double.MinValue;
            for (var py = 0; py < Size; py++)
            {
                var v = (py + 0.5) / Step;
                var j = Math.Min((int)v, n - 2);
                var fv = v - j;
                for (var px = 0; px < Size; px++)
                {
                    var u = (px + 0.5) / Step;
                    var i = Math.Min((int)u, n - 2);
                    var fu = u - i;
                    var a = j * n + i;
                    var mx = bounds.MinX + (px + 0.5) * pixel;
                    var my = bounds.MaxY - (py + 0.5) * pixel;
                    if (!_mercatorBounds.Contains(mx, my))
                    {
                        cols[py * Size + px] = double.NaN;
                        continue;
                    }

                    var (x, y) = exact ? toRaster.Transform(mx, my)
                        : (Bilinear(wx[a], wx[a + 1], wx[a + n], wx[a + n + 1], fu, fv), Bilinear(wy[a], wy[a + 1], wy[a + n], wy[a + n + 1], fu, fv));
                    var (c, r) = level.Transform.WorldToPixel(x, y);

                    cols[py * Size + px] = c;
                    rows[py * Size + px] = r;
                    c0 = Math.Min(c0, c);
                    c1 = Math.Max(c1, c);
                    r0 = Math.Min(r0, r);
                    r1 = Math.Max(r1, r);
                }
            }

            if (c0 > c1) return null;
            var half = ratio / 2 + 1;
            var wx0 = Math.Max(0, (int)Math.Floor(c0 - half));
            var wy0 = Math.Max(0, (int)Math.Floor(r0 - half));
            var wx1 = Math.Min(level.Width, (int)Math.Ceiling(c1 + half));
            var wy1 = Math.Min(level.Height, (int)Math.Ceiling(r1 + half));
            if (wx1 <= wx0 || wy1 <= wy0) return null;
            var window = new Core.Raster.RasterWindow(wx0, wy0, wx1 - wx0, wy1 - wy0);
            var a0 = ArrayPool<double>.Shared.Rent((int)window.CellCount);
            var a1 = _rasters.Length == 2 ? ArrayPool<double>.Shared.Rent((int)window.CellCount) : null;
            try
            {
                _rasters[0].Levels[levelIndex].ReadWindow(1, window, a0);
                if (a1 is not null) _rasters[1].Levels[Math.Min(levelIndex, _rasters[1].Levels.Count - 1)].ReadWindow(1, window, a1);
                return Paint(cols, rows, window, a0, a1, ratio, k);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(a0);
                if (a1 is not null) ArrayPool<double>.Shared.Return(a1);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cols);
            ArrayPool<double>.Shared.Return(rows);
        }
    }

    private byte[]? Paint(double[] cols, double[] rows, Core.Raster.RasterWindow window, double[] a0, double[]? a1, double ratio, int k)
    {
        var rgba = new byte[Size * Size * 4];
        Span<double> samples = stackalloc double[16];
        var any = false;
        for (var p = 0; p < Size * Size; p++)
        {
            if (double.IsNaN(cols[p])) continue;
            var count = 0;
            for (var sj = 0; sj < k; sj++)
            {
                var r = (int)Math.Floor(rows[p] + ((sj + 0.5) / k - 0.5) * ratio) - window.Y;
                if (r < 0 || r >= window.Height) continue;
                for (var si = 0; si < k; si++)
                {
                    var c = (int)Math.Floor(cols[p] + ((si + 0.5) / k - 0.5) * ratio) - window.X;
                    if (c < 0 || c >= window.Width) continue;
                    var idx = r * window.Width + c;
                    var v = _cell(a0[idx], a1 is null ? double.NaN : a1[idx]);
                    if (!double.IsNaN(v)) samples[count++] = v;
                }
            }

            if (count == 0) continue;
            var colour = Style.Colour(Style.IsCategorical ? Mode(samples[..count]) : Mean(samples[..count]));
            if (colour.A == 0) continue;
            any = true;
            rgba[p * 4] = colour.R;
            rgba[p * 4 + 1] = colour.G;
            rgba[p * 4 + 2] = colour.B;
            rgba[p * 4 + 3] = colour.A;
        }

        return any ? PngEncoder.Encode(rgba, Size, Size) : null;
    }

    /// <summary>Most frequent value; ties go to the smallest (as the overviews are built).</summary>
    private static double Mode(Span<double> values)
    {
        if (values.Length == 1) return values[0];
        values.Sort();
        double best = values[0], run = values[0];
        int bestCount = 0, runCount = 0;
        foreach (var v in values)
        {
            if (v == run) runCount++;
            else (run, runCount) = (v, 1);
            if (runCount > bestCount) (best, bestCount) = (run, runCount);
        }

        return best;
    }

    private static double Mean(Span<double> values)
    {
        var s = 0.0;
        foreach (var v in values) s += v;
        return s / values.Length;
    }

    private static double Bilinear(double a, double b, double c, double d, double fu, double fv) =>
        (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;

    private static double[] LonLatBounds(Envelope e, SpatialReference crs)
    {
        var toWgs = new GeometryReprojector(crs, CrsRegistry.Wgs84);
        var box = new Envelope();
        for (var i = 0; i <= 10; i++)
        {
            foreach (var (x, y) in new[]
            {
                (e.MinX + i * e.Width / 10, e.MinY), (e.MinX + i * e.Width / 10, e.MaxY),
                (e.MinX, e.MinY + i * e.Height / 10), (e.MaxX, e.MinY + i * e.Height / 10),
            })
            {
                var (lon, lat) = toWgs.Transform(x, y);
                box.ExpandToInclude(lon, lat);
            }
        }

        return [box.MinX, box.MinY, box.MaxX, box.MaxY];
    }
}
