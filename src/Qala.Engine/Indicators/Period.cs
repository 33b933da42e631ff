using System.Globalization;

namespace Qala.Engine.Indicators;

/// <summary>How often an indicator is measured.</summary>
public enum Periodicity
{
    Year,
    Quarter,
    Month,

    /// <summary>ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday), as food prices are watched.</summary>
    Week,
    Day,
}

/// <summary>
/// A period of an indicator: a year, or a quarter, month, ISO week or day of it. <see cref="Number"/> is 0 for a
/// year, else the quarter (1–4), month (1–12), ISO week (1–53) or day of the year (1–366); for a week,
/// <see cref="Year"/> is the ISO week-numbering year. Periods of one periodicity order by (year, number), and their
/// text forms — 2024, 2024-Q2, 2024-03, 2024-W07, 2024-03-15 — sort the same way.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    private Period(Periodicity periodicity, int year, int number)
    {
        Periodicity = periodicity;
        Year = year;
        Number = number;
    }

    public Periodicity Periodicity { get; }

    public int Year { get; }

    public int Number { get; }

    /// <summary>The whole year <paramref name="year"/>.</summary>
    public static Period OfYear(int year) => Of(Periodicity.Year, year, 0);

    /// <summary>The period of <paramref name="periodicity"/> numbered <paramref name="number"/> in <paramref name="year"/>; throws when it does not exist.</summary>
    public static Period Of(Periodicity periodicity, int year, int number) =>
        IsValid(periodicity, year, number)
            ? new Period(periodicity, year, number)
            : throw new ArgumentOutOfRangeException(nameof(number), $"{year}/{number} is not a {periodicity} period.");

    /// <summary>The period of <paramref name="periodicity"/> that contains <paramref name="day"/>.</summary>
    public static Period Containing(Periodicity periodicity, DateOnly day) => periodicity switch
    {
        Periodicity.Year => new(periodicity, day.Year, 0),
        Periodicity.Quarter => new(periodicity, day.Year, ((day.Month - 1) / 3) + 1),
        Periodicity.Month => new(periodicity, day.Year, day.Month),
        Periodicity.Week => new(periodicity, ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
        Periodicity.Day => new(periodicity, day.Year, day.DayOfYear),
    };

    /// <summary>
    /// Reads a period of <paramref name="periodicity"/> in its text form (2024, 2024-Q2, 2024-03, 2024-W07,
    /// 2024-03-15); a date is also accepted for any periodicity and read as the period containing it.
    /// </summary>
    public static bool TryParse(string? text, Periodicity periodicity, out Period period)
    {
        period = default;
        var s = (text ?? "").Trim();
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            period = Containing(periodicity, day);
            return day.Year is >= MinYear and <= MaxYear;
        }

        if (s.Length < 4 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var rest = s.AsSpan(4);
        var number = 0;
        var ok = periodicity switch
        {
            Periodicity.Year => rest.IsEmpty,
            Periodicity.Quarter => rest.Length == 3 && rest[0] == '-' && rest[1] is 'Q' or 'q' && Digits(rest[2..], out number),
            Periodicity.Month => rest.Length == 3 && rest[0] == '-' && Digits(rest[1..], out number),
            Periodicity.Week => rest.Length == 4 && rest[0] == '-' && rest[1] is 'W' or 'w' && Digits(rest[2..], out number),
            Periodicity.Day => false,
        };
        if (!ok || !IsValid(periodicity, year, number))
        {
            return false;
        }

        period = new Period(periodicity, year, number);
        return true;
    }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Periodicity switch
    {
        Periodicity.Year => new DateOnly(Year, 1, 1),
        Periodicity.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        Periodicity.Month => new DateOnly(Year, Number, 1),
        Periodicity.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        Periodicity.Day => new DateOnly(Year, 1, 1).AddDays(Number - 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Periodicity switch
    {
        Periodicity.Year => new DateOnly(Year, 12, 31),
        Periodicity.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        Periodicity.Month => new DateOnly(Year, Number, 1).AddMonths(1).AddDays(-1),
        Periodicity.Week => Start.AddDays(6),
        Periodicity.Day => Start,
    };

    /// <summary>The same period a year earlier (for a week, the same ISO week number, or the last week when that year has one fewer).</summary>
    public Period YearEarlier() => Periodicity switch
    {
        Periodicity.Week => new(Periodicity, Year - 1, Math.Min(Number, ISOWeek.GetWeeksInYear(Year - 1))),
        Periodicity.Day => Containing(Periodicity, Start.AddYears(-1)),
        _ => new(Periodicity, Year - 1, Number),
    };

    public int CompareTo(Period other)
    {
        var order = Year.CompareTo(other.Year);
        return order != 0 ? order : Number.CompareTo(other.Number);
    }

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>2024, 2024-Q2, 2024-03, 2024-W07 or 2024-03-15.</summary>
    public override string ToString() => Periodicity switch
    {
        Periodicity.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        Periodicity.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        Periodicity.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        Periodicity.Week => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Number:D2}"),
        Periodicity.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static bool Digits(ReadOnlySpan<char> digits, out int number) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool IsValid(Periodicity periodicity, int year, int number) =>
        year is >= MinYear and <= MaxYear && periodicity switch
        {
            Periodicity.Year => number == 0,
            Periodicity.Quarter => number is >= 1 and <= 4,
            Periodicity.Month => number is >= 1 and <= 12,
            Periodicity.Week => number >= 1 && number <= ISOWeek.GetWeeksInYear(year),
            Periodicity.Day => number >= 1 && number <= (DateTime.IsLeapYear(year) ? 366 : 365),
        };
}
