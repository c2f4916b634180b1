using System.Buffers;
using System.Globalization;
using nietras.SeparatedValues;

namespace SpatialCarbon.Core.Csv;

/// <summary>Writes CSV tables through Sep: RFC 4180 quoting where a cell needs it, numbers in invariant culture at
/// round-trip precision with NaN as an empty cell, and text cells that a spreadsheet would run as a formula (starting
/// with = + - @, tab or CR) prefixed with an apostrophe.</summary>
public static class CsvOutput
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>A text cell (an id, a name, a header) made safe to open in a spreadsheet.</summary>
    public static string Text(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>A number cell: invariant culture, round-trip ("R"); NaN (undefined) is left empty.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer cell in invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the header (as text cells) and the rows, whose cells are already formatted with
    /// <see cref="Text"/> or <see cref="Number(double)"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(output, leaveOpen: true);
        WriteRow(writer, header.Select(Text).ToArray());
        foreach (var row in rows) WriteRow(writer, row);
    }

    /// <summary>Writes the table to <paramref name="path"/> through a temporary sibling, so no partial file is left.</summary>
    public static void WriteFile(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        OutputFile.WriteText(path, w => Write(w, header, rows));

    private static void WriteRow(SepWriter writer, IReadOnlyList<string> cells)
    {
        using var row = writer.NewRow();
        for (var i = 0; i < cells.Count; i++) row[i].Set(cells[i]);
    }
}
