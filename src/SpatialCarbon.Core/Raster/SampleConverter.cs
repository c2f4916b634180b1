using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpatialCarbon.Core.Raster;

/// <summary>Converts raw native-order samples to doubles and back (with rounding and saturation for integer types).</summary>
internal static class SampleConverter
{
    /// <summary>Reads destination.Length samples starting at sample <paramref name="first"/>, every <paramref name="stride"/>th.</summary>
    public static void ToDouble(RasterDataType type, byte[] data, int first, int stride, Span<double> destination)
    {
        switch (type)
        {
            case RasterDataType.Byte:
                if (stride == 1) BytesToDouble(data.AsSpan(first, destination.Length), destination);
                else for (int i = 0, s = first; i < destination.Length; i++, s += stride) destination[i] = data[s];
                break;
            case RasterDataType.UInt16:
                Copy(MemoryMarshal.Cast<byte, ushort>(data), first, stride, destination);
                break;
            case RasterDataType.Int16:
                Copy(MemoryMarshal.Cast<byte, short>(data), first, stride, destination);
                break;
            case RasterDataType.UInt32:
                Copy(MemoryMarshal.Cast<byte, uint>(data), first, stride, destination);
                break;
            case RasterDataType.Int32:
                Copy(MemoryMarshal.Cast<byte, int>(data), first, stride, destination);
                break;
            case RasterDataType.Float32:
                Copy(MemoryMarshal.Cast<byte, float>(data), first, stride, destination);
                break;
            case RasterDataType.Float64:
                var d = MemoryMarshal.Cast<byte, double>(data);
                if (stride == 1) d.Slice(first, destination.Length).CopyTo(destination);
                else for (int i = 0, s = first; i < destination.Length; i++, s += stride) destination[i] = d[s];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>Bytes to doubles 16 at a time (byte rasters are the common land-cover case, decoded block by block).</summary>
    private static void BytesToDouble(ReadOnlySpan<byte> source, Span<double> destination)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var dst = ref MemoryMarshal.GetReference(destination);
            for (; i + 16 <= source.Length; i += 16)
            {
                var (lo16, hi16) = Vector128.Widen(Vector128.Create(source.Slice(i, 16)));
                Widen(Vector128.WidenLower(lo16), ref Unsafe.Add(ref dst, i));
                Widen(Vector128.WidenUpper(lo16), ref Unsafe.Add(ref dst, i + 4));
                Widen(Vector128.WidenLower(hi16), ref Unsafe.Add(ref dst, i + 8));
                Widen(Vector128.WidenUpper(hi16), ref Unsafe.Add(ref dst, i + 12));
            }
        }

        for (; i < source.Length; i++) destination[i] = source[i];
    }

    private static void Widen(Vector128<uint> four, ref double destination)
    {
        var (lo, hi) = Vector128.Widen(Vector128.ConvertToSingle(four.AsInt32()));
        lo.StoreUnsafe(ref destination);
        hi.StoreUnsafe(ref Unsafe.Add(ref destination, 2));
    }

    /// <summary>Writes doubles as samples of <paramref name="type"/> into <paramref name="data"/> from sample
    /// <paramref name="first"/>; integers are rounded half away from zero and clamped to the type's range.</summary>
    public static void FromDouble(RasterDataType type, ReadOnlySpan<double> source, byte[] data, int first)
    {
        switch (type)
        {
            case RasterDataType.Byte:
                for (var i = 0; i < source.Length; i++) data[first + i] = (byte)Clamp(source[i], byte.MinValue, byte.MaxValue);
                break;
            case RasterDataType.UInt16:
                var u16 = MemoryMarshal.Cast<byte, ushort>(data.AsSpan());
                for (var i = 0; i < source.Length; i++) u16[first + i] = (ushort)Clamp(source[i], ushort.MinValue, ushort.MaxValue);
                break;
            case RasterDataType.Int16:
                var i16 = MemoryMarshal.Cast<byte, short>(data.AsSpan());
                for (var i = 0; i < source.Length; i++) i16[first + i] = (short)Clamp(source[i], short.MinValue, short.MaxValue);
                break;
            case RasterDataType.UInt32:
                var u32 = MemoryMarshal.Cast<byte, uint>(data.AsSpan());
                for (var i = 0; i < source.Length; i++) u32[first + i] = (uint)Clamp(source[i], uint.MinValue, uint.MaxValue);
                break;
            case RasterDataType.Int32:
                var i32 = MemoryMarshal.Cast<byte, int>(data.AsSpan());
                for (var i = 0; i < source.Length; i++) i32[first + i] = (int)Clamp(source[i], int.MinValue, int.MaxValue);
                break;
            case RasterDataType.Float32:
                var f32 = MemoryMarshal.Cast<byte, float>(data.AsSpan());
                for (var i = 0; i < source.Length; i++) f32[first + i] = (float)source[i];
                break;
            case RasterDataType.Float64:
                source.CopyTo(MemoryMarshal.Cast<byte, double>(data.AsSpan()).Slice(first, source.Length));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>Fills <paramref name="count"/> samples from <paramref name="first"/> with one value.</summary>
    public static void Fill(RasterDataType type, double value, byte[] data, int first, int count)
    {
        Span<double> one = [value];
        var sample = new byte[type.SizeInBytes()];
        FromDouble(type, one, sample, 0);
        for (var i = 0; i < count; i++) sample.CopyTo(data, (first + i) * sample.Length);
    }

    private static double Clamp(double v, double min, double max) =>
        double.IsNaN(v) ? 0 : Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), min, max);

    private static void Copy<T>(ReadOnlySpan<T> src, int first, int stride, Span<double> destination)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (int i = 0, s = first; i < destination.Length; i++, s += stride) destination[i] = double.CreateTruncating(src[s]);
    }
}
