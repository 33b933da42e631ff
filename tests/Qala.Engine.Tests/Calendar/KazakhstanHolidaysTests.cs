using Qala.Engine.Calendar;
using Qala.Engine.Languages;
using static Qala.Engine.Tests.Calendar.CalendarTestData;

namespace Qala.Engine.Tests.Calendar;

public sealed class KazakhstanHolidaysTests
{
    // Days off that fall Monday–Friday, and weekend days that are worked, as egov.kz and the ministry published them.
    public static TheoryData<int, string[], string[]> PublishedYears => new()
    {
        {
            2024,
            [
                "2024-01-01", "2024-01-02", "2024-03-08", "2024-03-21", "2024-03-22", "2024-03-25", "2024-05-01",
                "2024-05-07", "2024-05-08", "2024-05-09", "2024-07-08", "2024-08-30", "2024-10-25", "2024-12-16",
            ],
            ["2024-05-04"]
        },
        {
            2025,
            [
                "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-07", "2025-03-10", "2025-03-21", "2025-03-24",
                "2025-03-25", "2025-05-01", "2025-05-07", "2025-05-09", "2025-06-06", "2025-07-07", "2025-09-01",
                "2025-10-27", "2025-12-16",
            ],
            ["2025-01-05"]
        },
        {
            2026,
            [
                "2026-01-01", "2026-01-02", "2026-01-07", "2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25",
                "2026-05-01", "2026-05-07", "2026-05-11", "2026-05-27", "2026-07-06", "2026-10-26", "2026-12-16",
            ],
            []
        },
        {
            2027,
            [
                "2027-01-01", "2027-01-04", "2027-01-07", "2027-03-08", "2027-03-15", "2027-03-22", "2027-03-23",
                "2027-03-24", "2027-05-03", "2027-05-07", "2027-05-10", "2027-07-06", "2027-10-25", "2027-12-16",
            ],
            []
        },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Each_year_has_the_published_days_off_and_working_weekends(int year, string[] weekdaysOff, string[] weekendsWorked)
    {
        var calendar = new WorkingCalendar(KazakhstanHolidays.For(year));
        var days = DaysOf(year).ToList();

        days.Where(d => !IsWeekend(d) && !calendar.IsWorkingDay(d)).ShouldBe(weekdaysOff.Select(Date));
        days.Where(d => IsWeekend(d) && calendar.IsWorkingDay(d)).ShouldBe(weekendsWorked.Select(Date));
    }

    [Fact]
    public void Nauryz_2026_on_Saturday_and_Sunday_gives_Tuesday_and_Wednesday_off()
    {
        var march = KazakhstanHolidays.For(2026).Where(d => d.Date.Month == 3 && d.Date.Day >= 21).ToList();

        march.Select(d => (d.Date, d.Kind)).ShouldBe(
        [
            (Date("2026-03-21"), CalendarDayKind.PublicHoliday),
            (Date("2026-03-22"), CalendarDayKind.PublicHoliday),
            (Date("2026-03-23"), CalendarDayKind.PublicHoliday),
            (Date("2026-03-24"), CalendarDayKind.TransferredDayOff),
            (Date("2026-03-25"), CalendarDayKind.TransferredDayOff),
        ]);
        march.ShouldAllBe(d => d.NameKk.StartsWith("Наурыз мейрамы", StringComparison.Ordinal));
        march[3].Name(Language.Ru).ShouldBe("Наурыз мейрамы (перенесённый выходной день)");
    }

    [Theory]
    [InlineData(2024, "2024-06-16")]
    [InlineData(2025, "2025-06-06")]
    [InlineData(2026, "2026-05-27")]
    [InlineData(2027, "2027-05-16")]
    public void Kurban_ait_is_a_day_off_that_never_moves_off_a_weekend(int year, string firstDay)
    {
        var days = KazakhstanHolidays.For(year);

        days.Single(d => d.NameKk == "Құрбан айт").ShouldBe(
            new CalendarDay(Date(firstDay), CalendarDayKind.PublicHoliday, "Құрбан айт", "Курбан айт", "Kurban Ait"));
        days.ShouldNotContain(d => d.NameKk.StartsWith("Құрбан айт (", StringComparison.Ordinal));
    }

    [Fact]
    public void Orthodox_Christmas_is_a_day_off_that_never_moves_off_a_weekend()
    {
        KazakhstanHolidays.For(2024).ShouldContain(d => d.Date == Date("2024-01-07") && d.Kind == CalendarDayKind.PublicHoliday);
        KazakhstanHolidays.For(2024).ShouldNotContain(d => d.Date == Date("2024-01-08"));
        Kazakhstan.IsWorkingDay(Date("2026-01-07")).ShouldBeFalse();
    }

    [Fact]
    public void Constitution_Day_moves_from_30_August_to_15_March_after_the_2026_referendum()
    {
        static IEnumerable<DateOnly> ConstitutionDays(int year) =>
            KazakhstanHolidays.For(year).Where(d => d.NameEn.StartsWith("Constitution Day", StringComparison.Ordinal)).Select(d => d.Date);

        ConstitutionDays(2024).ShouldBe([Date("2024-08-30")]);
        ConstitutionDays(2025).ShouldBe([Date("2025-08-30"), Date("2025-09-01")]);
        ConstitutionDays(2026).ShouldBeEmpty();
        ConstitutionDays(2027).ShouldBe([Date("2027-03-15")]);
    }

    [Fact]
    public void Every_holiday_of_the_law_is_named_in_Kazakh()
    {
        foreach (var year in new[] { 2024, 2025 })
        {
            KazakhstanHolidays.For(year)
                .Where(d => d.Kind == CalendarDayKind.PublicHoliday)
                .Select(d => d.NameKk)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ShouldBe(new[]
                {
                    "Жаңа жыл", "Православиелік Рождество", "Халықаралық әйелдер күні", "Наурыз мейрамы",
                    "Қазақстан халқының бірлігі мерекесі", "Отан қорғаушы күні", "Жеңіс күні", "Астана күні",
                    "Конституция күні", "Республика күні", "Тәуелсіздік күні", "Құрбан айт",
                }.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Every_day_is_in_its_year_named_in_three_languages_and_in_date_order()
    {
        foreach (var year in KazakhstanHolidays.Years)
        {
            var days = KazakhstanHolidays.For(year);

            days.ShouldAllBe(d => d.Date.Year == year);
            days.ShouldAllBe(d => !string.IsNullOrWhiteSpace(d.NameKk) && !string.IsNullOrWhiteSpace(d.NameRu) && !string.IsNullOrWhiteSpace(d.NameEn));
            days.Select(d => d.Date).ShouldBeInOrder();
        }

        KazakhstanHolidays.Years.ShouldBe([2024, 2025, 2026, 2027]);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2028)]
    public void Years_without_published_data_are_refused(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => KazakhstanHolidays.For(year));

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
