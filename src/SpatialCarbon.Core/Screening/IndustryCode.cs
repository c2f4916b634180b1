namespace SpatialCarbon.Core.Screening;

/// <summary>GB/T 4754-2017 industry codes: a project's code is a class (4 digits), group (3) or division (2); a rule
/// names code prefixes, whole sections by their letter (C = manufacturing, divisions 13-43), a division within a
/// section ("N77"), or "*" for every industry.</summary>
public static class IndustryCode
{
    /// <summary>The divisions of each section (GB/T 4754-2017).</summary>
    private static readonly (char Section, int First, int Last)[] Sections =
    [
        ('A', 1, 5), ('B', 6, 12), ('C', 13, 43), ('D', 44, 46), ('E', 47, 50), ('F', 51, 52), ('G', 53, 60), ('H', 61, 62),
        ('I', 63, 65), ('J', 66, 69), ('K', 70, 70), ('L', 71, 72), ('M', 73, 75), ('N', 76, 79), ('O', 80, 82), ('P', 83, 83),
        ('Q', 84, 85), ('R', 86, 90), ('S', 91, 96), ('T', 97, 97),
    ];

    /// <summary>True when <paramref name="code"/> is 2 to 4 digits, optionally after its section letter.</summary>
    public static bool IsValidCode(string code) => Digits(code) is { Length: >= 2 and <= 4 } d && d.All(char.IsAsciiDigit) && SectionOf(d) is not null
        && (code.Length == d.Length || SectionOf(d) == char.ToUpperInvariant(code[0]));

    /// <summary>True when <paramref name="pattern"/> is "*", a section letter, or a (section-prefixed) digit prefix.</summary>
    public static bool IsValidPattern(string pattern) =>
        pattern == "*" || (pattern.Length == 1 && Sections.Any(s => s.Section == char.ToUpperInvariant(pattern[0])))
        || (Digits(pattern) is { Length: >= 1 and <= 4 } d && d.All(char.IsAsciiDigit)
            && (pattern.Length == d.Length || (d.Length >= 2 && SectionOf(d) == char.ToUpperInvariant(pattern[0]))));

    /// <summary>True when the project's <paramref name="code"/> falls under <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string code)
    {
        if (pattern == "*") return true;
        var digits = Digits(code);
        if (pattern.Length == 1 && char.IsAsciiLetter(pattern[0])) return SectionOf(digits) == char.ToUpperInvariant(pattern[0]);
        return digits.StartsWith(Digits(pattern), StringComparison.Ordinal);
    }

    /// <summary>The section letter of a code's division, or null when the division is not in the standard.</summary>
    public static char? SectionOf(string code)
    {
        var d = Digits(code);
        if (d.Length < 2 || !int.TryParse(d.AsSpan(0, 2), out var division)) return null;
        foreach (var s in Sections)
            if (division >= s.First && division <= s.Last) return s.Section;
        return null;
    }

    private static string Digits(string code) => code.Length > 0 && char.IsAsciiLetter(code[0]) ? code[1..] : code;
}
