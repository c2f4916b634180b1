using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The exact coverage of one polygon on a raster grid, run-length encoded: for each row from
/// <see cref="RowMin"/> to <see cref="RowMax"/>, runs of partly covered cells with their fractions and runs of wholly
/// covered cells, ordered by column. Its size grows with the polygon's perimeter in cells plus its rows, not its area.</summary>
public sealed class PolygonCoverage
{
    public PolygonCoverage(int rowMin, int colMin, int colMax, int[] rowStart, CoverageRun[] runs, double[] fractions)
    {
        RowMin = rowMin;
        ColMin = colMin;
        ColMax = colMax;
        RowStart = rowStart;
        Runs = runs;
        Fractions = fractions;
    }

    /// <summary>Coverage of a polygon that covers no cell of the raster.</summary>
    public static PolygonCoverage Empty { get; } = new(0, 0, -1, [0], [], []);

    public int RowMin { get; }

    /// <summary>Last covered row; less than <see cref="RowMin"/> when nothing is covered.</summary>
    public int RowMax => RowMin + RowStart.Length - 2;

    public int ColMin { get; }

    public int ColMax { get; }

    public bool IsEmpty => Runs.Length == 0;

    /// <summary>Index in <see cref="Runs"/> of the first run of each row (row - RowMin), plus one final end index.</summary>
    public int[] RowStart { get; }

    public CoverageRun[] Runs { get; }

    public double[] Fractions { get; }

    /// <summary>Memory held, in bytes (for the engine's bound).</summary>
    public long SizeInBytes => RowStart.Length * 4L + Runs.Length * 12L + Fractions.Length * 8L + 64;

    /// <summary>The runs of one row (empty outside the covered rows).</summary>
    public ReadOnlySpan<CoverageRun> RowRuns(int row)
    {
        var i = row - RowMin;
        if (i < 0 || i >= RowStart.Length - 1) return [];
        return Runs.AsSpan(RowStart[i], RowStart[i + 1] - RowStart[i]);
    }

    /// <summary>Σ coverage over all cells (multiply by the cell area for the covered area).</summary>
    public double TotalCoverage()
    {
        double total = 0;
        foreach (var run in Runs)
        {
            if (run.IsFull) total += run.Length;
            else foreach (var f in Fractions.AsSpan(run.FractionOffset, run.Length)) total += f;
        }

        return total;
    }

    /// <summary>The coverage of every cell of a window, row-major (for tests and small windows only).</summary>
    public double[] ToDense(RasterWindow window)
    {
        var dense = new double[window.CellCount];
        for (var r = window.Y; r < window.Y + window.Height; r++)
        {
            foreach (var run in RowRuns(r))
            {
                for (var k = 0; k < run.Length; k++)
                {
                    var c = run.Col + k;
                    if (c < window.X || c >= window.X + window.Width) continue;
                    dense[(long)(r - window.Y) * window.Width + (c - window.X)] = run.IsFull ? 1.0 : Fractions[run.FractionOffset + k];
                }
            }
        }

        return dense;
    }
}
