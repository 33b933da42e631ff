namespace Qala.Web.Infrastructure.Imports;

/// <summary>A column of an import file: its 0-based position, the letter a spreadsheet shows for it, and its header name.</summary>
public sealed record TabularColumn(int Index, string Name)
{
    /// <summary>The spreadsheet letter of the column: A for the first, Z, AA, AB… after it.</summary>
    public string Letter => LetterOf(Index);

    /// <summary>The 1-based position, as a person counts columns.</summary>
    public int Number => Index + 1;

    public static string LetterOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[8];
        var position = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--position] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[position..]);
    }

    /// <summary>The 0-based index of a column from the letters of a cell reference such as "D7" or "AB12"; -1 if there are none.</summary>
    public static int IndexOfReference(ReadOnlySpan<char> reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (upper - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }
}
