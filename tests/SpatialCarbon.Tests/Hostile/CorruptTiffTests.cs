using System.Buffers.Binary;
using SpatialCarbon.Cli;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Hostile;

/// <summary>Forged TIFF structures (from a valid little-endian stripped fixture) are refused with exit 2 and one line
/// naming the file and the structure at fault; none crashes, hangs or reads garbage.</summary>
public sealed class CorruptTiffTests
{
    private static readonly byte[] Valid = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "geotiff", "int_Byte_strip_none.tif"));

    private static uint Ifd => BinaryPrimitives.ReadUInt32LittleEndian(Valid.AsSpan(4));

    private static int EntryCount => BinaryPrimitives.ReadUInt16LittleEndian(Valid.AsSpan((int)Ifd));

    /// <summary>(offset of the entry, tag, type, count, value-or-offset) for each IFD entry.</summary>
    private static IEnumerable<(int Off, int Tag, int Type, uint Count, uint Value)> Entries()
    {
        for (var i = 0; i < EntryCount; i++)
        {
            var off = (int)Ifd + 2 + 12 * i;
            var s = Valid.AsSpan(off);
            yield return (off, BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]),
                BinaryPrimitives.ReadUInt32LittleEndian(s[4..]), BinaryPrimitives.ReadUInt32LittleEndian(s[8..]));
        }
    }

    private static string Forge(string name, Action<byte[]> patch)
    {
        var bytes = (byte[])Valid.Clone();
        patch(bytes);
        var path = Path.Combine(TestEnvironment.TempDir("corrupt-tiff"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void PatchTag(byte[] b, int tag, Action<byte[], int, int, uint, uint> patch)
    {
        foreach (var e in Entries())
            if (e.Tag == tag) patch(b, e.Off, e.Type, e.Count, e.Value);
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "ifd_loop", "loops back on itself" },
        { "ifd_count_65535", "points outside the file" },
        { "strips_past_eof", "past the end of the file" },
        { "pixelscale_nan", "ModelPixelScale: pixel size is not a finite number" },
        { "pixelscale_zero", "ModelPixelScale: pixel size is zero" },
    };

    private static string Make(string name) => name switch
    {
        "ifd_loop" => Forge(name, b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)Ifd + 2 + 12 * EntryCount), Ifd)),
        "ifd_count_65535" => Forge(name, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan((int)Ifd), 65535)),
        "strips_past_eof" => Forge(name, b => PatchTag(b, 273, (bytes, off, _, count, value) =>
        {
            for (var k = 0; k < count; k++)
            {
                var at = count == 1 ? off + 8 : (int)value + 4 * k;
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), (uint)(bytes.Length + 1000 + k));
            }
        })),
        "pixelscale_nan" => Forge(name, b => PatchTag(b, 33550, (bytes, _, _, _, value) =>
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan((int)value), double.NaN))),
        "pixelscale_zero" => Forge(name, b => PatchTag(b, 33550, (bytes, _, _, _, value) =>
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan((int)value), 0);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan((int)value + 8), 0);
        })),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forged_structure_is_refused_in_one_line(string name, string expected)
    {
        var path = Make(name);
        var before = File.ReadAllBytes(path);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), ["info", path, "--json"], stdout, stderr);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, code);
        var line = Assert.Single(lines);
        Assert.Contains(path, line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Exception", line);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
