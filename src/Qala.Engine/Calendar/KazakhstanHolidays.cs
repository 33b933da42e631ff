namespace Qala.Engine.Calendar;

/// <summary>
/// The days off of the Republic of Kazakhstan for a five-day week, 2024–2027: the first contents of the working
/// calendar, which administrators keep up to date as data. Sources: the Law "On holidays in the Republic of
/// Kazakhstan" (2001) and article 84 of the Labour Code, the production calendars on egov.kz, and the orders of the
/// Ministry of Labour and Social Protection on day transfers.
/// </summary>
/// <remarks>
/// A national or state holiday that falls on a Saturday or Sunday gives a day off on the next working day after it.
/// The first day of Kurban ait and Orthodox Christmas (7 January) are days off by the Labour Code but are not state
/// holidays, so they never move off a weekend. Further transfers are decided every year by ministerial order; those
/// after the last one listed here are entered by administrators.
/// </remarks>
public static class KazakhstanHolidays
{
    public const int FirstYear = 2024;
    public const int LastYear = 2027;

    private static readonly HolidayName NewYear = new("Жаңа жыл", "Новый год", "New Year");
    private static readonly HolidayName OrthodoxChristmas = new("Православиелік Рождество", "Православное Рождество", "Orthodox Christmas");
    private static readonly HolidayName WomensDay = new("Халықаралық әйелдер күні", "Международный женский день", "International Women's Day");
    private static readonly HolidayName Nauryz = new("Наурыз мейрамы", "Наурыз мейрамы", "Nauryz");
    private static readonly HolidayName UnityDay = new("Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана", "Kazakhstan People's Unity Day");
    private static readonly HolidayName DefenderDay = new("Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day");
    private static readonly HolidayName VictoryDay = new("Жеңіс күні", "День Победы", "Victory Day");
    private static readonly HolidayName CapitalDay = new("Астана күні", "День Столицы", "Capital Day");
    private static readonly HolidayName ConstitutionDay = new("Конституция күні", "День Конституции", "Constitution Day");
    private static readonly HolidayName RepublicDay = new("Республика күні", "День Республики", "Republic Day");
    private static readonly HolidayName IndependenceDay = new("Тәуелсіздік күні", "День Независимости", "Independence Day");
    private static readonly HolidayName KurbanAit = new("Құрбан айт", "Курбан айт", "Kurban Ait");

    // The first day of Kurban ait as the Spiritual Administration of Muslims of Kazakhstan announced it; it can move
    // by a day with the new moon (2024 was first announced as 17 June). 2027 is the astronomical estimate.
    private static readonly Dictionary<int, DateOnly> KurbanAitFirstDay = new()
    {
        [2024] = new(2024, 6, 16),
        [2025] = new(2025, 6, 6),
        [2026] = new(2026, 5, 27),
        [2027] = new(2027, 5, 16),
    };

    private static readonly Dictionary<int, DecreeTransfer[]> DecreeTransfers = new()
    {
        // Order of the Ministry of Labour of 17 April 2024.
        [2024] =
        [
            new(
                new(2024, 5, 8),
                new("Демалыс күні (4 мамырдан ауыстырылды)", "Выходной день (перенесён с 4 мая)", "Day off (moved from 4 May)"),
                new(2024, 5, 4),
                new("Жұмыс күні (демалыс 8 мамырға ауыстырылды)", "Рабочий день (выходной перенесён на 8 мая)", "Working day (day off moved to 8 May)")),
        ],

        // Order of the Ministry of Labour No. 436 of 21 November 2024.
        [2025] =
        [
            new(
                new(2025, 1, 3),
                new("Демалыс күні (5 қаңтардан ауыстырылды)", "Выходной день (перенесён с 5 января)", "Day off (moved from 5 January)"),
                new(2025, 1, 5),
                new("Жұмыс күні (демалыс 3 қаңтарға ауыстырылды)", "Рабочий день (выходной перенесён на 3 января)", "Working day (day off moved to 3 January)")),
        ],
    };

    public static IReadOnlyList<int> Years { get; } = [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1)];

    /// <summary>The exceptions to the Monday–Friday week in <paramref name="year"/>, ordered by date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</exception>
    public static IReadOnlyList<CalendarDay> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);

        var stateHolidays = new List<(DateOnly Date, HolidayName Name)>
        {
            (new(year, 1, 1), NewYear),
            (new(year, 1, 2), NewYear),
            (new(year, 3, 8), WomensDay),
            (new(year, 3, 21), Nauryz),
            (new(year, 3, 22), Nauryz),
            (new(year, 3, 23), Nauryz),
            (new(year, 5, 1), UnityDay),
            (new(year, 5, 7), DefenderDay),
            (new(year, 5, 9), VictoryDay),
            (new(year, 7, 6), CapitalDay),
            (new(year, 10, 25), RepublicDay),
            (new(year, 12, 16), IndependenceDay),
        };
        if (ConstitutionDayOf(year) is { } constitutionDay)
        {
            stateHolidays.Add((constitutionDay, ConstitutionDay));
        }

        var days = new List<CalendarDay>();
        days.AddRange(stateHolidays.Select(h => h.Name.Day(h.Date, CalendarDayKind.PublicHoliday)));
        days.Add(OrthodoxChristmas.Day(new(year, 1, 7), CalendarDayKind.PublicHoliday));
        days.Add(KurbanAit.Day(KurbanAitFirstDay[year], CalendarDayKind.PublicHoliday));
        foreach (var transfer in DecreeTransfers.GetValueOrDefault(year, []))
        {
            days.Add(transfer.DayOffName.Day(transfer.DayOff, CalendarDayKind.TransferredDayOff));
            days.Add(transfer.WorkingDayName.Day(transfer.WorkingDay, CalendarDayKind.TransferredWorkingDay));
        }

        foreach (var (date, name) in stateHolidays.Where(h => IsWeekend(h.Date)).OrderBy(h => h.Date))
        {
            var dayOff = date.AddDays(1);
            while (IsWeekend(dayOff) || days.Any(d => d.Date == dayOff))
            {
                dayOff = dayOff.AddDays(1);
            }

            days.Add(name.Transferred().Day(dayOff, CalendarDayKind.TransferredDayOff));
        }

        return [.. days.OrderBy(d => d.Date).ThenBy(d => d.Kind)];
    }

    // The Constitution adopted by referendum on 15 March 2026 made that date Constitution Day from 2027; the ministry
    // announced that 30 August is no longer a day off from 2026.
    private static DateOnly? ConstitutionDayOf(int year) => year switch
    {
        < 2026 => new DateOnly(year, 8, 30),
        2026 => null,
        _ => new DateOnly(year, 3, 15),
    };

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record HolidayName(string Kk, string Ru, string En)
    {
        public CalendarDay Day(DateOnly date, CalendarDayKind kind) => new(date, kind, Kk, Ru, En);

        public HolidayName Transferred() =>
            new($"{Kk} (ауыстырылған демалыс күні)", $"{Ru} (перенесённый выходной день)", $"{En} (transferred day off)");
    }

    private sealed record DecreeTransfer(DateOnly DayOff, HolidayName DayOffName, DateOnly WorkingDay, HolidayName WorkingDayName);
}
