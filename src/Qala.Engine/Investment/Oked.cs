using System.Globalization;

namespace Qala.Engine.Investment;

/// <summary>
/// A code of Kazakhstan's general classifier of economic activities (ОКЭД/ЭҚЖЖ), built on NACE Rev. 2: a division
/// (two digits), group (<c>NN.N</c>), class (<c>NN.NN</c>) or the national subclass (<c>NN.NN.N</c>). Subclasses are
/// also written without dots (<c>10711</c> = 10.71.1). Only the divisions the classifier has are accepted; whether a
/// group or class exists within its division is not checked here.
/// </summary>
public static class Oked
{
    // The divisions of NACE Rev. 2, which the classifier keeps, by section.
    private static readonly (char Section, int From, int To)[] Divisions =
    [
        ('A', 1, 3), ('B', 5, 9), ('C', 10, 33), ('D', 35, 35), ('E', 36, 39), ('F', 41, 43), ('G', 45, 47), ('H', 49, 53),
        ('I', 55, 56), ('J', 58, 63), ('K', 64, 66), ('L', 68, 68), ('M', 69, 75), ('N', 77, 82), ('O', 84, 84), ('P', 85, 85),
        ('Q', 86, 88), ('R', 90, 93), ('S', 94, 96), ('T', 97, 98), ('U', 99, 99),
    ];

    /// <summary>
    /// The code in its dotted form (<c>10.71.1</c>), or null when <paramref name="value"/> is not a code of an existing
    /// division in one of the accepted forms. Surrounding spaces are ignored.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var text = (value ?? string.Empty).Trim();
        if (text.Length == 5 && text.All(char.IsAsciiDigit))
        {
            text = $"{text[..2]}.{text[2..4]}.{text[4]}";
        }

        var parts = text.Split('.');
        var shapeOk = parts.Length switch
        {
            1 => parts[0].Length == 2,
            2 => parts[0].Length == 2 && parts[1].Length is 1 or 2,
            3 => parts[0].Length == 2 && parts[1].Length == 2 && parts[2].Length == 1,
            _ => false,
        };
        if (!shapeOk || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        return SectionOf(int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture)) is null ? null : text;
    }

    public static bool IsValid(string? value) => Normalize(value) is not null;

    /// <summary>The section letters A–U, in order.</summary>
    public static IReadOnlyList<char> Sections { get; } = [.. Divisions.Select(d => d.Section)];

    /// <summary>The two-digit divisions of a section (<c>"10"</c>…<c>"33"</c> for C), empty for a letter that is no section.</summary>
    public static IReadOnlyList<string> DivisionsOf(char section) =>
        [.. Divisions.Where(d => d.Section == char.ToUpperInvariant(section))
            .SelectMany(d => Enumerable.Range(d.From, d.To - d.From + 1)).Select(n => n.ToString("00", CultureInfo.InvariantCulture))];

    /// <summary>The section letter (A–U) of a division, or null for a number the classifier has no division for.</summary>
    public static char? SectionOf(int division)
    {
        foreach (var (section, from, to) in Divisions)
        {
            if (division >= from && division <= to)
            {
                return section;
            }
        }

        return null;
    }
}
