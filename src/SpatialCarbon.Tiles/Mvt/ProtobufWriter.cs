using System.Buffers.Binary;
using System.Text;

namespace SpatialCarbon.Tiles.Mvt;

/// <summary>The few protocol-buffer encodings MVT needs: varints, length-delimited fields, packed uint32, doubles.</summary>
internal sealed class ProtobufWriter
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => Written.ToArray();

    public void Clear() => Length = 0;

    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    public void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    public void VarintField(int field, ulong value)
    {
        Tag(field, 0);
        Varint(value);
    }

    public void BytesField(int field, ReadOnlySpan<byte> bytes)
    {
        Tag(field, 2);
        Varint((ulong)bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void StringField(int field, string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        Tag(field, 2);
        Varint((ulong)count);
        Ensure(count);
        Length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(Length));
    }

    public void DoubleField(int field, double value)
    {
        Tag(field, 1);
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(Length), value);
        Length += 8;
    }

    public void PackedField(int field, ReadOnlySpan<uint> values)
    {
        var size = 0;
        foreach (var v in values) size += VarintSize(v);
        Tag(field, 2);
        Varint((ulong)size);
        foreach (var v in values) Varint(v);
    }

    private static int VarintSize(uint v) => v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;

    private void Ensure(int extra)
    {
        if (Length + extra <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + extra));
    }
}
