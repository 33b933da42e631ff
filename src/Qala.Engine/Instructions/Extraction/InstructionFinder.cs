using System.Text.RegularExpressions;
using Qala.Engine.Languages;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>
/// Decides whether a sentence directs someone to act, by three kinds of cue, in this order: a directive verb
/// ("instructed", "поручил", "тапсырды"), a modal or a necessity with an action ("it is necessary to begin",
/// "необходимо обеспечить", "әзірлеуге тиіс"), an imperative opening the clause ("Develop…", "Акимату разработать…",
/// "…әзірленсін"). Goals and states ("should become", "айналуы керек"), principles ("all decisions must…"), task
/// sets without content ("a number of tasks") and reported judgements do not count.
/// </summary>
internal sealed partial class InstructionFinder(string text, List<Token> all, Language language, Lexicon lexicon)
{
    /// <summary>A sentence found to direct: its span, addressee, cue, tokens <c>[FirstToken, EndToken)</c>, and whether it is a heading.</summary>
    public sealed record Found(int Start, int End, string Text, string? Addressee, string Cue, int FirstToken, int EndToken, bool IsHeading);

    private static readonly HashSet<string> Conjunctions = ["and", "but", "while", "whereas", "а", "и", "но", "ал", "және", "бірақ"];

    private static readonly HashSet<string> Subordinators = ["that", "which", "who", "что", "чтобы", "который", "которая", "которые", "деп"];

    private static readonly HashSet<string> EnglishAfterImperative = ["of", "for", "is", "was", "are", "were", "has", "have", "in", "and", "as", "at", "on", "with", "by"];

    private static readonly HashSet<string> EnglishPrepositions = ["in", "at", "on", "with", "as", "into", "towards", "toward", "further", "consistently", "dynamically", "steadily", "rapidly", "and", "by"];

    private static readonly HashSet<string> Participles =
        ["built", "done", "made", "taken", "held", "paid", "set", "put", "given", "spent", "sold", "brought", "bought", "kept", "left", "met", "sent", "shown", "won", "cut", "laid", "led", "found", "drawn", "begun", "run", "dug", "rebuilt", "torn", "withdrawn", "undertaken"];

    /// <summary>
    /// The instructions of one sentence over tokens <c>[first, end)</c> and characters <c>[start, stop)</c>: none, one, or
    /// one per clause when clauses joined by "and", "а", "ал"… or a semicolon direct different addressees.
    /// </summary>
    public List<Found> Find(int first, int end, int start, int stop)
    {
        if (end - first < 3)
        {
            return [];
        }

        var words = all.GetRange(first, end - first);
        var sentence = text[start..stop];
        if (lexicon.Find("contentless", words) is not null && !sentence.Contains(':', StringComparison.Ordinal))
        {
            return [];
        }

        if ((Directive(words, 0) ?? Modal(words, 0) ?? Imperative(words)) is not { } opening)
        {
            return [];
        }

        var cue = opening;
        var heading = !".!?…:;\"»”'".Contains(sentence.TrimEnd()[^1], StringComparison.Ordinal) && (stop >= text.Length || text[stop] is '\n' or '\r');
        var found = new List<Found>();
        var clauseStart = 0;
        while ((Directive(words, cue.End) ?? Modal(words, cue.End)) is { } next)
        {
            var boundary = ClauseBoundary(words, cue.End, next.At);
            if (boundary < 0 || next.Addressee is null || next.Addressee == cue.Addressee)
            {
                cue = cue with { End = next.End };
                continue;
            }

            var (spanStart, _) = Trim(words, words[clauseStart].Start, stop);
            var spanEnd = words[boundary - 1].End;
            found.Add(new Found(spanStart, spanEnd, text[spanStart..spanEnd], cue.Addressee, cue.Text, first + clauseStart, first + boundary, heading));
            clauseStart = boundary;
            cue = next;
        }

        var (lastStart, lastEnd) = Trim(words, clauseStart == 0 ? start : words[clauseStart].Start, stop);
        found.Add(new Found(lastStart, lastEnd, text[lastStart..lastEnd], cue.Addressee, cue.Text, first + clauseStart, end, heading));
        return [.. found.SelectMany(SplitSharedDirective)];
    }

