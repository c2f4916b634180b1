using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpatialCarbon.Core.Overlay;

/// <summary>A zone's amount per class, ascending by class, in two flat arrays: a million zones' fractions cost a few
/// dozen bytes each instead of a tree of nodes. Read-only; looked up by binary search.</summary>
public sealed class ClassFractions : IReadOnlyDictionary<double, double>
{
    private readonly double[] _classes;
    private readonly double[] _values;

    /// <param name="classes">Distinct classes, ascending.</param>
    /// <param name="values">The value of each class.</param>
    public ClassFractions(double[] classes, double[] values)
    {
        if (classes.Length != values.Length) throw new ArgumentException("one value per class", nameof(values));
        _classes = classes;
        _values = values;
    }

    /// <summary>No class at all (a zone that covers no valid cell, or a statistic not asked).</summary>
    public static ClassFractions Empty { get; } = new([], []);

    public double this[double key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"class {key}");

    public IEnumerable<double> Keys => _classes;

    public IEnumerable<double> Values => _values;

    public int Count => _classes.Length;

    public bool ContainsKey(double key) => Array.BinarySearch(_classes, key) >= 0;

    public bool TryGetValue(double key, [MaybeNullWhen(false)] out double value)
    {
        var i = Array.BinarySearch(_classes, key);
        value = i >= 0 ? _values[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<double, double>> GetEnumerator()
    {
        for (var i = 0; i < _classes.Length; i++) yield return new(_classes[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
