using System.Globalization;
using Qala.Engine.Calendar;
using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>
/// Proposes, from a meeting's report or transcript in Kazakh, Russian or English, the meeting's date, place and
/// chair, the instructions given and the numeric facts stated. Deterministic and explainable: every instruction
/// carries the cue that fired, and the cues are the data files in <c>Lexicons/</c>. Pure: no I/O.
/// </summary>
public static class InstructionExtractor
{
    /// <summary>The longest text read, in characters; a meeting's transcript is far shorter.</summary>
    public const int MaxLength = 1_000_000;

    /// <param name="text">The meeting's text.</param>
    /// <param name="meetingDate">The meeting's date when the caller knows it; otherwise the first date in the text.
    /// Relative deadlines ("until the end of the year") resolve from it.</param>
    /// <param name="calendar">The working-day calendar that resolves "within 10 working days"; without it such a
    /// deadline stays as written, with no date.</param>
    public static MeetingExtraction Extract(string text, DateOnly? meetingDate = null, WorkingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new MeetingTextException("The text is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new MeetingTextException(string.Create(CultureInfo.InvariantCulture, $"The text has {text.Length:N0} characters; at most {MaxLength:N0} are read."));
        }

        var language = LanguageDetector.Detect(text);
        var lexicon = Lexicon.For(language);
        var tokens = Text.Tokenize(text, 0, text.Length, language);
        var dates = Dates.Find(tokens, lexicon);
        var sentences = Text.Sentences(text, lexicon);

        var instructionFinder = new InstructionFinder(text, tokens, language, lexicon);
        var found = new List<InstructionFinder.Found>();
        var next = 0;
        foreach (var (start, end) in sentences)
        {
            while (next < tokens.Count && tokens[next].Start < start)
            {
                next++;
            }

            var first = next;
            while (next < tokens.Count && tokens[next].End <= end)
            {
                next++;
            }

            found.AddRange(instructionFinder.Find(first, next, start, end));
        }

        var meeting = meetingDate ?? dates.FirstOrDefault(d => d.IsValid && !found.Any(f => d.First >= f.FirstToken && d.Last < f.EndToken))?.Date;
        var instructions = InstructionFinder.WithoutRepeatedHeadings(found)
            .Select(f =>
            {
                var deadline = Dates.Deadline(text, tokens, f.FirstToken, f.EndToken, dates, lexicon, meeting, calendar);
                var period = Period(tokens.GetRange(f.FirstToken, f.EndToken - f.FirstToken), lexicon);
                return new InstructionProposal(f.Text, f.Start, f.End, f.Addressee, deadline?.Text, deadline?.Due, f.Cue, period);
            })
            .ToList();

        var facts = new FactFinder(text, tokens, language, lexicon, dates).Find();
        return new MeetingExtraction(
            language.Code(),
            new MeetingProposal(meeting, MeetingPlace(tokens, lexicon), MeetingChair(tokens, language, lexicon, text)),
            instructions,
            facts);
    }

    /// <summary>
    /// "monthly" or "quarterly" when the clause asks for interim reports at that period ("report monthly",
    /// "ежемесячно информировать", "тоқсан сайын есеп беру"): a period word of the lexicon within four words of a
    /// reporting word, so that "the average monthly wage" proposes none. Null otherwise.
    /// </summary>
    private static string? Period(List<Token> words, Lexicon lexicon)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (lexicon.MatchAt("period", words, i) is not { } period)
            {
                continue;
            }

            var (from, to) = (Math.Max(0, i - 4), Math.Min(words.Count, period.End + 4));
            for (var k = from; k < to; k++)
            {
                if ((k < i || k >= period.End) && lexicon.MatchAt("informing", words, k) is not null)
                {
                    return period.Entry.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The place named most often (ties: the first named), from the lexicon's cities and regions.</summary>
    private static string? MeetingPlace(List<Token> tokens, Lexicon lexicon)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsCapitalized && lexicon.MatchAt("places", tokens, i) is { } place)
            {
                var name = place.Entry.Value;
                counts[name] = counts.TryGetValue(name, out var c) ? (c.Count + 1, c.First) : (1, i);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).First().Key;
    }

    private static readonly string[] Patronymics = ["vich", "vna", "ич", "вна", "ұлы", "қызы", "uly", "kyzy"];

    private static bool IsPatronymic(Token t) => Patronymics.Any(e => t.Raw.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] SurnameEndings =
        ["ov", "ev", "yev", "in", "ova", "eva", "ina", "uly", "kyzy", "ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы", "улы", "кызы"];

    /// <summary>
    /// The chair as a protocol names them ("Chaired by: …", "Председательствовал: …" to the end of the line or
    /// sentence), else the person named most often: a capitalised name followed by a surname (Tokayev, Назарбаев).
    /// </summary>
    private static string? MeetingChair(List<Token> tokens, Language language, Lexicon lexicon, string text)
    {
        if (lexicon.Find("chair", tokens) is { } cue && cue.End < tokens.Count && !tokens[cue.End].Gap.Contains('\n', StringComparison.Ordinal))
        {
            var last = cue.End;
            while (last + 1 < tokens.Count && tokens[last + 1].Gap.IndexOfAny(['\n', ';', ',']) < 0
                   && !(tokens[last + 1].Gap.Contains('.', StringComparison.Ordinal) && tokens[last].Raw.Length > 1))
            {
                last++;
            }

            return text[tokens[cue.End].Start..tokens[last].End];
        }

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (given, surname) = (tokens[i], tokens[i + 1]);
            if (given.Kind == TokenKind.Word && surname.Kind == TokenKind.Word && given.IsCapitalized && surname.IsCapitalized
                && string.IsNullOrWhiteSpace(surname.Gap) && !surname.Gap.Contains('\n', StringComparison.Ordinal)
                && SurnameEndings.Any(e => surname.Norm.EndsWith(Text.Normalize(e, language), StringComparison.Ordinal)) && given.Raw.Length > 2)
            {
                if (IsPatronymic(surname) && i + 2 < tokens.Count && tokens[i + 2].IsCapitalized && string.IsNullOrWhiteSpace(tokens[i + 2].Gap))
                {
                    continue;
                }

                // "Nursultan Abishevich Nazarbayev": a patronymic between the given name and the surname.
                var patronymic = i > 0 && tokens[i - 1].IsCapitalized && tokens[i - 1].Kind == TokenKind.Word && string.IsNullOrWhiteSpace(given.Gap)
                    && IsPatronymic(given);
                var name = patronymic ? $"{tokens[i - 1].Raw} {given.Raw} {surname.Raw}" : $"{given.Raw} {surname.Raw}";
                counts[name] = counts.TryGetValue(name, out var c) ? (c.Count + 1, c.First) : (1, i);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).First().Key;
    }
}
