using NetTopologySuite.Geometries;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Demo;

/// <summary>Synthesises CLCD land use for 2000, 2010 and 2020 on the demo grid, one band of rows at a time. Large-scale
/// structure (cities, hills, pond country) comes from smooth fields on a coarse grid, calibrated to the target shares;
/// texture from uniformised clustered noise; real water from the lakes and widened rivers. Built-up land only grows:
/// every class ranked above it is constant or shrinking over the years, and its probability never falls.</summary>
public sealed class LandUseSynthesizer
{
    public static IReadOnlyList<int> Years { get; } = [2000, 2010, 2020];

    /// <summary>Target built-up (impervious) shares of the province per year, villages included.</summary>
    public static IReadOnlyList<double> BuiltTargets { get; } = [0.12, 0.16, 0.20];

    public const double ForestTarget = 0.04;

    private const int CoarseStep = 16;

    /// <summary>Bound on how far the float 1 - e^-x can exceed x (a few ulps of 1).</summary>
    private const float SoftMargin = 1e-5f;
    private static readonly double[] UrbanGrowth = [1.0, 1.3, 1.6];
    private static readonly double[] VillageGrowth = [1.0, 1.1, 1.2];
    private static readonly double[] PondGrowth = [0.8, 0.95, 1.1];
    private static readonly float[] WetInner = [0.9f, 0.8f, 0.7f];
    private static readonly float[] WetOuter = [0.35f, 0.25f, 0.18f];

    private readonly PolygonRasterizer _districts;
    private readonly PolygonRasterizer _water;
    private readonly PolygonRasterizer _coast;
    private readonly CoarseField[] _urban;
    private readonly CoarseField _village;
    private readonly CoarseField _forest;
    private readonly CoarseField _pond;
    private readonly float[] _urbanScale;
    private readonly float _forestScale;
    private readonly uint _seed;
    private readonly ForestSynthesizer _forestTypes;

    private LandUseSynthesizer(RasterGrid grid, uint seed, PolygonRasterizer districts, PolygonRasterizer water,
        PolygonRasterizer coast, CoarseField[] urban, CoarseField village, CoarseField forest, CoarseField pond,
        ForestSynthesizer forestTypes)
    {
        Grid = grid;
        _seed = seed;
        _districts = districts;
        _water = water;
        _coast = coast;
        _urban = urban;
        _village = village;
        _forest = forest;
        _pond = pond;
        _forestTypes = forestTypes;
        (_urbanScale, _forestScale) = Calibrate();
    }

    public RasterGrid Grid { get; }

    /// <summary>Calibrated factors, for the manifest: urban per year, then forest.</summary>
    public IReadOnlyList<double> Factors => [.. _urbanScale.Select(f => (double)f), _forestScale];

