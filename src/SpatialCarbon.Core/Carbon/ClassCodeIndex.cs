namespace SpatialCarbon.Core.Carbon;

/// <summary>Maps raster class codes (read as doubles) to dense indices 0..Count-1, with a flat lookup for codes in
/// 0..65535 so the per-pixel path is one array read.</summary>
public sealed class ClassCodeIndex
{
    /// <summary>Index returned for a value that is not a listed code.</summary>
    public const int Missing = -1;

    private const int DenseLimit = 65536;
    private readonly int[] _dense = new int[DenseLimit];
    private readonly Dictionary<int, int> _sparse = new();

    public ClassCodeIndex(IEnumerable<int> codes)
    {
        Array.Fill(_dense, Missing);
        var list = codes.ToArray();
        Codes = list;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is >= 0 and < DenseLimit) _dense[list[i]] = i;
            else _sparse[list[i]] = i;
        }
    }

    public IReadOnlyList<int> Codes { get; }

    public int Count => Codes.Count;

    /// <summary>Index of a raster value, or <see cref="Missing"/> for a value that is not a listed integer code.</summary>
    public int IndexOf(double value)
    {
        if (value >= 0 && value < DenseLimit)
        {
            var code = (int)value;
            return code == value ? _dense[code] : Missing;
        }

        return value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            && _sparse.TryGetValue((int)value, out var i) ? i : Missing;
    }
}
