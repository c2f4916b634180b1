using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpatialCarbon.Core.Vector;

/// <summary>One feature's attribute values over field names shared by the whole layer: a million features cost one
/// small array each instead of a hash table each. Read-only; names match exactly (ordinal), as the readers' own
/// dictionaries did.</summary>
public sealed class FieldValues : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _names;
    private readonly object?[] _values;

    /// <param name="names">The layer's field names (shared, not copied).</param>
    /// <param name="values">This feature's value of each field.</param>
    public FieldValues(string[] names, object?[] values)
    {
        if (names.Length != values.Length) throw new ArgumentException("one value per field", nameof(values));
        _names = names;
        _values = values;
    }

    public object? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"no field '{key}'");

    public IEnumerable<string> Keys => _names;

    public IEnumerable<object?> Values => _values;

    public int Count => _names.Length;

    public bool ContainsKey(string key) => Array.IndexOf(_names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = Array.IndexOf(_names, key);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++) yield return new(_names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