    public static LandUseSynthesizer Create(DemoInputs inputs, DemoWaterBodies water, RasterGrid grid, uint seed)
    {
        var districts = new PolygonRasterizer(grid, [.. inputs.Districts.Select(d => (d.Projected, (byte)(d.Index + 1)))]);
        var waterRaster = new PolygonRasterizer(grid, [.. water.Polygons.Select(p => (p, (byte)1))]);
        var coast = new PolygonRasterizer(grid, [(water.CoastOuter, (byte)1), (water.CoastInner, (byte)2)]);

        var seats = DemoPlaces.CitySeats.Select(s => Projected(inputs, s)).ToArray();
        // County towns differ in size: radius 1.4-2.8 km and weight 0.25-0.6 from a hash of the district.
        var counties = inputs.Districts.Select((d, k) => (d.Projected.InteriorPoint.Coordinate,
            Radius: 1400 + 1400 * ValueNoise.Lattice(k, 7, seed), Weight: 0.25 + 0.35 * ValueNoise.Lattice(k, 8, seed))).ToArray();
        var corridor = CorridorSegments(inputs);
        var urban = CoarseField.EvaluateMany(grid, CoarseStep, UrbanGrowth.Length,
            (x, y, values) => UrbanPotentials(x, y, seats, counties, corridor, seed, values));

        var (_, south) = inputs.Project(119.5, 32.6);
        var village = CoarseField.Evaluate(grid, CoarseStep, (x, y) =>
        {
            var southern = Math.Clamp((south - y) / 60000 + 0.5, 0, 1);
            var n = ValueNoise.Fractal(x / 30000, y / 30000, seed + 11, 2);
            return (float)((0.035 + 0.02 * southern) * (0.5 + n));
        });

        var hills = DemoPlaces.Hills.Select(h => Projected(inputs, h)).ToArray();
        var (_, north) = inputs.Project(118.5, 33.3);
        var forest = CoarseField.Evaluate(grid, CoarseStep, (x, y) =>
        {
            double sum = 0;
            foreach (var (hx, hy, r, w) in hills)
            {
                var d2 = ((x - hx) * (x - hx) + (y - hy) * (y - hy)) / (r * r);
                if (d2 < 9) sum += w * Math.Exp(-d2);
            }

            var n = ValueNoise.Fractal(x / 8000, y / 8000, seed + 21, 2);
            sum *= 0.6 + 0.8 * n;
            // Poplar shelterbelts and plantations of the northern plain.
            if (y > north) sum += 0.012 * ValueNoise.Fractal(x / 20000, y / 20000, seed + 22, 2);
            return (float)sum;
        });

        var pondRegions = DemoPlaces.PondRegions.Select(p => Projected(inputs, p)).ToArray();
        var pond = CoarseField.Evaluate(grid, CoarseStep, (x, y) =>
        {
            var sum = 0.012;
            foreach (var (px, py, r, w) in pondRegions)
            {
                var d2 = ((x - px) * (x - px) + (y - py) * (y - py)) / (r * r);
                if (d2 < 9) sum += w * Math.Exp(-d2);
            }

            return (float)Math.Min(sum, 0.5);
        });

        return new LandUseSynthesizer(grid, seed, districts, waterRaster, coast, urban, village, forest, pond,
            ForestSynthesizer.Create(inputs, grid, seed));
    }

    /// <summary>Built-up probability of a year (index into <see cref="Years"/>) at a world point, from the calibrated
    /// coarse field (villages excluded): used to place control units and rank them.</summary>
    public double UrbanProbability(int year, double x, double y)
    {
        var (col, row) = Grid.Transform.WorldToPixel(x, y);
        var i = Math.Clamp((int)Math.Round(col / CoarseStep), 0, _urban[year].Columns - 1);
        var j = Math.Clamp((int)Math.Round(row / CoarseStep), 0, _urban[year].Rows - 1);
        return Soft(_urbanScale[year] * _urban[year].Node(i, j));
    }

    /// <summary>Forest probability at a world point (coarse).</summary>
    public double ForestProbability(double x, double y)
    {
        var (col, row) = Grid.Transform.WorldToPixel(x, y);
        var i = Math.Clamp((int)Math.Round(col / CoarseStep), 0, _forest.Columns - 1);
        var j = Math.Clamp((int)Math.Round(row / CoarseStep), 0, _forest.Rows - 1);
        return Math.Min(1, _forestScale * _forest.Node(i, j));
    }

