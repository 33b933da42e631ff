namespace Qala.Engine.Investment;

/// <summary>
/// Kazakhstan's business identification number (БИН/БСН): twelve digits, the last a check digit. The check digit is
/// the weighted sum of the first eleven digits with weights 1…11, modulo 11; when that gives 10 the sum is taken again
/// with weights 3…11, 1, 2, and a second 10 means no number with those eleven digits is valid. Individual
/// identification numbers (ИИН) use the same rule.
/// </summary>
public static class Bin
{
    public const int Length = 12;

    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>Whether <paramref name="value"/> is twelve ASCII digits whose last one is the check digit of the others.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit) && CheckDigit(value.AsSpan(0, Length - 1)) == value[Length - 1] - '0';

    /// <summary>The check digit of eleven digits, or null when no check digit exists for them.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> first11)
    {
        if (first11.Length != Length - 1)
        {
            throw new ArgumentException("A check digit is computed from eleven digits.", nameof(first11));
        }

        var rest = Rest(first11, FirstWeights);
        if (rest == 10)
        {
            rest = Rest(first11, SecondWeights);
        }

        return rest == 10 ? null : rest;
    }

    /// <summary>What a person typed, without spaces and dashes, ready for <see cref="IsValid"/>.</summary>
    public static string Normalize(string? value) =>
        string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-'));

    private static int Rest(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                throw new ArgumentException("Only digits have a check digit.", nameof(digits));
            }

            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11;
    }
}
