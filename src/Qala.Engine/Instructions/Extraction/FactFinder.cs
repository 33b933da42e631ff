using System.Globalization;
using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>
/// Finds counts, amounts, shares and measures: a number in digits ("20,9", "12,500", "1.7", "12 500") or in words
/// ("five", "бір", "one-third", "a quarter of"), an optional scale (thousand, млн, миллиард) and a unit (%, tenge, a
/// counted noun). Years, dates, windows of time ("in 7 years since…"), ranks ("list of 30"), numbers in names
/// ("Industry 4.0", "Almaty-2020", «7-20-25», "2020 Business Roadmap"), phone numbers and addresses are left out.
/// </summary>
internal sealed class FactFinder(string text, List<Token> tokens, Language language, Lexicon lexicon, List<DateMention> dates)
{
    private static readonly HashSet<string> NotUnits =
        ["of", "the", "and", "or", "in", "to", "is", "was", "are", "were", "by", "for", "on", "at", "from", "with", "as", "than",
         "и", "в", "на", "по", "с", "из", "до", "от", "за", "не", "или", "мен", "және", "бен", "пен", "да", "де"];

    private static readonly HashSet<string> Prepositions = ["in", "of", "to", "by", "until", "since", "from", "for", "till", "в", "до", "к", "с", "по", "на", "since", "after", "before"];

    private static readonly string[] AdjectiveEndings = ["al", "ive", "ic", "ous", "ful", "ary", "ern", "ible", "able"];

    public List<FactProposal> Find()
    {
        var masked = new bool[tokens.Count];
        foreach (var date in dates)
        {
            for (var i = date.First; i <= date.Last; i++)
            {
                masked[i] = true;
            }
        }

        var facts = new List<FactProposal>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (masked[i] || Read(i) is not { } fact)
            {
                continue;
            }

            facts.Add(new FactProposal(text[tokens[fact.First].Start..tokens[fact.Last].End], tokens[fact.First].Start, tokens[fact.Last].End, fact.Value, fact.Scale, fact.Unit));
            i = fact.Last;
        }