    /// <summary>Fills <paramref name="block"/> with rows [row0, row0 + rows) of every output.</summary>
    public void Fill(LandUseBlock block, int row0, int rows)
    {
        block.Row0 = row0;
        block.Rows = rows;
        var width = Grid.Width;
        var scratch = new RowScratch(width);
        var cell = Grid.CellWidth;
        for (var r = 0; r < rows; r++)
        {
            var row = row0 + r;
            var offset = r * width;
            var district = scratch.District;
            Array.Clear(district);
            _districts.FillRow(row, 0, district);
            var first = district.AsSpan().IndexOfAnyExcept((byte)0);
            for (var y = 0; y < Years.Count; y++) block.LandUse[y].AsSpan(offset, width).Clear();
            block.ForestType.AsSpan(offset, width).Clear();
            block.ForestAge.AsSpan(offset, width).Clear();
            if (first < 0) continue;
            var last = district.AsSpan().LastIndexOfAnyExcept((byte)0);
            var n = last - first + 1;

            var water = scratch.Water.AsSpan(0, n);
            water.Clear();
            _water.FillRow(row, first, water);
            var coast = scratch.Coast.AsSpan(0, n);
            coast.Clear();
            _coast.FillRow(row, first, coast);

            var uU = scratch.Noise[0].AsSpan(0, n);
            var uV = scratch.Noise[1].AsSpan(0, n);
            var uF = scratch.Noise[2].AsSpan(0, n);
            var uM = scratch.Noise[3].AsSpan(0, n);
            UniformNoise.For(3).FillRow(uU, first, row, 2500 / cell, _seed + 101);
            UniformNoise.For(2).FillRow(uV, first, row, Math.Max(2, 420 / cell), _seed + 102);
            UniformNoise.For(3).FillRow(uF, first, row, 1800 / cell, _seed + 103);
            UniformNoise.For(2).FillRow(uM, first, row, Math.Max(2, 700 / cell), _seed + 104);

            var u0 = scratch.Field[0].AsSpan(0, n);
            var u1 = scratch.Field[1].AsSpan(0, n);
            var u2 = scratch.Field[2].AsSpan(0, n);
            var vf = scratch.Field[3].AsSpan(0, n);
            var ff = scratch.Field[4].AsSpan(0, n);
            var pf = scratch.Field[5].AsSpan(0, n);
            _urban[0].InterpolateRow(row, first, u0);
            _urban[1].InterpolateRow(row, first, u1);
            _urban[2].InterpolateRow(row, first, u2);
            _village.InterpolateRow(row, first, vf);
            _forest.InterpolateRow(row, first, ff);
            _pond.InterpolateRow(row, first, pf);

            var lu0 = block.LandUse[0].AsSpan(offset + first, n);
            var lu1 = block.LandUse[1].AsSpan(offset + first, n);
            var lu2 = block.LandUse[2].AsSpan(offset + first, n);
            var dist = district.AsSpan(first, n);
            var (s0, s1, s2) = (_urbanScale[0], _urbanScale[1], _urbanScale[2]);
            for (var i = 0; i < n; i++)
            {
                if (dist[i] == 0) continue;
                if (water[i] != 0)
                {
                    lu0[i] = lu1[i] = lu2[i] = ClcdScheme.Water;
                    continue;
                }

                var pForest = Math.Min(1f, _forestScale * ff[i]);
                var x0 = s0 * u0[i];
                var x1 = s1 * u1[i];
                var x2 = s2 * u2[i];
                float p0 = 0, p1 = 0, p2 = 0;
                // 1 - e^-x never exceeds x (plus the rounding of expf, far below the margin): when the urban noise is
                // above every year's x, no year can be built up and the three exponentials would only be compared
                // with uU to give false, so they are skipped (most of the countryside).
                if (uU[i] < Math.Max(x0, Math.Max(x1, x2)) + SoftMargin)
                {
                    p0 = Soft(x0);
                    p1 = Math.Max(p0, Soft(x1));
                    p2 = Math.Max(p1, Soft(x2));
                }

                lu0[i] = Classify(0, coast[i], uU[i], uV[i], uF[i], uM[i], p0, vf[i], pForest, ff[i], pf[i]);
                lu1[i] = Classify(1, coast[i], uU[i], uV[i], uF[i], uM[i], p1, vf[i], pForest, ff[i], pf[i]);
                lu2[i] = Classify(2, coast[i], uU[i], uV[i], uF[i], uM[i], p2, vf[i], pForest, ff[i], pf[i]);
            }

            _forestTypes.FillRow(row, first, lu2, ff, block.ForestType.AsSpan(offset + first, n),
                block.ForestAge.AsSpan(offset + first, n), scratch.Noise[4].AsSpan(0, n));
        }
    }

    /// <summary>Saturating probability 1 - e^-x: dense cores that never become solid discs, ragged edges.</summary>
    private static float Soft(float x) => 1f - MathF.Exp(-x);

    private static double Soft(double x) => 1 - Math.Exp(-x);