    private static readonly string[] KazakhDatives = ["ға", "ге", "қа", "ке", "на", "не"];

    /// <summary>
    /// "I instruct the akimat to build X and the ministry to fund Y": clauses that share one directive verb but each
    /// name their own addressee and action are one item each. The item is split before each further addressee that
    /// opens a clause (after "and", "и", a comma or a semicolon) and has its own action, when the clause before it has
    /// one too — so "акимату, управлению образования обеспечить" (two addressees, one action) stays whole.
    /// </summary>
    private IEnumerable<Found> SplitSharedDirective(Found f)
    {
        if (!f.Cue.StartsWith("directive", StringComparison.Ordinal) || f.Addressee is null)
        {
            return [f];
        }

        var w = all.GetRange(f.FirstToken, f.EndToken - f.FirstToken);
        var parts = new List<Found>();
        var (partStart, partFirst, addressee) = (f.Start, 0, f.Addressee);
        for (var b = 2; b < w.Count - 2; b++)
        {
            var from = Conjunctions.Contains(w[b].Norm) ? b + 1 : b;
            if ((from == b && w[b].Gap.IndexOfAny([',', ';']) < 0) || !HasAction(w, partFirst, b)
                || FurtherAddressee(w, from) is not { } next || string.Equals(next, addressee, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A Kazakh addressee taken as the opening up to the comma is only the body in the dative once split.
            if (parts.Count == 0 && language == Language.Kk)
            {
                addressee = FurtherAddressee(w, 0) ?? addressee;
            }

            var end = w[b - 1].End;
            parts.Add(f with { Start = partStart, End = end, Text = text[partStart..end], Addressee = addressee, FirstToken = f.FirstToken + partFirst, EndToken = f.FirstToken + b });
            (partStart, partFirst, addressee, b) = (w[from].Start, from, next, from);
        }

        if (parts.Count == 0)
        {
            return [f];
        }

        parts.Add(f with { Start = partStart, Text = text[partStart..f.End], Addressee = addressee, FirstToken = f.FirstToken + partFirst });
        return parts;
    }

    /// <summary>Whether words <c>[from, to)</c> hold an action: "to" and a verb (en), an infinitive (ru), a verbal noun (kk).</summary>
    private bool HasAction(List<Token> w, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var action = language switch
            {
                Language.En => w[k].Norm == "to" && k + 1 < to && w[k + 1].Kind == TokenKind.Word,
                Language.Ru => IsRussianInfinitive(w[k]),
                Language.Kk => w[k].Kind == TokenKind.Word && KazakhVerbalNoun().IsMatch(w[k].Norm),
            };
            if (action)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The addressee opening a clause at word <paramref name="from"/> when an action of its own follows: "the Ministry
    /// of Finance to fund" (en), "министерству финансов выделить" (ru), "Қаржы министрлігіне" in the dative (kk).
    /// </summary>
    private string? FurtherAddressee(List<Token> w, int from)
    {
        if (from >= w.Count - 1)
        {
            return null;
        }

        switch (language)
        {
            case Language.En:
                for (var k = from + 1; k < Math.Min(w.Count - 1, from + 8); k++)
                {
                    if (w[k].Norm == "to")
                    {
                        return w[from].Norm == "the" && lexicon.Find("addressee", w.GetRange(from, k - from)) is not null && w[k + 1].Kind == TokenKind.Word
                            ? Words(w, from, k - 1) : null;
                    }
                }

                return null;
            case Language.Ru:
                if (lexicon.MatchAt("addressee", w, from) is null || !RussianDative().IsMatch(w[from].Norm))
                {
                    return null;
                }

                for (var k = from + 1; k < Math.Min(w.Count, from + 10); k++)
                {
                    if (IsRussianInfinitive(w[k]))
                    {
                        return Words(w, from, k - 1);
                    }
                }

                return null;
            case Language.Kk:
                for (var k = from; k < Math.Min(w.Count - 1, from + 4); k++)
                {
                    if (lexicon.MatchAt("addressee", w, k) is not null && KazakhDatives.Any(e => w[k].Raw.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        return Words(w, from, k);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The first word after <paramref name="from"/> and up to <paramref name="to"/> that opens a new clause: after a semicolon, or a conjunction after a comma.</summary>
    private static int ClauseBoundary(List<Token> w, int from, int to)
    {
        for (var b = Math.Max(1, from); b <= to && b < w.Count; b++)
        {
            if (w[b].Gap.Contains(';', StringComparison.Ordinal) || (w[b].Gap.Contains(',', StringComparison.Ordinal) && Conjunctions.Contains(w[b].Norm)))
            {
                return b;
            }
        }

        return -1;
    }

    /// <summary>A heading that repeats a later instruction (half its content words or more) is not an item of its own.</summary>
    public static List<Found> WithoutRepeatedHeadings(List<Found> found) =>
        [.. found.Where(f => !f.IsHeading || !found.Any(other => other != f && !other.IsHeading && Repeats(f, other)))];

    private static bool Repeats(Found heading, Found body)
    {
        var stems = Stems(heading.Text);
        return stems.Count > 0 && stems.Count(Stems(body.Text).Contains) * 2 >= stems.Count;
    }

    private static HashSet<string> Stems(string s) =>
        [.. WordPattern().Matches(s.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4).Select(w => w[..Math.Min(5, w.Length)])];

    /// <summary>A cue found at word <c>At</c>, ending before word <c>End</c>.</summary>
    private readonly record struct Cue(string Text, string? Addressee, int At, int End);

    private Cue? Directive(List<Token> w, int from)
    {
        for (var i = from; i < w.Count; i++)
        {
            if (lexicon.MatchAt("directive", w, i) is not { } m || (i > 0 && w[i - 1].Norm is "not" or "не" or "didn't"))
            {
                continue;
            }

            var addressee = language switch
            {
                Language.En => AddresseeBetween(w, m.End + (m.End < w.Count && w[m.End].Norm == "that" ? 1 : 0), t => t.Norm is "to" or "with" || lexicon.Contains("imperative", t.Norm)),
                Language.Ru => AddresseeBetween(w, m.End + (m.End < w.Count && w[m.End].Norm is "от" or "перед" ? 1 : 0), IsRussianInfinitive) ?? DativeBefore(w, m.Start),
                Language.Kk => KazakhAddressee(w, m.Start),
            };
            return new Cue($"directive: {Words(w, m.Start, m.End - 1)}", addressee, m.Start, m.End);
        }

        return null;
    }

    private Cue? Modal(List<Token> w, int from)
    {
        for (var i = from; i < w.Count; i++)
        {
            if (lexicon.MatchAt("modal", w, i) is not { } m)
            {
                continue;
            }

            // "The akim reported that the plan must be approved": a report, not a direction (Kazakh reports its verb last).
            if (Reported(w, i, language == Language.Kk ? w.Count : i))
            {
                return null;
            }

            var acts = language switch
            {
                Language.En => EnglishAction(w, m),
                Language.Ru => RussianAction(w, m),
                Language.Kk => KazakhAction(w, m),
            };
            if (!acts || IsPrinciple(w, m))
            {
                i = m.End - 1;
                continue;
            }

            return new Cue($"modal: {Words(w, m.Start, m.End - 1)}", language == Language.Kk ? KazakhAddressee(w, m.Start) : AddresseeBefore(w, m.Start), m.Start, m.End);
        }

        return null;
    }

    private Cue? Imperative(List<Token> w)
    {
        var at = 0;
        while (at < w.Count - 1 && w[at].IsNumber && w[at].Raw.Length <= 2)
        {
            at++;
        }

        switch (language)
        {
            case Language.En:
                if (w[at].IsCapitalized && lexicon.MatchAt("imperative", w, at) is { } english && english.End < w.Count
                    && !EnglishAfterImperative.Contains(w[english.End].Norm) && !w[english.End].Norm.EndsWith("ing", StringComparison.Ordinal))
                {
                    return new Cue($"imperative: {Words(w, english.Start, english.End - 1)}", null, english.Start, english.End);
                }

                break;
            case Language.Ru:
                if (lexicon.MatchAt("imperative", w, at) is { } russian)
                {
                    return new Cue($"imperative: {Words(w, russian.Start, russian.End - 1)}", null, russian.Start, russian.End);
                }

                // Protocol form: "Управлению энергетики (Иванов А.А.) в срок до 1 мая обеспечить…".
                if (lexicon.MatchAt("addressee", w, at) is not null && RussianDative().IsMatch(w[at].Norm) && !Reported(w, -1, w.Count))
                {
                    for (var k = at + 1; k < Math.Min(w.Count, at + 25); k++)
                    {
                        if (IsRussianInfinitive(w[k]) && lexicon.MatchAt("adverb", w, k) is null && lexicon.MatchAt("state", w, k) is null)
                        {
                            return new Cue($"imperative: {w[k].Raw}", Words(w, at, k - 1), k, k + 1);
                        }
                    }
                }

                break;
            case Language.Kk:
                var last = w[^1];
                if (lexicon.Find("imperative", w) is { } kazakh)
                {
                    return new Cue($"imperative: {Words(w, kazakh.Start, kazakh.End - 1)}", KazakhAddressee(w, kazakh.Start), kazakh.Start, kazakh.End);
                }

                if (last.Kind == TokenKind.Word && KazakhImperativeEnding().IsMatch(last.Norm))
                {
                    return new Cue($"imperative: {last.Raw}", KazakhAddressee(w, w.Count - 1), w.Count - 1, w.Count);
                }

                break;
        }

        return null;
    }

    private bool EnglishAction(List<Token> w, Match modal)
    {
        var k = SkipAdverbs(w, modal.End);
        if (k >= w.Count)
        {
            return false;
        }

        if (lexicon.MatchAt("speech", w, k) is not null)
        {
            return false;
        }

        if (lexicon.MatchAt("state", w, k) is not null)
        {
            if (w[k].Norm != "be")
            {
                return false;
            }

            var next = SkipAdverbs(w, k + 1);
            return next < w.Count && IsEnglishParticiple(w[next]) && lexicon.MatchAt("manner", w, next) is null;
        }

        if (lexicon.MatchAt("intransitive", w, k) is not null
            && (k + 1 >= w.Count || EnglishPrepositions.Contains(w[k + 1].Norm) || w[k + 1].Gap.IndexOfAny([',', '.', ';']) >= 0))
        {
            return false;
        }

        return !(lexicon.MatchAt("copular", w, modal.Start) is not null && Subject(w, modal.Start).Any(t => lexicon.MatchAt("goal", w, w.IndexOf(t)) is not null));
    }

    private bool RussianAction(List<Token> w, Match modal)
    {
        for (var k = modal.End; k < Math.Min(w.Count, modal.End + 4); k++)
        {
            if (lexicon.MatchAt("adverb", w, k) is not null || !IsRussianInfinitive(w[k]))
            {
                continue;
            }

            if (lexicon.MatchAt("speech", w, k) is not null)
            {
                return false;
            }

            if (lexicon.MatchAt("state", w, k) is not null)
            {
                if (w[k].Norm != "быть")
                {
                    return false;
                }

                var next = SkipAdverbs(w, k + 1);
                return next < w.Count && RussianShortParticiple().IsMatch(w[next].Norm) && lexicon.MatchAt("manner", w, next) is null;
            }

            return true;
        }

        // "указал на необходимость строительства": a reported need with what is needed.
        return w[modal.Start].Norm == "необходимость" && modal.End < w.Count;
    }

    private bool KazakhAction(List<Token> w, Match modal)
    {
        if (modal.End < w.Count && (w[modal.End].Norm.StartsWith("ет", StringComparison.Ordinal) || w[modal.End].Norm is "емес" || w[modal.End].Norm.StartsWith("екен", StringComparison.Ordinal)))
        {
            return false;
        }

        var p = modal.Start - 1;
        while (p >= 0 && lexicon.MatchAt("adverb", w, p) is not null)
        {
            p--;
        }

        if (p < 0)
        {
            return false;
        }

        var speech = lexicon.MatchAt("speech", w, p) is not null || (p > 0 && lexicon.MatchAt("speech", w, p - 1) is { } said && said.End == p + 1);
        return !speech && lexicon.MatchAt("state", w, p) is null && KazakhVerbalNoun().IsMatch(w[p].Norm);
    }

    private bool Reported(List<Token> w, int modal, int to)
    {
        for (var k = 0; k < to; k++)
        {
            if (k != modal && lexicon.MatchAt("reported", w, k) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"all decisions must be taken…", "барлық жұмыс … тиіс": a principle, not an action to control.</summary>
    private bool IsPrinciple(List<Token> w, Match modal)
    {
        var subject = Subject(w, modal.Start);
        return subject.Count > 0 && lexicon.MatchAt("universal", w, w.IndexOf(subject[0])) is not null;
    }

    /// <summary>The words before <paramref name="at"/> back to the nearest comma, colon, dash or subordinator.</summary>
    private static List<Token> Subject(List<Token> w, int at)
    {
        if (at == 0)
        {
            return [];
        }

        var b = at - 1;
        while (b > 0 && w[b].Gap.IndexOfAny([',', ';', ':', '–', '—', '(']) < 0 && !Subordinators.Contains(w[b - 1].Norm))
        {
            b--;
        }

        return w.GetRange(b, at - b);
    }

    private string? AddresseeBetween(List<Token> w, int from, Func<Token, bool> stop)
    {
        for (var k = from; k < Math.Min(w.Count, from + 14); k++)
        {
            if (stop(w[k]))
            {
                // "поручил Правительству до конца года разработать": the deadline is not part of the addressee.
                var end = k;
                for (var d = from + 1; d < k; d++)
                {
                    if (lexicon.MatchAt("by", w, d) is not null || lexicon.MatchAt("within", w, d) is not null)
                    {
                        end = d;
                        break;
                    }
                }

                return end > from && IsAddressee(w, from, end) ? Words(w, from, end - 1) : null;
            }
        }

        return null;
    }

    private string? AddresseeBefore(List<Token> w, int at)
    {
        // "pointed to the need to…": the need is a noun; the subject is the speaker, not the addressee.
        var subject = Subject(w, at);
        if (subject.Count > 1 && Conjunctions.Contains(subject[0].Norm))
        {
            subject = subject[1..];
        }

        if (subject.Count is 0 or > 10 || subject[^1].Norm is "the" or "a" || lexicon.Find("reporting", subject) is not null)
        {
            return null;
        }

        var from = w.IndexOf(subject[0]);
        var named = subject.Count == 1 && subject[0].IsCapitalized && subject[0].Kind == TokenKind.Word && subject[0].Raw.Length > 3;
        return named || IsAddressee(w, from, at) ? Words(w, from, at - 1) : null;
    }

    /// <summary>"Правительству … поручено": a body in the dative before a passive directive; the speaker before "поручил" is not one.</summary>
    private string? DativeBefore(List<Token> w, int at)
    {
        var subject = Subject(w, at);
        return subject.Count > 0 && RussianDative().IsMatch(subject[0].Norm) ? AddresseeBefore(w, at) : null;
    }

    /// <summary>
    /// Kazakh addressees come before the verb: the clause's opening words up to the first comma when they are few and
    /// name a body ("Үкімет қала әкімдігімен бірлесіп"), else the body's word with the word before it ("облыс әкімдігіне").
    /// </summary>
    private string? KazakhAddressee(List<Token> w, int at)
    {
        for (var k = 0; k < at; k++)
        {
            if (lexicon.MatchAt("addressee", w, k) is null)
            {
                continue;
            }

            var opening = k;
            while (opening > 0 && w[opening].Gap.IndexOfAny([',', ';', ':', '–', '—']) < 0)
            {
                opening--;
            }

            var closing = k;
            while (closing + 1 < at && w[closing + 1].Gap.IndexOfAny([',', ';', ':', '–', '—']) < 0)
            {
                closing++;
            }

            if (closing + 1 < at && closing - opening < 6)
            {
                return Words(w, opening, closing);
            }

            // Back over the body's modifiers ("облыс", "денсаулық сақтау"), not over the speaker ("Президент", "Тоқаев").
            var first = k;
            while (first > Math.Max(opening, k - 2) && w[first - 1].Kind == TokenKind.Word && w[first].Gap.Trim().Length == 0
                   && (!w[first - 1].IsCapitalized || first - 1 == opening) && lexicon.MatchAt("reporting", w, first - 1) is null)
            {
                first--;
            }

            return Words(w, first, k);
        }

        return null;
    }

    private bool IsAddressee(List<Token> w, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (lexicon.MatchAt("addressee", w, k) is not null || (w[k].IsCapitalized && w[k].Kind == TokenKind.Word && k > 0))
            {
                return true;
            }
        }

        return false;
    }

    private int SkipAdverbs(List<Token> w, int k)
    {
        while (k < w.Count && lexicon.MatchAt("adverb", w, k) is { } adverb)
        {
            k = adverb.End;
        }

        return k;
    }

    /// <summary>The sentence without leading quotes and dashes and without a closing attribution ("…, the President said").</summary>
    private (int Start, int End) Trim(List<Token> w, int start, int stop)
    {
        while (start < stop && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '–' or '—' or '"' or '«' or '“' or '\''))
        {
            start++;
        }

        for (var t = w.Count - 1; t > w.Count / 3; t--)
        {
            var gap = w[t].Gap;
            if (gap.IndexOfAny([',', '–', '—']) < 0)
            {
                continue;
            }

            var tail = w.GetRange(t, w.Count - t);
            if (tail.Count <= 8 && lexicon.Find("reporting", tail) is not null)
            {
                var end = w[t - 1].End;
                while (end < stop && text[end] is '.' or '!' or '?')
                {
                    end++;
                }

                return (start, end);
            }

            break;
        }

        var stopAt = stop;
        while (stopAt > start && text[stopAt - 1] is ' ' or '\u00a0')
        {
            stopAt--;
        }

        return (start, stopAt);
    }

    private string Words(List<Token> w, int first, int last) => text[w[first].Start..w[last].End];

    private static bool IsEnglishParticiple(Token t) =>
        t.Norm.EndsWith("ed", StringComparison.Ordinal) || t.Norm.EndsWith("en", StringComparison.Ordinal) || Participles.Contains(t.Norm);

    private static bool IsRussianInfinitive(Token t) => t.Kind == TokenKind.Word && RussianInfinitive().IsMatch(t.Norm);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    // Infinitives end in -ть/-чь (not the nouns in -сть: область, необходимость) or are the few verbs in -ти.
    [GeneratedRegex(@"^(\p{L}+[^с](ть|ться)|\p{L}+(чь|чься)|\p{L}*(нести|вести|везти|расти|спасти|мести|цвести|плести|трясти|ползти|идти|йти|нестись|вестись))$")]
    private static partial Regex RussianInfinitive();

    // Dative endings of the bodies a protocol addresses: Акимату, Управлению, Акиматам, Палате, Полиции.
    [GeneratedRegex(@"^\p{L}+(у|ю|ам|ям|е|и)$")]
    private static partial Regex RussianDative();

    [GeneratedRegex(@"^\p{L}+(н|на|но|ны|ен|ена|ено|ены|т|та|то|ты)$")]
    private static partial Regex RussianShortParticiple();

    // Folded Kazakh verbal nouns: -у/-ю with case or person endings (өзгертуге, айқындауымыз, салу, пысықтау).
    [GeneratedRegex(@"\p{L}(у|ю)(ге|ға|ді|ні|і|іміз|іңіз|лар|ларі|ларіміз|ларін)?$")]
    private static partial Regex KazakhVerbalNoun();

    // Folded Kazakh imperatives at the end of a clause: -сын/-сін (әзірленсін), -ңыз/-ңіз (әзірлеңіз).
    [GeneratedRegex(@"\p{L}{2,}(сін|ңіз|ңдар|ңдер)$")]
    private static partial Regex KazakhImperativeEnding();
}
