using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>Forest type and stand age for the forest cells of the last year: bamboo in the Yixing-Liyang hills,
/// poplar (broadleaf) plantations on the northern plain, coniferous, mixed and broadleaf stands elsewhere in patches;
/// ages constant within irregular stands of a few hundred metres.</summary>
public sealed class ForestSynthesizer
{
    private const double Stand_m = 360;
    private readonly RasterGrid _grid;
    private readonly uint _seed;
    private readonly (double MinX, double MinY, double MaxX, double MaxY) _bamboo;
    private readonly double _northY;

    private ForestSynthesizer(RasterGrid grid, uint seed, (double, double, double, double) bamboo, double northY)
    {
        _grid = grid;
        _seed = seed;
        _bamboo = bamboo;
        _northY = northY;
    }

    public static ForestSynthesizer Create(DemoInputs inputs, RasterGrid grid, uint seed)
    {
        var (x0, y0) = inputs.Project(119.15, 31.0);
        var (x1, y1) = inputs.Project(119.95, 31.42);
        var (_, north) = inputs.Project(118.5, 33.3);
        return new ForestSynthesizer(grid, seed, (x0, y0, x1, y1), north);
    }

    /// <summary>Fills type and age of row <paramref name="row"/> from column <paramref name="col0"/> where
    /// <paramref name="landUse"/> is forest; <paramref name="hills"/> is the interpolated hill field.</summary>
    public void FillRow(int row, int col0, ReadOnlySpan<byte> landUse, ReadOnlySpan<float> hills, Span<byte> type,
        Span<byte> age, Span<float> scratch)
    {
        if (landUse.IndexOf(ClcdScheme.Forest) < 0) return;
        var cell = _grid.CellWidth;
        UniformNoise.For(2).FillRow(scratch, col0, row, Math.Max(2, 900 / cell), _seed + 201);
        var (_, y) = _grid.Transform.PixelToWorld(col0 + 0.5, row + 0.5);
        for (var i = 0; i < landUse.Length; i++)
        {
            if (landUse[i] != ClcdScheme.Forest) continue;
            var x = _grid.Transform.OriginX + (col0 + i + 0.5) * cell;
            var u = scratch[i];
            byte t;
            if (x > _bamboo.MinX && x < _bamboo.MaxX && y > _bamboo.MinY && y < _bamboo.MaxY && u < 0.6f) t = ForestTypes.Bamboo;
            else if (y > _northY && hills[i] < 0.1f) t = ForestTypes.Broadleaf;
            else if (u < 0.4f) t = ForestTypes.Coniferous;
            else if (u < 0.72f) t = ForestTypes.Mixed;
            else t = ForestTypes.Broadleaf;
            type[i] = t;

            // Irregular stands: a warped lattice of about 360 m squares, each with one hashed age.
            var wx = x + 150 * (ValueNoise.Sample(x / 500, y / 500, _seed + 202) - 0.5);
            var wy = y + 150 * (ValueNoise.Sample(x / 500, y / 500, _seed + 203) - 0.5);
            var h1 = ValueNoise.Lattice((int)Math.Floor(wx / Stand_m), (int)Math.Floor(wy / Stand_m), _seed + 204);
            var h2 = ValueNoise.Lattice((int)Math.Floor(wx / Stand_m), (int)Math.Floor(wy / Stand_m), _seed + 205);
            age[i] = t switch
            {
                ForestTypes.Bamboo => (byte)(1 + (int)(h1 * 9)),
                ForestTypes.Broadleaf when y > _northY => (byte)(3 + (int)(h1 * 17)),
                _ => (byte)(5 + (int)(h1 * h2 * 55 + h1 * 10)),
            };
        }
    }
}
