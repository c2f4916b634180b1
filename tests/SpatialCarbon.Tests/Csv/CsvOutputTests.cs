using SpatialCarbon.Core;
using SpatialCarbon.Core.Csv;

namespace SpatialCarbon.Tests.Csv;

public class CsvOutputTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+86 25", "'+86 25")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("南京市", "南京市")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_cells_that_a_spreadsheet_would_run_get_an_apostrophe(string value, string written)
    {
        Assert.Equal(written, CsvOutput.Text(value));
    }

    [Fact]
    public void Written_table_quotes_what_needs_it_and_keeps_numbers_round_trip()
    {
        var output = new StringWriter();
        CsvOutput.Write(output, ["id", "=x"], [
            [CsvOutput.Text("=HYPERLINK(\"http://x\")"), CsvOutput.Number(0.1 + 0.2)],
            [CsvOutput.Text("a,b"), CsvOutput.Number(double.NaN)],
            [CsvOutput.Text("plain"), CsvOutput.Number(-1.5e-7)],
        ]);

        // RFC 4180 by hand: quotes doubled, cells with a comma or quote quoted; 0.1 + 0.2 = 0.30000000000000004.
        Assert.Equal(
            "id,'=x\n\"'=HYPERLINK(\"\"http://x\"\")\",0.30000000000000004\n\"a,b\",\nplain,-1.5E-07\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Table_reads_quoted_cells_and_reports_file_lines()
    {
        var table = CsvTable.Read(new StringReader("lucode, name ,c_above\n\n1,\"forest, mixed\",80.5\n2,\"say \"\"hi\"\"\",x\n"), "t.csv");

        Assert.Equal(["lucode", "name", "c_above"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("forest, mixed", CsvTable.Cell(table.Rows[0].Cells, table.Require("NAME")));
        Assert.Equal("say \"hi\"", CsvTable.Cell(table.Rows[1].Cells, 1));
        Assert.Equal(80.5, table.Number(table.Rows[0], 2));
        Assert.Equal(3, table.Rows[0].Line);
        var e = Assert.Throws<InputException>(() => table.Number(table.Rows[1], 2));
        Assert.Contains("line 4, column 'c_above'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_longer_than_the_header_are_refused_with_their_line()
    {
        var e = Assert.Throws<InputException>(() => CsvTable.Read(new StringReader("a,b\n1,2\n1,2,3\n"), "t.csv"));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }
}
