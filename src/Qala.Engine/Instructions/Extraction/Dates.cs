using System.Globalization;
using System.Text.RegularExpressions;
using Qala.Engine.Calendar;

namespace Qala.Engine.Instructions.Extraction;

/// <summary>A date written in the text over tokens <c>[First, Last]</c>; <see cref="Date"/> is null when the day does not exist.</summary>
internal sealed record DateMention(int First, int Last, int? Year, int Month, int Day)
{
    public bool IsValid => Year is not null && Day <= DateTime.DaysInMonth(Year.Value, Month);

    public DateOnly? Date => IsValid ? new DateOnly(Year!.Value, Month, Day) : null;

    /// <summary>The date, taking a missing year from the meeting: the next such day on or after it.</summary>
    public DateOnly? ResolveFrom(DateOnly? meeting)
    {
        if (Year is not null)
        {
            return Date;
        }

        if (meeting is not { } m)
        {
            return null;
        }

        var year = Month < m.Month || (Month == m.Month && Day < m.Day) ? m.Year + 1 : m.Year;
        return Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;
    }
}

/// <summary>Dates ("29 September 2018", "October 29, 2019", "1 июля 2019 года", "2019 жылғы 1 шілде", "01.07.2019") and deadlines.</summary>
internal static partial class Dates
{
    public static List<DateMention> Find(List<Token> tokens, Lexicon lexicon)
    {
        var found = new List<DateMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Read(tokens, lexicon, i) is { } date)
            {
                found.Add(date);
                i = date.Last;
            }
        }

        return found;
    }

    private static DateMention? Read(List<Token> t, Lexicon lexicon, int i)
    {
        if (NumericDate(t[i].Raw) is { } numeric)
        {
            return numeric with { First = i, Last = i };
        }

        // Year жылғы Day Month (Kazakh).
        if (Year(t, i) is { } kazakhYear && i + 3 < t.Count && lexicon.MatchAt("yearword", t, i + 1) is { } yearWord
            && Day(t, yearWord.End) is { } kazakhDay && lexicon.MatchAt("months", t, yearWord.End + 1) is { } kazakhMonth)
        {
            return new DateMention(i, kazakhMonth.End - 1, kazakhYear, Month(kazakhMonth), kazakhDay);
        }

        // Day [of] Month [,] [Year [года|г.|жыл]].
        if (Day(t, i) is { } day)
        {
            var at = i + 1 < t.Count && t[i + 1].Norm == "of" ? i + 2 : i + 1;
            if (lexicon.MatchAt("months", t, at) is { } month)
            {
                var last = month.End - 1;
                int? year = null;
                if (Year(t, month.End) is { } y)
                {
                    year = y;
                    last = month.End;
                    if (lexicon.MatchAt("yearword", t, month.End + 1) is { } word)
                    {
                        last = word.End - 1;
                    }
                }

                return new DateMention(i, last, year, Month(month), day);
            }
        }

        // Month Day[,] Year (English).
        if (lexicon.MatchAt("months", t, i) is { } first && Day(t, first.End) is { } monthDay && Year(t, first.End + 1) is { } monthYear)
        {
            return new DateMention(i, first.End + 1, monthYear, Month(first), monthDay);
        }

        return null;
    }

    private static int Month(Match month) => int.Parse(month.Entry.Value, CultureInfo.InvariantCulture);

    private static int? Day(List<Token> t, int i)
    {
        if (i >= t.Count)
        {
            return null;
        }

        var m = DayPattern().Match(t[i].Norm);
        return m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var d and >= 1 and <= 31 ? d : null;
    }

    private static int? Year(List<Token> t, int i) =>
        i < t.Count && t[i].IsNumber && t[i].Raw.Length == 4 && int.TryParse(t[i].Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y : null;

    private static DateMention? NumericDate(string raw)
    {
        var m = NumericPattern().Match(raw);
        if (m.Success)
        {
            return Mention(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }

        m = IsoPattern().Match(raw);
        return m.Success ? Mention(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) : null;
    }

    private static DateMention? Mention(string year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d is >= 1 and <= 31 ? new DateMention(0, 0, int.Parse(year, CultureInfo.InvariantCulture), m, d) : null;
    }

    /// <summary>
    /// The deadline of an instruction over tokens <c>[from, to)</c>: "by 1 March 2019", "до 1 июля 2019 года", "2019
    /// жылғы 1 шілдеге дейін", "until the end of the year", "до конца 2019 года", "жыл соңына дейін", "within two
    /// months", "в течение 10 дней", "бір ай ішінде". Relative ones resolve from the meeting's date; impossible dates
    /// keep their text and resolve to null.
    /// </summary>
    public static (string Text, DateOnly? Due)? Deadline(string text, List<Token> t, int from, int to, List<DateMention> dates, Lexicon lexicon, DateOnly? meeting, WorkingCalendar? calendar)
    {
        foreach (var date in dates.Where(d => d.First >= from && d.Last < to))
        {
            for (var start = Math.Max(from, date.First - 3); start < date.First; start++)
            {
                if (lexicon.MatchAt("by", t, start) is { } by && by.End == date.First)
                {
                    return (Span(text, t, start, date.Last), date.ResolveFrom(meeting));
                }
            }

            if (lexicon.MatchAt("until", t, date.Last + 1) is { } until)
            {
                return (Span(text, t, date.First, until.End - 1), date.ResolveFrom(meeting));
            }
        }

        for (var i = from; i < to; i++)
        {
            if (Quarter(t, i, from, to, lexicon, meeting) is { } quarter)
            {
                return (Span(text, t, quarter.First, quarter.Last), quarter.Due);
            }

            if (lexicon.MatchAt("by", t, i) is { } by && PeriodEnd(t, by.End, to, lexicon, meeting) is { } end)
            {
                return (Span(text, t, i, end.Last), end.Due);
            }

            if (lexicon.MatchAt("within", t, i) is { } within && Duration(t, within.End, lexicon, meeting, calendar) is { } span)
            {
                return (Span(text, t, i, span.Last), span.Due);
            }

            // Kazakh: "[2019] жылдың соңына дейін", "бір ай ішінде".
            if (lexicon.MatchAt("until", t, i) is { } after && i >= from + 2 && lexicon.MatchAt("end", t, i - 1) is not null)
            {
                var first = i - 2;
                int? year = null;
                if (first - 1 >= from && Year(t, first - 1) is { } y)
                {
                    first--;
                    year = y;
                }

                if (lexicon.MatchAt("yearword", t, i - 2) is not null)
                {
                    return (Span(text, t, first, after.End - 1), YearEnd(year, meeting));
                }

                if (lexicon.MatchAt("monthword", t, i - 2) is not null || lexicon.MatchAt("duration", t, i - 2) is { Entry.Value: "m" })
                {
                    return (Span(text, t, first, after.End - 1), meeting is { } m ? MonthEnd(m) : null);
                }
            }

            if (lexicon.MatchAt("withinafter", t, i) is { } inside && i >= from + 2)
            {
                for (var back = 1; back <= 3 && i - back - 1 >= from; back++)
                {
                    if (lexicon.MatchAt("duration", t, i - back) is { } unit && unit.End == i
                        && Duration(t, i - back - 1, lexicon, meeting, calendar) is { } counted)
                    {
                        return (Span(text, t, i - back - 1, inside.End - 1), counted.Due);
                    }
                }
            }
        }

        return null;
    }

    private static (int Last, DateOnly? Due)? PeriodEnd(List<Token> t, int at, int to, Lexicon lexicon, DateOnly? meeting)
    {
        if (lexicon.MatchAt("end", t, at) is not { } end)
        {
            return null;
        }

        var i = end.End;
        if (lexicon.MatchAt("current", t, i) is { } current)
        {
            i = current.End;
        }

        if (i >= to)
        {
            return null;
        }

        if (Year(t, i) is { } year)
        {
            var last = lexicon.MatchAt("yearword", t, i + 1) is { } word ? word.End - 1 : i;
            return (last, new DateOnly(year, 12, 31));
        }

        if (lexicon.MatchAt("yearword", t, i) is { } yearWord)
        {
            return (yearWord.End - 1, YearEnd(null, meeting));
        }

        if (lexicon.MatchAt("monthword", t, i) is { } month)
        {
            return (month.End - 1, meeting is { } m ? MonthEnd(m) : null);
        }

        if (lexicon.MatchAt("quarterword", t, i) is { } quarter)
        {
            return (quarter.End - 1, meeting is { } m ? QuarterEnd(m) : null);
        }

        return null;
    }

    /// <summary>
    /// A numbered quarter at <paramref name="at"/>: "[in the] first quarter [of] [2020 [года]]", "[2020 жылдың] бірінші
    /// тоқсанында"; due at the quarter's end, in the year written or the meeting's.
    /// </summary>
    private static (int First, int Last, DateOnly? Due)? Quarter(List<Token> t, int at, int from, int to, Lexicon lexicon, DateOnly? meeting)
    {
        if (lexicon.MatchAt("ordinal", t, at) is not { } ordinal || lexicon.MatchAt("quarterword", t, ordinal.End) is not { } quarter)
        {
            return null;
        }

        var first = at;
        for (var back = 1; back <= 5 && at - back >= from; back++)
        {
            if (lexicon.MatchAt("quarterbefore", t, at - back) is { } before && before.End == at)
            {
                first = at - back;
            }
        }

        int? year = null;
        var last = quarter.End - 1;
        var after = quarter.End < to && t[quarter.End].Norm == "of" ? quarter.End + 1 : quarter.End;
        if (after < to && Year(t, after) is { } written)
        {
            year = written;
            last = lexicon.MatchAt("yearword", t, after + 1) is { } word && word.End <= to ? word.End - 1 : after;
        }
        else if (first - 2 >= from && Year(t, first - 2) is { } kazakh && lexicon.MatchAt("yearword", t, first - 1) is not null)
        {
            year = kazakh;
            first -= 2;
        }

        var number = int.Parse(ordinal.Entry.Value, CultureInfo.InvariantCulture);
        var dueYear = year ?? meeting?.Year;
        if (dueYear is not { } y)
        {
            return (first, last, null);
        }

        var month = number * 3;
        return (first, last, new DateOnly(y, month, DateTime.DaysInMonth(y, month)));
    }

    /// <summary>
    /// "two months", "10 дней", "a week", "бір ай", "10 рабочих дней" from <paramref name="at"/>: the meeting's date plus
    /// that much; working days only with the akimat's <paramref name="calendar"/>, else the deadline stays as written.
    /// </summary>
    private static (int Last, DateOnly? Due)? Duration(List<Token> t, int at, Lexicon lexicon, DateOnly? meeting, WorkingCalendar? calendar)
    {
        if (at >= t.Count)
        {
            return null;
        }

        var count = 1;
        var i = at;
        if (t[i].IsNumber && int.TryParse(t[i].Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            count = n;
            i++;
        }
        else if (lexicon.MatchAt("number", t, i) is { } word)
        {
            count = (int)double.Parse(word.Entry.Value, CultureInfo.InvariantCulture);
            i = word.End;
        }
        else if (t[i].Norm is "a" or "one" or "an")
        {
            i++;
        }

        if (lexicon.MatchAt("duration", t, i) is not { } unit)
        {
            return null;
        }

        DateOnly? due = meeting is not { } m ? null : unit.Entry.Value switch
        {
            "wd" => calendar?.AddWorkingDays(m, count),
            "d" => m.AddDays(count),
            "w" => m.AddDays(7 * count),
            "m" => m.AddMonths(count),
            _ => m.AddYears(count),
        };
        return (unit.End - 1, due);
    }

    private static DateOnly? YearEnd(int? year, DateOnly? meeting) =>
        year is { } y ? new DateOnly(y, 12, 31) : meeting is { } m ? new DateOnly(m.Year, 12, 31) : null;

    private static DateOnly MonthEnd(DateOnly m) => new(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month));

    private static DateOnly QuarterEnd(DateOnly m)
    {
        var month = ((m.Month - 1) / 3 * 3) + 3;
        return new DateOnly(m.Year, month, DateTime.DaysInMonth(m.Year, month));
    }

    private static string Span(string text, List<Token> t, int first, int last) => text[t[first].Start..t[last].End];

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th|-го|-е|-ші|-шы|-сі|-сы)?$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$")]
    private static partial Regex NumericPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$")]
    private static partial Regex IsoPattern();
}
