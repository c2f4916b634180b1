using System.Runtime.CompilerServices;

namespace SpatialCarbon.Core.Overlay;

/// <summary>Coverage-weighted amount per distinct raster value, in the order the values were first met. Zones see few
/// distinct values (land-cover classes), so it starts with room for four and looks values up by a linear scan that
/// tries the last value hit first; past <see cref="IndexedFrom"/> distinct values a dictionary finds the slot. A
/// million zones per worker thus cost a few hundred bytes each, not a 2 KB table.</summary>
public sealed class ValueHistogram
{
    /// <summary>Distinct values from which a dictionary replaces the linear scan.</summary>
    private const int IndexedFrom = 16;

    private double[] _values = new double[4];
    private double[] _amounts = new double[4];
    private int _count;
    private int _last;
    private Dictionary<double, int>? _index;

    /// <summary>Distinct values held.</summary>
    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value, double amount)
    {
        var last = _last;
        if (last < _count && _values[last] == value)
        {
            _amounts[last] += amount;
            return;
        }

        AddSlow(value, amount);
    }

    public void Merge(ValueHistogram other)
    {
        for (var i = 0; i < other._count; i++) Add(other._values[i], other._amounts[i]);
    }

    /// <summary>Writes each slot as (value, amount), in slot order, to <paramref name="destination"/> (2 × <see cref="Count"/>
    /// doubles); adding them in that order to an empty histogram gives this one back.</summary>
    public void CopySlots(Span<double> destination)
    {
        for (var i = 0; i < _count; i++)
        {
            destination[2 * i] = _values[i];
            destination[2 * i + 1] = _amounts[i];
        }
    }

    /// <summary>Every value seen (with positive coverage), ascending, with its amount.</summary>
    public (double[] Values, double[] Amounts) ToSorted()
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            // Amounts are coverages (> 0), so a value was seen exactly when its amount is positive.
            if (_amounts[i] > 0) n++;
        }

        var values = new double[n];
        var amounts = new double[n];
        n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!(_amounts[i] > 0)) continue;
            values[n] = _values[i];
            amounts[n++] = _amounts[i];
        }

        Array.Sort(values, amounts);
        return (values, amounts);
    }

    private void AddSlow(double value, double amount)
    {
        var slot = Find(value);
        if (slot < 0)
        {
            slot = _count++;
            if (slot == _values.Length)
            {
                Array.Resize(ref _values, slot * 2);
                Array.Resize(ref _amounts, slot * 2);
            }

            // -0 and 0 are one value; + 0.0 keeps the positive zero as the key, as whole-number tables did.
            _values[slot] = value + 0.0;
            if (_index is not null) _index[_values[slot]] = slot;
            else if (_count > IndexedFrom)
            {
                _index = new Dictionary<double, int>(_count * 2);
                for (var i = 0; i < _count; i++) _index[_values[i]] = i;
            }
        }

        _amounts[slot] += amount;
        _last = slot;
    }

    private int Find(double value)
    {
        if (_index is not null) return _index.TryGetValue(value, out var slot) ? slot : -1;
        for (var i = 0; i < _count; i++)
        {
            // NaN (a NaN default value) is one value too, as the dictionary keyed tables had it.
            var v = _values[i];
            if (v == value || (double.IsNaN(v) && double.IsNaN(value))) return i;
        }

        return -1;
    }
}
