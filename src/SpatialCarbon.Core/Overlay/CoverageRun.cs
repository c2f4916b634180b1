namespace SpatialCarbon.Core.Overlay;

/// <summary>Consecutive cells of one row: wholly covered (<see cref="FractionOffset"/> = -1), or partly covered with
/// their fractions at <see cref="FractionOffset"/> in <see cref="PolygonCoverage.Fractions"/>.</summary>
public readonly record struct CoverageRun(int Col, int Length, int FractionOffset)
{
    public bool IsFull => FractionOffset < 0;

    public int End => Col + Length;
}
