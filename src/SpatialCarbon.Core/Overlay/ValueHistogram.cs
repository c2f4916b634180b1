using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Coverage-weighted amount per distinct raster value: a flat array for the small whole numbers land-cover
/// classes use (0–255), a dictionary for anything else.</summary>
public sealed class ValueHistogram
{
    private const int DenseSize = 256;
    private readonly double[] _dense = new double[DenseSize];
    private readonly bool[] _denseSeen = new bool[DenseSize];
    private Dictionary<double, double>? _sparse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value, double amount)
    {
        var k = (int)value;
        if ((uint)k < DenseSize && k == value)
        {
            _dense[k] += amount;
            _denseSeen[k] = true;
            return;
        }

        AddSparse(value, amount);
    }

    public void Merge(ValueHistogram other)
    {
        for (var k = 0; k < DenseSize; k++)
        {
            _dense[k] += other._dense[k];
            _denseSeen[k] |= other._denseSeen[k];
        }

        if (other._sparse is null) return;
        foreach (var (v, a) in other._sparse) AddSparse(v, a);
    }

    /// <summary>Every value seen (with positive coverage), ascending, with its amount.</summary>
    public SortedDictionary<double, double> ToSorted()
    {
        var sorted = new SortedDictionary<double, double>();
        for (var k = 0; k < DenseSize; k++)
        {
            if (_denseSeen[k]) sorted[k] = _dense[k];
        }

        if (_sparse is not null)
        {
            foreach (var (v, a) in _sparse) sorted[v] = a;
        }

        return sorted;
    }

    private void AddSparse(double value, double amount)
    {
        _sparse ??= [];
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, value, out _);
        slot += amount;
    }
}
