using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Computes the exact fraction of each raster cell a polygon covers: area(polygon ∩ cell) / area(cell).
/// Holes subtract, the parts of a multipolygon add up, parts outside the raster are cut off, so that
/// Σ coverage × cell area = area(polygon ∩ raster extent).</summary>
public static class CoverageFraction
{
    /// <summary>Below this distance from 0 or 1 a summed coverage is rounding noise (the sums are of values ≤ 1 whose
    /// errors are ~1e-16 each).</summary>
    private const double Snap = 1e-12;

    [ThreadStatic]
    private static CoverageDeposits? t_deposits;

    // A thread's run and fraction lists, reused from zone to zone: only the exact-size arrays the coverage keeps are
    // allocated, not lists grown and dropped for every zone (most of the engine's garbage, and on large zones
    // large-object-heap garbage that forces full collections).
    [ThreadStatic]
    private static List<CoverageRun>? t_runs;

    [ThreadStatic]
    private static List<double>? t_fractions;

    /// <summary>The coverage of <paramref name="geometry"/> (in the grid's CRS) on <paramref name="grid"/>. Parts that
    /// carry no area (points, lines) cover nothing. A multipolygon whose parts overlap (an invalid geometry: repair it
    /// first) counts the overlap once, because coverage is capped at 1.</summary>
    public static PolygonCoverage Compute(Geometry geometry, RasterGrid grid)
    {
        if (geometry.IsEmpty) return PolygonCoverage.Empty;
        var rings = PixelRings.Of(geometry, grid.Transform);
        if (rings.Count == 0) return PolygonCoverage.Empty;

        var deposits = t_deposits ??= new CoverageDeposits();
        deposits.Clear();
        foreach (var ring in rings)
        {
            var xs = ring.X;
            var ys = ring.Y;
            for (var i = 0; i < xs.Length - 1; i++)
            {
                CellTraversal.Edge(xs[i], ys[i], xs[i + 1], ys[i + 1], ring.Sign, grid.Width, grid.Height, deposits);
            }
        }

        return Accumulate(deposits, grid.Width);
    }

    /// <summary>Sums the deposits along each row into runs: at each deposit column the running sum is that cell's
    /// coverage; between deposit columns it stays constant (0 outside, 1 inside).</summary>
    private static PolygonCoverage Accumulate(CoverageDeposits deposits, int width)
    {
        if (deposits.Count == 0) return PolygonCoverage.Empty;
        deposits.Sort();
        var rowMin = deposits.RowMin;
        var rows = deposits.RowMax - rowMin + 1;
        var rowStart = new int[rows + 1];
        var runs = t_runs ??= [];
        var fractions = t_fractions ??= [];
        runs.Clear();
        fractions.Clear();
        int colMin = int.MaxValue, colMax = int.MinValue;

        for (var r = 0; r < rows; r++)
        {
            rowStart[r] = runs.Count;
            deposits.Row(rowMin + r, out var cols, out var values);
            double sum = 0;
            var i = 0;
            while (i < cols.Length)
            {
                var col = cols[i];
                while (i < cols.Length && cols[i] == col) sum += values[i++];
                var nextCol = i < cols.Length ? cols[i] : width;

                // The deposit column itself, then the cells up to the next deposit column, which share its sum.
                Emit(runs, fractions, col, 1, sum);
                if (nextCol > col + 1) Emit(runs, fractions, col + 1, nextCol - col - 1, sum);
            }

            var first = rowStart[r];
            if (runs.Count > first)
            {
                colMin = Math.Min(colMin, runs[first].Col);
                colMax = Math.Max(colMax, runs[^1].End - 1);
            }
        }

        rowStart[rows] = runs.Count;
        if (runs.Count == 0) return PolygonCoverage.Empty;
        return Trim(rowMin, colMin, colMax, rowStart, runs, fractions);
    }

    private static void Emit(List<CoverageRun> runs, List<double> fractions, int col, int length, double coverage)
    {
        if (coverage < Snap) return;
        var full = coverage > 1 - Snap;
        if (runs.Count > 0)
        {
            var last = runs[^1];
            if (last.End == col && last.IsFull == full)
            {
                if (!full) AddFractions(fractions, length, coverage);
                runs[^1] = last with { Length = last.Length + length };
                return;
            }
        }

        if (full)
        {
            runs.Add(new CoverageRun(col, length, -1));
            return;
        }

        runs.Add(new CoverageRun(col, length, fractions.Count));
        AddFractions(fractions, length, coverage);
    }

    private static void AddFractions(List<double> fractions, int length, double coverage)
    {
        for (var k = 0; k < length; k++) fractions.Add(coverage);
    }

    /// <summary>Drops empty rows at both ends so that <see cref="PolygonCoverage.RowMin"/> is the first covered row.</summary>
    private static PolygonCoverage Trim(int rowMin, int colMin, int colMax, int[] rowStart, List<CoverageRun> runs,
        List<double> fractions)
    {
        var first = 0;
        while (rowStart[first + 1] == rowStart[first]) first++;
        var last = rowStart.Length - 2;
        while (rowStart[last + 1] == rowStart[last]) last--;
        var trimmed = rowStart.AsSpan(first, last - first + 2).ToArray();
        return new PolygonCoverage(rowMin + first, colMin, colMax, trimmed, runs.ToArray(), fractions.ToArray());
    }
}
