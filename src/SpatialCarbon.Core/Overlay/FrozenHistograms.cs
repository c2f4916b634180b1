namespace SpatialCarbon.Core.Overlay;

/// <summary>The histograms of finished zones, packed into shared arrays: per zone its distinct values and amounts
/// (16 B each) instead of a <see cref="ValueHistogram"/> object with two spare-room arrays (~160 B), for the rest of
/// the run. Read back as a new <see cref="ValueHistogram"/> with the same values and amounts in the same order.</summary>
internal sealed class FrozenHistograms
{
    /// <summary>Doubles per chunk (512 KiB).</summary>
    private const int ChunkLength = 1 << 16;

    private readonly int[] _start;
    private readonly List<double[]> _chunks = [];
    private int _used = ChunkLength;

    public FrozenHistograms(int zoneCount)
    {
        _start = new int[zoneCount];
        Array.Fill(_start, -1);
    }

    public bool Holds(int zone) => _start[zone] >= 0;

    /// <summary>False for a histogram longer than a chunk (tens of thousands of distinct values), which stays as it is.</summary>
    public static bool Fits(ValueHistogram histogram) => 1 + 2 * histogram.Count <= ChunkLength;

    /// <summary>Packs <paramref name="histogram"/> as zone <paramref name="zone"/>'s (replacing any earlier one).</summary>
    public void Freeze(int zone, ValueHistogram histogram)
    {
        var length = 1 + 2 * histogram.Count;
        if (_used + length > ChunkLength)
        {
            _chunks.Add(new double[ChunkLength]);
            _used = 0;
        }

        var chunk = _chunks[^1];
        chunk[_used] = histogram.Count;
        histogram.CopySlots(chunk.AsSpan(_used + 1, length - 1));
        _start[zone] = checked((_chunks.Count - 1) * ChunkLength + _used);
        _used += length;
    }

    /// <summary>Zone <paramref name="zone"/>'s histogram as a new object, or null when none is held.</summary>
    public ValueHistogram? Thaw(int zone)
    {
        var start = _start[zone];
        if (start < 0) return null;
        var chunk = _chunks[start / ChunkLength];
        var offset = start % ChunkLength;
        var count = (int)chunk[offset];
        var histogram = new ValueHistogram();
        for (var i = 0; i < count; i++) histogram.Add(chunk[offset + 1 + 2 * i], chunk[offset + 2 + 2 * i]);
        return histogram;
    }

    /// <summary>Forgets zone <paramref name="zone"/>'s histogram (its space is not reused).</summary>
    public void Drop(int zone) => _start[zone] = -1;
}
