namespace SpatialCarbon.Core;

/// <summary>Bad input from the user: a file, a record in it and what is wrong. The CLI maps it to exit code 2.</summary>
public class InputException : Exception
{
    public InputException(string path, string? record, string problem, Exception? inner = null)
        : base(Format(path, record, problem), inner)
    {
        Path = path;
        Record = record;
        Problem = problem;
    }

    /// <summary>The file (or option) the bad input came from.</summary>
    public string Path { get; }

    /// <summary>The record, layer, band or line inside the file, when there is one.</summary>
    public string? Record { get; }

    /// <summary>What is wrong, in one line.</summary>
    public string Problem { get; }

    private static string Format(string path, string? record, string problem) =>
        record is null ? $"{path}: {problem}" : $"{path}: {record}: {problem}";
}
