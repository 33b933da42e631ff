using Qala.Engine.Calendar;
using static Qala.Engine.Tests.Calendar.CalendarTestData;

namespace Qala.Engine.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-11-24", true)]
    [InlineData("2026-11-25", true)]
    [InlineData("2026-11-26", true)]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-28", false)]
    [InlineData("2026-11-29", false)]
    public void Without_exceptions_Monday_to_Friday_work_and_the_weekend_rests(string date, bool working) =>
        WorkingCalendar.MondayToFriday.IsWorkingDay(Date(date)).ShouldBe(working);

    [Theory]
    [InlineData("2026-01-01", false)] // New Year, Thursday
    [InlineData("2026-01-07", false)] // Orthodox Christmas, Wednesday
    [InlineData("2026-03-09", false)] // Women's Day moved off Sunday
    [InlineData("2026-03-23", false)] // Nauryz, Monday
    [InlineData("2026-03-24", false)] // Nauryz moved off Saturday
    [InlineData("2026-03-25", false)] // Nauryz moved off Sunday
    [InlineData("2026-03-26", true)]
    [InlineData("2026-03-21", false)] // a holiday on a Saturday stays a day off
    [InlineData("2026-08-31", true)] // 30 August is no longer Constitution Day
    [InlineData("2025-01-03", false)] // day off by order, moved from Sunday 5 January
    [InlineData("2025-01-05", true)] // Sunday made a working day by the same order
    [InlineData("2024-05-04", true)]
    [InlineData("2024-05-08", false)]
    [InlineData("2024-01-08", true)] // Orthodox Christmas on Sunday 7 January is not moved
    [InlineData("2024-06-17", true)] // nor is Kurban ait on Sunday 16 June
    [InlineData("2026-11-24", true)]
    public void Holidays_and_transfers_override_the_normal_week(string date, bool working) =>
        Kazakhstan.IsWorkingDay(Date(date)).ShouldBe(working);

    [Theory]
    // n = 0: start when it works, else the next working day.
    [InlineData("2026-11-20", 0, "2026-11-20")]
    [InlineData("2026-11-21", 0, "2026-11-23")]
    [InlineData("2026-03-21", 0, "2026-03-26")]
    [InlineData("2026-01-01", 0, "2026-01-05")]
    [InlineData("2025-01-04", 0, "2025-01-05")]
    // n > 0: the n-th working day after start; start never counts.
    [InlineData("2026-11-20", 1, "2026-11-23")]
    [InlineData("2026-11-21", 1, "2026-11-23")]
    [InlineData("2026-11-22", 1, "2026-11-23")]
    [InlineData("2026-11-23", 1, "2026-11-24")]
    [InlineData("2026-11-23", 4, "2026-11-27")]
    [InlineData("2026-11-23", 5, "2026-11-30")]
    [InlineData("2026-11-23", 10, "2026-12-07")]
    // New Year 2026: 1–2 January holidays, 3–4 weekend, 7 January Orthodox Christmas.
    [InlineData("2025-12-31", 1, "2026-01-05")]
    [InlineData("2025-12-31", 2, "2026-01-06")]
    [InlineData("2025-12-31", 3, "2026-01-08")]
    [InlineData("2025-12-30", 5, "2026-01-09")]
    // Nauryz 2026: 21–23 March, and 24–25 March in place of the weekend days.
    [InlineData("2026-03-19", 1, "2026-03-20")]
    [InlineData("2026-03-19", 2, "2026-03-26")]
    [InlineData("2026-03-20", 1, "2026-03-26")]
    [InlineData("2026-03-20", 5, "2026-04-01")]
    [InlineData("2026-03-06", 1, "2026-03-10")]
    // New Year 2025: 3 January off, Sunday 5 January working, 7 January Orthodox Christmas.
    [InlineData("2024-12-31", 1, "2025-01-05")]
    [InlineData("2025-01-02", 1, "2025-01-05")]
    [InlineData("2024-12-31", 2, "2025-01-06")]
    [InlineData("2024-12-31", 3, "2025-01-08")]
    // n < 0: the |n|-th working day before start; start never counts.
    [InlineData("2026-11-23", -1, "2026-11-20")]
    [InlineData("2026-11-22", -1, "2026-11-20")]
    [InlineData("2026-11-21", -1, "2026-11-20")]
    [InlineData("2026-11-20", -1, "2026-11-19")]
    [InlineData("2026-11-23", -5, "2026-11-16")]
    [InlineData("2026-01-05", -1, "2025-12-31")]
    [InlineData("2026-01-08", -3, "2025-12-31")]
    [InlineData("2026-03-26", -1, "2026-03-20")]
    [InlineData("2026-03-26", -2, "2026-03-19")]
    [InlineData("2025-01-06", -1, "2025-01-05")]
    [InlineData("2025-01-06", -2, "2024-12-31")]
    public void AddWorkingDays_counts_working_days_from_the_start(string start, int n, string expected) =>
        Kazakhstan.AddWorkingDays(Date(start), n).ShouldBe(Date(expected));

    [Fact]
    public void NextWorkingDay_and_PreviousWorkingDay_skip_the_start_and_every_day_off()
    {
        Kazakhstan.NextWorkingDay(Date("2026-03-20")).ShouldBe(Date("2026-03-26"));
        Kazakhstan.NextWorkingDay(Date("2026-03-19")).ShouldBe(Date("2026-03-20"));
        Kazakhstan.NextWorkingDay(Date("2026-03-22")).ShouldBe(Date("2026-03-26"));
        Kazakhstan.PreviousWorkingDay(Date("2026-03-26")).ShouldBe(Date("2026-03-20"));
        Kazakhstan.PreviousWorkingDay(Date("2026-01-05")).ShouldBe(Date("2025-12-31"));
        Kazakhstan.PreviousWorkingDay(Date("2025-01-06")).ShouldBe(Date("2025-01-05"));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    [InlineData("2026-11-23", "2026-11-27", 4)]
    [InlineData("2026-11-27", "2026-11-23", -4)]
    [InlineData("2026-11-20", "2026-11-23", 1)]
    [InlineData("2026-11-21", "2026-11-22", 0)]
    [InlineData("2026-11-21", "2026-11-23", 1)]
    [InlineData("2026-03-20", "2026-03-26", 1)]
    [InlineData("2026-03-26", "2026-03-20", -1)]
    [InlineData("2025-12-31", "2026-01-08", 3)]
    // Months as the production calendar for a five-day week publishes them.
    [InlineData("2025-12-31", "2026-01-31", 19)]
    [InlineData("2026-02-28", "2026-03-31", 18)]
    [InlineData("2026-04-30", "2026-05-31", 17)]
    // Whole years: 2025 has 119 days off and 246 working days; 2026 was published with 246 before 30 August stopped
    // being Constitution Day, which gives back Monday 31 August.
    [InlineData("2023-12-31", "2024-12-31", 249)]
    [InlineData("2024-12-31", "2025-12-31", 246)]
    [InlineData("2025-12-31", "2026-12-31", 247)]
    [InlineData("2026-12-31", "2027-12-31", 247)]
    public void WorkingDaysBetween_counts_after_from_up_to_and_including_to(string from, string to, int expected) =>
        Kazakhstan.WorkingDaysBetween(Date(from), Date(to)).ShouldBe(expected);

    [Fact]
    public void A_working_day_cannot_be_made_of_a_weekday() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(
            [new CalendarDay(Date("2026-11-23"), CalendarDayKind.TransferredWorkingDay, "a", "b", "c")]));

    [Fact]
    public void A_day_off_cannot_be_moved_to_a_weekend_day() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(
            [new CalendarDay(Date("2026-11-22"), CalendarDayKind.TransferredDayOff, "a", "b", "c")]));

    [Fact]
    public void A_date_cannot_be_both_a_day_off_and_a_working_day() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(
        [
            new CalendarDay(Date("2026-11-21"), CalendarDayKind.PublicHoliday, "a", "b", "c"),
            new CalendarDay(Date("2026-11-21"), CalendarDayKind.TransferredWorkingDay, "a", "b", "c"),
        ]));

    [Fact]
    public void Two_holidays_may_share_a_date_and_a_holiday_may_fall_on_a_weekend()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(Date("2026-11-26"), CalendarDayKind.PublicHoliday, "a", "b", "c"),
            new CalendarDay(Date("2026-11-28"), CalendarDayKind.PublicHoliday, "d", "e", "f"),
            new CalendarDay(Date("2026-11-26"), CalendarDayKind.PublicHoliday, "g", "h", "i"),
        ]);

        calendar.IsWorkingDay(Date("2026-11-26")).ShouldBeFalse();
        calendar.WorkingDaysBetween(Date("2026-11-22"), Date("2026-11-29")).ShouldBe(4);
        calendar.Days.Select(d => d.Date).ShouldBe([Date("2026-11-26"), Date("2026-11-26"), Date("2026-11-28")]);
    }

    [Fact]
    public void Large_counts_jump_by_whole_weeks()
    {
        var monday = Date("2026-11-23");

        WorkingCalendar.MondayToFriday.AddWorkingDays(monday, 1_000_000).ShouldBe(monday.AddDays(1_400_000));
        WorkingCalendar.MondayToFriday.AddWorkingDays(monday, -100_000).ShouldBe(monday.AddDays(-140_000));
        WorkingCalendar.MondayToFriday.WorkingDaysBetween(monday, monday.AddDays(1_400_000)).ShouldBe(1_000_000);
        WorkingCalendar.MondayToFriday.WorkingDaysBetween(DateOnly.MinValue, DateOnly.MaxValue)
            .ShouldBe(Naive.CountAfterUpTo(WorkingCalendar.MondayToFriday, DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Answers_beyond_the_range_of_dates_throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.AddWorkingDays(DateOnly.MaxValue, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.AddWorkingDays(DateOnly.MinValue, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.AddWorkingDays(DateOnly.MinValue, int.MinValue));
    }

    [Fact]
    public void The_Kazakhstan_calendar_agrees_with_a_day_by_day_walk_over_two_years() =>
        AgreesWithADayByDayWalk(Kazakhstan, Date("2025-01-01"), Date("2026-12-31"));

    [Fact]
    public void An_arbitrary_calendar_agrees_with_a_day_by_day_walk()
    {
        // Long runs of days off and scattered working weekends, which no real year has, stress the jumps.
        var random = new Random(20260324);
        var first = Date("2025-01-01");
        var days = new List<CalendarDay>();
        for (var day = first; day <= Date("2026-12-31"); day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (day.DayNumber % 97 < 12)
            {
                days.Add(new CalendarDay(day, CalendarDayKind.PublicHoliday, "a", "b", "c"));
            }
            else if (random.Next(10) == 0)
            {
                var kind = weekend ? CalendarDayKind.TransferredWorkingDay : CalendarDayKind.TransferredDayOff;
                days.Add(new CalendarDay(day, kind, "a", "b", "c"));
            }
        }

        AgreesWithADayByDayWalk(new WorkingCalendar(days), first, Date("2026-12-31"));
    }

    private static void AgreesWithADayByDayWalk(WorkingCalendar calendar, DateOnly first, DateOnly last)
    {
        var mismatches = new List<string>();
        for (var start = first; start <= last; start = start.AddDays(1))
        {
            for (var n = -45; n <= 45; n++)
            {
                var expected = Naive.AddWorkingDays(calendar, start, n);
                var actual = calendar.AddWorkingDays(start, n);
                if (actual != expected)
                {
                    mismatches.Add($"AddWorkingDays({start:O}, {n}) = {actual:O}, walk gives {expected:O}");
                }

                if (n > 0 && calendar.WorkingDaysBetween(start, actual) != n)
                {
                    mismatches.Add($"WorkingDaysBetween({start:O}, AddWorkingDays({start:O}, {n})) is not {n}");
                }
            }
        }

        // Working days in (first - 1, first + i], walked once; the count over (a, b] is a difference of two of them.
        var before = first.AddDays(-1);
        var span = last.DayNumber - before.DayNumber;
        var running = new int[span + 1];
        for (var i = 1; i <= span; i++)
        {
            running[i] = running[i - 1] + (calendar.IsWorkingDay(before.AddDays(i)) ? 1 : 0);
        }

        for (var a = 0; a <= span; a++)
        {
            for (var b = 0; b <= span; b++)
            {
                var expected = running[b] - running[a];
                var actual = calendar.WorkingDaysBetween(before.AddDays(a), before.AddDays(b));
                if (actual != expected)
                {
                    mismatches.Add($"WorkingDaysBetween({before.AddDays(a):O}, {before.AddDays(b):O}) = {actual}, walk gives {expected}");
                }
            }
        }

        mismatches.Take(10).ShouldBeEmpty();
    }

    private static class Naive
    {
        public static DateOnly AddWorkingDays(WorkingCalendar calendar, DateOnly start, int n)
        {
            var day = start;
            if (n == 0)
            {
                while (!calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(1);
                }

                return day;
            }

            var step = Math.Sign(n);
            for (var left = Math.Abs(n); left > 0;)
            {
                day = day.AddDays(step);
                if (calendar.IsWorkingDay(day))
                {
                    left--;
                }
            }

            return day;
        }

        public static int CountAfterUpTo(WorkingCalendar calendar, DateOnly from, DateOnly to)
        {
            var count = 0;
            for (var day = from; day < to;)
            {
                day = day.AddDays(1);
                count += calendar.IsWorkingDay(day) ? 1 : 0;
            }

            return count;
        }
    }
}
