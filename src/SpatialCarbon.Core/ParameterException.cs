namespace SpatialCarbon.Core;

/// <summary>Bad input in a parameter rather than a file: <see cref="Parameter"/> names it in domain words ("discount
/// rate", "alternate year"), so Core never quotes a command-line flag; the CLI and the HTTP API map the name to their
/// own spelling.</summary>
public sealed class ParameterException(string parameter, string? value, string problem)
    : InputException(parameter, value, problem)
{
    /// <summary>The parameter in domain words, e.g. "discount rate".</summary>
    public string Parameter { get; } = parameter;
}