        return facts;
    }

    private (int First, int Last, double Value, double Scale, string Unit)? Read(int i)
    {
        var t = tokens[i];
        if (lexicon.MatchAt("fraction", tokens, i) is { } fraction)
        {
            var follows = fraction.End < tokens.Count ? tokens[fraction.End].Norm : string.Empty;
            var ordinalBefore = i > 0 && tokens[i - 1].Norm is "first" or "second" or "third" or "fourth" or "last" or "next" or "each" or "per";
            return ordinalBefore || (language == Language.En && follows != "of")
                ? null
                : (First(i), fraction.End - 1, Value(fraction.Entry.Value), 1, "share");
        }

        double value;
        var next = i + 1;
        var inWords = false;
        if (t.IsNumber)
        {
            if (Excluded(i))
            {
                return null;
            }

            (value, next) = Number(i);
        }
        else if (t.Kind == TokenKind.Word && lexicon.MatchAt("number", tokens, i) is { } word && !(t.IsCapitalized && !StartsSentence(i)))
        {
            value = Value(word.Entry.Value);
            next = word.End;
            inWords = true;
        }
        else
        {
            return null;
        }

        var scale = 1.0;
        var last = next - 1;
        if (lexicon.MatchAt("scale", tokens, next) is { } scaleWord && tokens[next].Gap.Trim().Trim('.').Length == 0)
        {
            scale = Value(scaleWord.Entry.Value);
            last = scaleWord.End - 1;
            next = scaleWord.End;
        }

        if (inWords && scale == 1 && value < 2)
        {
            return null;
        }

        // "бір миллионнан астам халқы": an approximation word after the number.
        if (next < tokens.Count && lexicon.MatchAt("approximately", tokens, next) is { } after && scale > 1)
        {
            next = after.End;
        }

        if (next < tokens.Count && lexicon.MatchAt("unit", tokens, next) is { } unit && !tokens[next].Gap.Contains('\n', StringComparison.Ordinal))
        {
            return (First(i), unit.End - 1, value, scale, unit.Entry.Value);
        }

        // A currency sign before the number: "$2 billion", "₸500".
        if (i > 0 && tokens[i - 1].Kind == TokenKind.Symbol && t.Gap.Length == 0 && lexicon.MatchAt("unit", tokens, i - 1) is { } sign)
        {
            return (i - 1, last, value, scale, sign.Entry.Value);
        }

        var noun = next;
        while (noun + 1 < tokens.Count && noun < next + 2 && tokens[noun].Gap.Trim().Length == 0
               && (lexicon.MatchAt("adjective", tokens, noun) is not null || (language == Language.En && EnglishAdjective(tokens[noun]))))
        {
            noun++;
        }

        if (noun >= tokens.Count || tokens[noun].Gap.Trim().Length > 0 || tokens[noun].Kind != TokenKind.Word)
        {
            return scale > 1 ? (First(i), last, value, scale, string.Empty) : null;
        }

        var n = tokens[noun];
        if (n.Norm == "of" && noun + 1 < tokens.Count && tokens[noun + 1].Norm is "which" or "them" or "these" or "those")
        {
            return (i, noun + 1, value, scale, "of which");
        }

        if (n.IsCapitalized || NotUnits.Contains(n.Norm) || lexicon.MatchAt("rankafter", tokens, noun) is not null)
        {
            return scale > 1 ? (First(i), last, value, scale, string.Empty) : null;
        }

        if (lexicon.MatchAt("time", tokens, noun) is not null && !Approximated(i))
        {
            return null;
        }

        return (First(i), noun, value, scale, n.Raw.ToLowerInvariant());
    }

    private static bool EnglishAdjective(Token t) =>
        t.Kind == TokenKind.Word && !t.IsCapitalized && AdjectiveEndings.Any(e => t.Norm.EndsWith(e, StringComparison.Ordinal));

    private int First(int i) => i > 0 && tokens[i - 1].Norm is "the" or "a" && tokens[i].Gap.Trim().Length == 0 && lexicon.MatchAt("fraction", tokens, i) is not null ? i - 1 : i;

    private bool IsTimeAt(int k) => k < tokens.Count && lexicon.MatchAt("time", tokens, k) is not null;

    /// <summary>"about 74 years", "more than 200": a word of approximation just before the number.</summary>
    private bool Approximated(int i)
    {
        for (var back = 1; back <= 2 && i - back >= 0; back++)
        {
            if (lexicon.MatchAt("approximately", tokens, i - back) is { } m && m.End == i)
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsSentence(int i) => i == 0 || tokens[i].Gap.IndexOfAny(['.', '!', '?', '\n']) >= 0;

    /// <summary>Years, numbers in names, quotes, phone numbers and ranks.</summary>
    private bool Excluded(int i)
    {
        var t = tokens[i];
        var gap = t.Gap;
        if (gap.EndsWith('+') || gap.EndsWith('(') || gap.EndsWith('№') || gap.EndsWith('#') || gap.EndsWith('©')
            || (i + 1 < tokens.Count && tokens[i + 1].Gap.StartsWith(')')))
        {
            return true;
        }

        // A capitalised word just before, with no punctuation between: "Industry 4.0", "Almaty– 2020".
        if (i > 0 && tokens[i - 1].IsCapitalized && tokens[i - 1].Kind == TokenKind.Word && !StartsSentence(i - 1)
            && gap.Trim().Trim('-', '–', '—').Length == 0)
        {
            return true;
        }

        if (InShortQuote(t))
        {
            return true;
        }

        for (var back = 1; back <= 2 && i - back >= 0; back++)
        {
            if (lexicon.MatchAt("rank", tokens, i - back) is { } rank && rank.End == i)
            {
                return true;
            }
        }

        if (t.Raw.Length == 4 && int.TryParse(t.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var counted = next is { Kind: TokenKind.Word or TokenKind.Symbol } && !next.IsCapitalized && !IsTimeAt(i + 1)
                && (lexicon.MatchAt("scale", tokens, i + 1) is not null || lexicon.MatchAt("unit", tokens, i + 1) is not null
                    || (i > 0 && !Prepositions.Contains(tokens[i - 1].Norm) && !NotUnits.Contains(next.Norm) && lexicon.MatchAt("yearword", tokens, i + 1) is null));
            return !counted;
        }

        return false;
    }

    /// <summary>Inside «…» or "…" of at most 40 characters: a name ("«100 concrete steps»", «7-20-25»).</summary>
    private bool InShortQuote(Token t)
    {
        var open = text.LastIndexOfAny(['«', '"', '“'], t.Start, Math.Min(t.Start + 1, 40));
        if (open < 0 || text.IndexOfAny(['»', '”', '\n'], open, t.Start - open) >= 0)
        {
            return false;
        }

        var close = text.IndexOfAny(['»', '"', '”'], t.End, Math.Min(40, text.Length - t.End));
        return close >= 0 && text.IndexOf('\n', t.End, close - t.End) < 0;
    }

    /// <summary>
    /// The value of the number at <paramref name="i"/>: a comma before exactly three digits groups thousands
    /// ("12,500"), otherwise it is the decimal mark ("20,9"); "12 500" with a space is one number.
    /// </summary>
    private (double Value, int Next) Number(int i)
    {
        var raw = tokens[i].Raw;
        var next = i + 1;
        var grouped = raw.Length <= 3 && raw.All(char.IsDigit);
        while (grouped && next < tokens.Count && tokens[next].IsNumber && tokens[next].Raw.Length == 3 && tokens[next].Raw.All(char.IsDigit)
               && tokens[next].Gap is " " or "\u00a0" or "\u202f" or "\u2009")
        {
            raw += tokens[next].Raw;
            next++;
        }

        var groups = raw.Split(',', '.');
        var separators = raw.Where(c => c is ',' or '.').ToList();
        string normal;
        if (separators.Count == 0)
        {
            normal = raw;
        }
        else if (separators.Count > 1 && separators.Distinct().Count() == 1)
        {
            normal = raw.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        }
        else if (separators.Count > 1)
        {
            var decimalMark = separators[^1];
            normal = raw[..raw.LastIndexOf(decimalMark)].Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal)
                + "." + raw[(raw.LastIndexOf(decimalMark) + 1)..];
        }
        else
        {
            var thousands = separators[0] == ',' && groups[1].Length == 3 && groups[0] != "0";
            normal = thousands ? raw.Replace(",", string.Empty, StringComparison.Ordinal) : raw.Replace(',', '.');
        }

        return (double.Parse(normal, NumberStyles.Float, CultureInfo.InvariantCulture), next);
    }

    private static double Value(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
