using Spectre.Console;
using Spectre.Console.Rendering;

namespace SpatialCarbon.Cli;

/// <summary>Prints Spectre.Console tables to any TextWriter (stdout, a test's StringWriter) as plain text: no colour or
/// escape codes, so redirected output stays readable and comparable.</summary>
internal static class TextTables
{
    /// <summary>A table with a simple rule under the header and the given columns (numbers right-aligned by the caller).</summary>
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in columns) table.AddColumn(new TableColumn(Markup.Escape(c)));
        return table;
    }

    /// <summary>Adds a row of plain strings (markup characters in them are escaped).</summary>
    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
        return table;
    }

    /// <summary>Right-aligns <paramref name="count"/> columns from <paramref name="first"/> on (numbers).</summary>
    public static Table RightAligned(this Table table, int first, int count = 1)
    {
        for (var i = first; i < first + count; i++) table.Columns[i].RightAligned();
        return table;
    }

    /// <summary>Renders <paramref name="renderable"/> as plain text to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        console.Write(renderable);
    }
}