    private static byte Classify(int year, byte coast, float uU, float uV, float uF, float uM, float pUrban,
        float village, float pForest, float forestField, float pond)
    {
        if (coast != 0)
        {
            var wet = coast == 2 ? WetInner[year] : WetOuter[year];
            if (uM < wet) return ClcdScheme.Wetland;
            if (uM < wet + 0.08f) return ClcdScheme.Grassland;
            if (coast == 2 && uF > 0.985f) return ClcdScheme.Barren;
        }

        if (uF < pForest) return ClcdScheme.Forest;
        if (forestField > 0.02f && uF < pForest * 1.15f) return ClcdScheme.Shrub;
        if (uU < pUrban || uV < village * VillageGrowth[year]) return ClcdScheme.Impervious;
        if (uM < pond * PondGrowth[year]) return ClcdScheme.Water;
        if (forestField > 0.25f && uM > 0.996f) return ClcdScheme.Barren;
        if (forestField > 0.15f && uF < pForest * 1.15f + 0.02f) return ClcdScheme.Grassland;
        return ClcdScheme.Cropland;
    }

    /// <summary>Expected shares on the coarse nodes solve for the urban factor of each year and the forest factor.</summary>
    private (float[] Urban, float Forest) Calibrate()
    {
        var nodes = new List<(int I, int J)>();
        var district = new byte[Grid.Width];
        var water = new byte[Grid.Width];
        var coastRow = new byte[Grid.Width];
        var columns = _forest.Columns;
        var sampled = 0;
        for (var j = 0; j * CoarseStep < Grid.Height; j++)
        {
            var row = j * CoarseStep;
            Array.Clear(district);
            Array.Clear(water);
            Array.Clear(coastRow);
            _districts.FillRow(row, 0, district);
            _water.FillRow(row, 0, water);
            _coast.FillRow(row, 0, coastRow);
            for (var i = 0; i * CoarseStep < Grid.Width && i < columns; i++)
            {
                var col = i * CoarseStep;
                if (district[col] == 0) continue;
                sampled++;
                if (water[col] == 0 && coastRow[col] == 0) nodes.Add((i, j));
            }
        }

        if (sampled == 0) throw new InvalidOperationException("the demo grid holds no province cell");
        var forestScale = Calibration.Solve(a => nodes.Sum(n => Math.Min(1, a * _forest.Node(n.I, n.J))) / sampled, ForestTarget);
        var urban = new float[Years.Count];
        var previous = new double[nodes.Count];
        var forestShare = nodes.Select(n => Math.Min(1, forestScale * _forest.Node(n.I, n.J))).ToArray();
        var terms = new double[nodes.Count];
        const int chunk = 8192;
        for (var y = 0; y < Years.Count; y++)
        {
            var year = y;
            var prev = previous;
            var urbanNodes = nodes.Select(n => _urban[year].Node(n.I, n.J)).ToArray();
            var villageShare = nodes.Select(n => _village.Node(n.I, n.J) * VillageGrowth[year]).ToArray();
            // The terms (an exponential each) are computed on every core, then summed in node order on one thread, so
            // the sum, and the factor, are the same bits as from one loop.
            double Share(double a)
            {
                Parallel.For(0, (nodes.Count + chunk - 1) / chunk, c =>
                {
                    var end = Math.Min(nodes.Count, (c + 1) * chunk);
                    for (var k = c * chunk; k < end; k++)
                    {
                        var pu = Math.Max(prev[k], Soft(a * urbanNodes[k]));
                        terms[k] = (1 - forestShare[k]) * (1 - (1 - pu) * (1 - villageShare[k]));
                    }
                });
                double s = 0;
                foreach (var t in terms) s += t;
                return s / sampled;
            }

            var a = Calibration.Solve(Share, BuiltTargets[y]);
            urban[y] = (float)a;
            var next = new double[nodes.Count];
            for (var k = 0; k < nodes.Count; k++)
                next[k] = Math.Max(prev[k], Soft(a * _urban[year].Node(nodes[k].I, nodes[k].J)));
            previous = next;
        }

        return (urban, (float)forestScale);
    }

