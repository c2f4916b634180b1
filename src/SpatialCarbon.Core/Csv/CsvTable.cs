using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace SpatialCarbon.Core.Csv;

/// <summary>A small CSV table (header + rows) read whole: for pool and growth tables of a few hundred lines, never for
/// raster-sized data. Column lookup is case-insensitive; every cell remembers its 1-based line for error messages.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (!_columns.TryAdd(header[i], i))
                throw new InputException(path, "line 1", $"column '{header[i]}' appears twice");
        }
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows with their 1-based line numbers in the file.</summary>
    public IReadOnlyList<(int Line, string[] Cells)> Rows { get; }

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    public static CsvTable Read(TextReader reader, string path)
    {
        using var csv = Sep.New(',').Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
        }).From(reader);
        string[]? header = null;
        var rows = new List<(int, string[])>();
        foreach (var row in csv)
        {
            if (row.Span.Trim().Length == 0) continue;
            var cells = row[0..row.ColCount].ToStringsArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length > header.Length)
                throw new InputException(path, $"line {row.LineNumberFrom}", $"{cells.Length} values but the header has {header.Length} columns");
            rows.Add((row.LineNumberFrom, cells));
        }

        if (header is null) throw new InputException(path, null, "the table is empty (no header line)");
        return new CsvTable(path, header, rows);
    }

    /// <summary>Index of a column that must exist.</summary>
    public int Require(string column) => _columns.TryGetValue(column, out var i)
        ? i
        : throw new InputException(Path, "line 1", $"missing column '{column}' (have: {MessageList.Cut(Header)})");

    public int? Optional(string column) => _columns.TryGetValue(column, out var i) ? i : null;

    public static string Cell(string[] cells, int column) => column < cells.Length ? cells[column].Trim() : "";

    /// <summary>A finite number from a cell; an empty cell gives <paramref name="empty"/> when one is allowed.</summary>
    public double Number((int Line, string[] Cells) row, int column, double? empty = null)
    {
        var text = Cell(row.Cells, column);
        if (text.Length == 0 && empty is double d) return d;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new InputException(Path, $"line {row.Line}, column '{Header[column]}'",
            text.Length == 0 ? "empty, a number is required" : $"'{text}' is not a number");
    }

    public int Integer((int Line, string[] Cells) row, int column)
    {
        var text = Cell(row.Cells, column);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)
            && d is >= int.MinValue and <= int.MaxValue) return (int)d;
        throw new InputException(Path, $"line {row.Line}, column '{Header[column]}'", $"'{text}' is not an integer");
    }
}
