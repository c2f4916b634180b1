using SpatialCarbon.Core.Overlay;

namespace SpatialCarbon.Core.Screening.Indicators;

/// <summary>Per zone, the area in m² of each land-use class (codes 0-255) in the first raster and, when a second raster
/// on the same grid is given, in the second: Σ coverage × cell area, nodata and NaN left out.</summary>
public sealed class ClassAreaAccumulator(int zones, double? noData0, double? noData1, string raster) : IZoneAccumulator
{
    public const int Classes = 256;

    /// <summary>[zone × 256 + code] m² in the first raster.</summary>
    public double[] First { get; } = new double[zones * Classes];

    /// <summary>[zone × 256 + code] m² in the second raster.</summary>
    public double[] Second { get; } = new double[zones * Classes];

    public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
    {
        for (var i = 0; i < coverage.Length; i++)
        {
            var a = coverage[i] * cellAreas_m2[i];
            Add(First, zone, values0[i], noData0, a, row, col + i);
            if (!values1.IsEmpty) Add(Second, zone, values1[i], noData1, a, row, col + i);
        }
    }

    public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
    {
        for (var i = 0; i < values0.Length; i++)
        {
            Add(First, zone, values0[i], noData0, cellAreas_m2[i], row, col + i);
            if (!values1.IsEmpty) Add(Second, zone, values1[i], noData1, cellAreas_m2[i], row, col + i);
        }
    }

    /// <summary>Adds another worker's sums into this one.</summary>
    public void Merge(ClassAreaAccumulator other)
    {
        for (var i = 0; i < First.Length; i++)
        {
            First[i] += other.First[i];
            Second[i] += other.Second[i];
        }
    }

    private void Add(double[] sums, int zone, double v, double? noData, double area, int row, int col)
    {
        if (double.IsNaN(v) || v == noData) return;
        if (!(v is >= 0 and < Classes) || v != Math.Floor(v))
            throw new InputException(raster, $"row {row}, column {col}", $"value {v} is not a land-use class code (0-255)");
        sums[zone * Classes + (int)v] += area;
    }
}
