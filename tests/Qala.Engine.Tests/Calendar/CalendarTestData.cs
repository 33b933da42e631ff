using System.Globalization;
using Qala.Engine.Calendar;

namespace Qala.Engine.Tests.Calendar;

internal static class CalendarTestData
{
    public static WorkingCalendar Kazakhstan { get; } = new(KazakhstanHolidays.Years.SelectMany(KazakhstanHolidays.For));

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static IEnumerable<DateOnly> DaysOf(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
