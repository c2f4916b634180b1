using System.Buffers.Binary;

namespace SpatialCarbon.Core.Vector;

/// <summary>A structural pass over a .shp before NetTopologySuite reads it: that reader trusts record lengths and
/// part/point counts, and loops or allocates without end on forged ones. Refuses a record that does not fit.</summary>
internal static class ShapefileStructure
{
    private const int HeaderBytes = 100;

    /// <summary>Throws <see cref="InputException"/> naming the record whose header or counts are impossible; leaves the
    /// stream at position 0.</summary>
    public static void Check(Stream shp, string path, string layer)
    {
        var length = shp.Length;
        Span<byte> head = stackalloc byte[HeaderBytes];
        shp.Position = 0;
        if (shp.ReadAtLeast(head, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            throw new InputException(path, $"layer {layer}", "the .shp is shorter than its 100-byte header");
        if (BinaryPrimitives.ReadInt32BigEndian(head) != 9994)
            throw new InputException(path, $"layer {layer}", "the .shp does not start with the shapefile code 9994");
        Span<byte> record = stackalloc byte[52];
        long offset = HeaderBytes;
        var index = 0;
        while (offset + 8 <= length)
        {
            shp.Position = offset;
            var got = shp.ReadAtLeast(record, 52, throwOnEndOfStream: false);
            var contentBytes = 2L * BinaryPrimitives.ReadInt32BigEndian(record[4..]);
            if (contentBytes < 4 || offset + 8 + contentBytes > length)
                throw Bad(path, layer, index, $"its length ({contentBytes:N0} bytes) runs past the end of the .shp");
            var type = got >= 12 ? BinaryPrimitives.ReadInt32LittleEndian(record[8..]) : 0;
            if (type is 3 or 5 or 13 or 15 or 23 or 25 or 31)
            {
                if (got < 52 || contentBytes < 44) throw Bad(path, layer, index, "it is too short for its shape type");
                long parts = BinaryPrimitives.ReadInt32LittleEndian(record[44..]);
                long points = BinaryPrimitives.ReadInt32LittleEndian(record[48..]);
                if (parts < 0 || points < 0 || 44 + 4 * parts + 16 * points > contentBytes)
                    throw Bad(path, layer, index, $"it declares {parts:N0} parts and {points:N0} points, more than its {contentBytes:N0} bytes hold");
            }
            else if (type is 8 or 18 or 28)
            {
                if (got < 44 || contentBytes < 40) throw Bad(path, layer, index, "it is too short for its shape type");
                long points = BinaryPrimitives.ReadInt32LittleEndian(record[44..]);
                if (points < 0 || 40 + 16 * points > contentBytes)
                    throw Bad(path, layer, index, $"it declares {points:N0} points, more than its {contentBytes:N0} bytes hold");
            }

            offset += 8 + contentBytes;
            index++;
        }

        shp.Position = 0;
    }

    private static InputException Bad(string path, string layer, int index, string problem) =>
        new(path, $"layer {layer} record {index}", $"corrupt .shp record: {problem}");
}
