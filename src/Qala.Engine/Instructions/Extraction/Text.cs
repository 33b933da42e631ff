using System.Globalization;
using System.Text;
using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

internal enum TokenKind
{
    Word,
    Number,
    Symbol,
}

/// <summary>
/// A word, a number ("20,9", "12,500", "7-20-25" stays one word) or a symbol ("%", "$") at
/// <c>[Start, End)</c> of the input; <see cref="Gap"/> is the text between the previous token and this one (commas,
/// quotes, dashes), <see cref="Norm"/> the form that lexicons match.
/// </summary>
internal sealed record Token(int Start, int End, string Raw, string Norm, TokenKind Kind, string Gap)
{
    public bool IsCapitalized => Raw.Length > 0 && char.IsUpper(Raw[0]);

    public bool IsNumber => Kind == TokenKind.Number;
}

/// <summary>Tokens, normal forms and sentence bounds of a text.</summary>
internal static class Text
{
    // Kazakh Latin letters (the 2018 and 2021 alphabets and common informal spellings) and their Cyrillic letters.
    private const string LatinKazakh = "aáäbcçdefgǵğhiıjklmnńñoóöpqrsştuúüūvwxyýz";
    private const string CyrillicKazakh = "аәәбцчдефгғғхіыжклмнңңоөөпқрсштұүүұвухыуз";

    /// <summary>
    /// The form lexicons match: lower case, ё as е, typographic apostrophes as '. For Kazakh, Latin script is
    /// transliterated to Cyrillic and the letters that the scripts and spellings confuse are folded (ы і и й → і,
    /// ұ ү у → у, һ → х), so "tapsyrdy", "tapsırdı" and "тапсырды" match the same entry.
    /// </summary>
    public static string Normalize(string word, Language language = Language.En)
    {
        var lower = word.ToLowerInvariant().Replace('ё', 'е').Replace('’', '\'').Replace('ʼ', '\'');
        if (language != Language.Kk)
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var next = i + 1 < lower.Length ? lower[i + 1] : '\0';
            if (next == 'h' && c is 's' or 'c' or 'z' or 'k' or 'g')
            {
                builder.Append(c switch { 's' => 'ш', 'c' => 'ч', 'z' => 'ж', 'k' => 'х', _ => 'ғ' });
                i++;
                continue;
            }

            var latin = LatinKazakh.IndexOf(c, StringComparison.Ordinal);
            builder.Append(latin >= 0 ? CyrillicKazakh[latin] : c);
        }

        for (var i = 0; i < builder.Length; i++)
        {
            builder[i] = builder[i] switch
            {
                'ы' or 'и' or 'й' => 'і',
                'ұ' or 'ү' => 'у',
                'һ' => 'х',
                var other => other,
            };
        }

        return builder.ToString();
    }

    /// <summary>The tokens of <c>text[from..to)</c>.</summary>
    public static List<Token> Tokenize(string text, int from, int to, Language language)
    {
        var tokens = new List<Token>();
        var gapStart = from;
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (c is '%' or '$' or '€' or '₸')
            {
                tokens.Add(new Token(i, i + 1, c.ToString(), c.ToString(), TokenKind.Symbol, text[gapStart..i]));
                gapStart = ++i;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var digitsOnly = true;
            while (i < to)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                {
                    digitsOnly &= char.IsDigit(d);
                    i++;
                }
                else if (i + 1 < to && char.IsLetterOrDigit(text[i + 1]) && IsJoiner(d, text[i - 1], text[i + 1]))
                {
                    digitsOnly &= d is '.' or ',';
                    i++;
                }
                else
                {
                    break;
                }
            }

            var raw = text[start..i];
            tokens.Add(new Token(start, i, raw, Normalize(raw, language), digitsOnly ? TokenKind.Number : TokenKind.Word, text[gapStart..start]));
            gapStart = i;
        }

        return tokens;
    }

    // Hyphens and apostrophes join words ("Kassym-Jomart", "year's", "7-20-25"); a point or comma joins digits
    // ("20,9", "12,500", "1.7").
    private static bool IsJoiner(char c, char before, char after) => c switch
    {
        '-' or '‑' or '\'' or '’' => true,
        '.' or ',' => char.IsDigit(before) && char.IsDigit(after),
        _ => false,
    };

    /// <summary>
    /// Sentence bounds: after . ! ? … (and closing quotes) when a capital, digit, quote or dash follows, unless the
    /// point ends an abbreviation or an initial; at every blank line; at a line end unless the next line goes on in
    /// lower case; at a line that has no final punctuation (a heading).
    /// </summary>
    public static List<(int Start, int End)> Sentences(string text, Lexicon lexicon)
    {
        var bounds = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n')
            {
                var next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\t' or '\r' or '\u00a0')
                {
                    next++;
                }

                if (next >= text.Length || text[next] == '\n' || !char.IsLower(text[next]))
                {
                    end = i;
                }
            }
            else if (c is '.' or '!' or '?' or '…' && EndsSentence(text, i, lexicon))
            {
                end = i + 1;
                while (end < text.Length && text[end] is '"' or '»' or '”' or '\'' or ')' or '’')
                {
                    end++;
                }
            }
            else if (c == ';')
            {
                end = i + 1;
            }

            if (end >= 0)
            {
                Add(bounds, text, start, end);
                start = end;
                i = Math.Max(i, end - 1);
            }
        }

        Add(bounds, text, start, text.Length);
        return bounds;
    }

    private static bool EndsSentence(string text, int i, Lexicon lexicon)
    {
        var after = i + 1;
        while (after < text.Length && text[after] is '"' or '»' or '”' or '\'' or ')' or '’')
        {
            after++;
        }

        if (after < text.Length && text[after] is ',' or ';' or ':')
        {
            return false;
        }

        if (after < text.Length && !char.IsWhiteSpace(text[after]))
        {
            return false;
        }

        while (after < text.Length && text[after] is ' ' or '\u00a0' or '\t')
        {
            after++;
        }

        if (after < text.Length && !(char.IsUpper(text[after]) || char.IsDigit(text[after]) || text[after] is '"' or '«' or '“' or '-' or '–' or '—' or '\n' or '\r' or '('))
        {
            return false;
        }

        if (text[i] != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..i];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        return word.Length == 0 || !lexicon.Contains("abbreviation", Normalize(word));
    }

    private static void Add(List<(int, int)> bounds, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            bounds.Add((start, end));
        }
    }
}