    /// <summary>Urban potential of every year's growth factor at one point: the warp and the lobe noise do not depend
    /// on the year, so they are computed once for the three.</summary>
    private static void UrbanPotentials(double x, double y, (double X, double Y, double R, double W)[] seats,
        (Coordinate Centre, float Radius, double Weight)[] counties, (double X0, double Y0, double X1, double Y1)[] corridor,
        uint seed, Span<float> values)
    {
        // Domain warping keeps the cities from being circles.
        var wx = x + 6000 * (ValueNoise.Fractal(x / 18000, y / 18000, seed + 1, 2) - 0.5);
        var wy = y + 6000 * (ValueNoise.Fractal(x / 18000, y / 18000, seed + 2, 2) - 0.5);
        // Lobes and satellite patches rather than discs.
        var lobes = ValueNoise.Fractal(x / 7000, y / 7000, seed + 3, 2);
        for (var g = 0; g < UrbanGrowth.Length; g++)
            values[g] = UrbanPotential(wx, wy, UrbanGrowth[g], lobes, seats, counties, corridor);
    }

    private static float UrbanPotential(double wx, double wy, double growth, float lobes, (double X, double Y, double R, double W)[] seats,
        (Coordinate Centre, float Radius, double Weight)[] counties, (double X0, double Y0, double X1, double Y1)[] corridor)
    {
        double sum = 0;
        foreach (var (sx, sy, r, w) in seats)
        {
            var rr = r * growth;
            var d2 = ((wx - sx) * (wx - sx) + (wy - sy) * (wy - sy)) / (rr * rr);
            if (d2 < 12) sum += w * Math.Exp(-d2);
        }

        for (var k = 0; k < counties.Length; k++)
        {
            var (c, radius, weight) = counties[k];
            var rc = radius * growth;
            var d2 = ((wx - c.X) * (wx - c.X) + (wy - c.Y) * (wy - c.Y)) / (rc * rc);
            if (d2 < 25) sum += weight * Math.Exp(-Math.Sqrt(d2) * 1.6);
        }

        var rk = 3000 * Math.Sqrt(growth);
        foreach (var (x0, y0, x1, y1) in corridor)
        {
            var d2 = SegmentDistanceSquared(wx, wy, x0, y0, x1, y1) / (rk * rk);
            if (d2 < 12) sum += 0.22 * Math.Exp(-d2);
        }

        sum *= 0.5 + lobes;
        return (float)Math.Min(sum, 2);
    }

    private static (double, double, double, double)[] CorridorSegments(DemoInputs inputs)
    {
        // The Shanghai-Nanjing corridor (沪宁沿线), the most continuously built-up belt of the province.
        (double, double)[] lonlat = [(118.78, 32.06), (119.15, 32.12), (119.45, 32.20), (119.62, 32.00), (119.95, 31.78),
            (120.30, 31.57), (120.62, 31.30), (120.98, 31.38), (121.15, 31.33)];
        var p = lonlat.Select(q => inputs.Project(q.Item1, q.Item2)).ToArray();
        return [.. p.Zip(p.Skip(1), (a, b) => (a.X, a.Y, b.X, b.Y))];
    }

    private static double SegmentDistanceSquared(double px, double py, double x0, double y0, double x1, double y1)
    {
        var dx = x1 - x0;
        var dy = y1 - y0;
        var t = Math.Clamp(((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy), 0, 1);
        var ex = px - (x0 + t * dx);
        var ey = py - (y0 + t * dy);
        return ex * ex + ey * ey;
    }

    private static (double X, double Y, double R, double W) Projected(DemoInputs inputs, DemoPlace p)
    {
        var (x, y) = inputs.Project(p.Lon, p.Lat);
        return (x, y, p.Radius_km * 1000, p.Weight);
    }

    private sealed class RowScratch(int width)
    {
        public byte[] District { get; } = new byte[width];

        public byte[] Water { get; } = new byte[width];

        public byte[] Coast { get; } = new byte[width];

        public float[][] Noise { get; } = [.. Enumerable.Range(0, 5).Select(_ => new float[width])];

        public float[][] Field { get; } = [.. Enumerable.Range(0, 6).Select(_ => new float[width])];
    }
}
