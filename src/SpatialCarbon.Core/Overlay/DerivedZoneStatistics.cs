namespace SpatialCarbon.Core.Overlay;

/// <summary>Zonal statistics derived from the merged sums each time a zone is read (see
/// <see cref="ZonalStatistics.ComputeOnRead"/>): the same values every read, nothing held per zone beyond the sums.</summary>
public sealed class DerivedZoneStatistics : IReadOnlyList<ZoneStatistics>
{
    private readonly StatisticsAccumulator _total;

    internal DerivedZoneStatistics(StatisticsAccumulator total) => _total = total;

    public int Count => _total.ZoneCount;

    public ZoneStatistics this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return ZonalStatistics.Derive(_total, index);
        }
    }

    public IEnumerator<ZoneStatistics> GetEnumerator()
    {
        for (var z = 0; z < Count; z++) yield return ZonalStatistics.Derive(_total, z);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
