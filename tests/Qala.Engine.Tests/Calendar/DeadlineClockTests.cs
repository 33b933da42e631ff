using Qala.Engine.Calendar;
using static Qala.Engine.Tests.Calendar.CalendarTestData;

namespace Qala.Engine.Tests.Calendar;

public sealed class DeadlineClockTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById(DeadlineClock.KazakhstanTimeZoneId);

    [Fact]
    public void Almaty_moved_from_UTC_plus_6_to_UTC_plus_5_on_1_March_2024()
    {
        // Fails on zone data older than tzdata 2024a, which still has Almaty at UTC+6.
        Almaty.GetUtcOffset(Instant("2024-02-29T17:59:59Z")).ShouldBe(TimeSpan.FromHours(6));
        Almaty.GetUtcOffset(Instant("2024-02-29T18:00:00Z")).ShouldBe(TimeSpan.FromHours(5));
    }

    [Theory]
    [InlineData("2024-02-15", "2024-02-15T18:00:00Z")]
    [InlineData("2024-02-28", "2024-02-28T18:00:00Z")]
    [InlineData("2024-02-29", "2024-02-29T19:00:00Z")] // 25 hours long: 23:00–24:00 happened twice
    [InlineData("2024-03-01", "2024-03-01T19:00:00Z")]
    [InlineData("2026-03-25", "2026-03-25T19:00:00Z")]
    [InlineData("2026-12-31", "2026-12-31T19:00:00Z")]
    public void EndOfDay_is_local_midnight_starting_the_next_day_in_UTC(string day, string expected)
    {
        var end = DeadlineClock.EndOfDay(Date(day), Almaty);

        end.ShouldBe(Instant(expected));
        end.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void StartOfDay_of_the_day_Almaty_changed_its_offset_is_midnight_at_UTC_plus_6()
    {
        DeadlineClock.StartOfDay(Date("2024-02-29"), Almaty).ShouldBe(Instant("2024-02-28T18:00:00Z"));
        DeadlineClock.StartOfDay(Date("2024-03-01"), Almaty).ShouldBe(Instant("2024-02-29T19:00:00Z"));
    }

    [Theory]
    // Before the change, at UTC+6.
    [InlineData("2024-02-15", "2024-02-15T23:59:59+06:00", false)]
    [InlineData("2024-02-15", "2024-02-16T00:00:00+06:00", true)]
    [InlineData("2024-02-15", "2024-02-15T17:59:59Z", false)]
    [InlineData("2024-02-15", "2024-02-15T18:00:00Z", true)]
    // The day of the change: 23:59:59 at UTC+6, then 23:00–23:59:59 again at UTC+5.
    [InlineData("2024-02-28", "2024-02-29T00:00:00+06:00", true)]
    [InlineData("2024-02-29", "2024-02-29T23:59:59+06:00", false)]
    [InlineData("2024-02-29", "2024-02-29T23:30:00+05:00", false)]
    [InlineData("2024-02-29", "2024-02-29T23:59:59+05:00", false)]
    [InlineData("2024-02-29", "2024-03-01T00:00:00+05:00", true)]
    // After the change, at UTC+5.
    [InlineData("2026-03-25", "2026-03-25T00:00:00+05:00", false)]
    [InlineData("2026-03-25", "2026-03-25T23:59:59+05:00", false)]
    [InlineData("2026-03-25", "2026-03-26T00:00:00+05:00", true)]
    [InlineData("2026-03-25", "2026-03-25T18:59:59Z", false)]
    [InlineData("2026-03-25", "2026-03-25T19:00:00Z", true)]
    [InlineData("2026-03-25", "2026-03-25T21:59:59+03:00", false)] // a clock in Moscow
    [InlineData("2026-03-25", "2026-03-25T22:00:00+03:00", true)]
    [InlineData("2026-03-25", "2026-03-24T10:00:00+05:00", false)]
    [InlineData("2026-03-25", "2026-04-01T10:00:00+05:00", true)]
    public void A_deadline_is_overdue_from_local_midnight_after_it(string deadline, string now, bool overdue) =>
        DeadlineClock.IsOverdue(Date(deadline), Instant(now), Almaty).ShouldBe(overdue);

    [Theory]
    [InlineData("2024-02-28T17:59:59Z", "2024-02-28")]
    [InlineData("2024-02-28T18:00:00Z", "2024-02-29")]
    [InlineData("2024-02-29T17:59:59Z", "2024-02-29")]
    [InlineData("2024-02-29T18:00:00Z", "2024-02-29")]
    [InlineData("2024-02-29T18:59:59Z", "2024-02-29")]
    [InlineData("2024-02-29T19:00:00Z", "2024-03-01")]
    [InlineData("2026-03-25T18:59:59Z", "2026-03-25")]
    [InlineData("2026-03-25T19:00:00Z", "2026-03-26")]
    [InlineData("2026-03-26T00:00:00+05:00", "2026-03-26")]
    [InlineData("2026-03-25T23:30:00+03:00", "2026-03-26")]
    [InlineData("2026-12-31T19:00:00Z", "2027-01-01")]
    public void Today_is_the_local_date_in_the_zone(string now, string expected) =>
        DeadlineClock.Today(Instant(now), Almaty).ShouldBe(Date(expected));

    [Fact]
    public void Every_day_from_2023_to_2027_is_today_from_its_start_to_just_before_its_end()
    {
        for (var day = Date("2023-01-01"); day <= Date("2027-12-31"); day = day.AddDays(1))
        {
            var start = DeadlineClock.StartOfDay(day, Almaty);
            var end = DeadlineClock.EndOfDay(day, Almaty);

            DeadlineClock.Today(start, Almaty).ShouldBe(day);
            DeadlineClock.Today(end.AddTicks(-1), Almaty).ShouldBe(day);
            DeadlineClock.IsOverdue(day, end.AddTicks(-1), Almaty).ShouldBeFalse();
            DeadlineClock.IsOverdue(day, end, Almaty).ShouldBeTrue();
            end.ShouldBe(DeadlineClock.StartOfDay(day.AddDays(1), Almaty));
        }
    }

    [Fact]
    public void Where_clocks_jump_over_midnight_the_day_starts_when_they_land()
    {
        // Santiago: on 8 September 2024 clocks went from 23:59:59 -04 straight to 01:00 -03.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        DeadlineClock.StartOfDay(Date("2024-09-08"), santiago).ShouldBe(Instant("2024-09-08T04:00:00Z"));
        DeadlineClock.EndOfDay(Date("2024-09-07"), santiago).ShouldBe(Instant("2024-09-08T04:00:00Z"));
        DeadlineClock.Today(Instant("2024-09-08T03:59:59Z"), santiago).ShouldBe(Date("2024-09-07"));
    }

    [Fact]
    public void Where_midnight_happens_twice_the_day_starts_at_the_first()
    {
        // Havana: on 3 November 2024 clocks went from 00:59:59 -04 back to 00:00 -05.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

        DeadlineClock.StartOfDay(Date("2024-11-03"), havana).ShouldBe(Instant("2024-11-03T04:00:00Z"));
        DeadlineClock.IsOverdue(Date("2024-11-02"), Instant("2024-11-03T04:00:00Z"), havana).ShouldBeTrue();
    }

    [Fact]
    public void In_UTC_a_day_ends_at_the_next_midnight() =>
        DeadlineClock.EndOfDay(Date("2026-01-01"), TimeZoneInfo.Utc).ShouldBe(Instant("2026-01-02T00:00:00Z"));

    [Fact]
    public void A_zone_is_required()
    {
        Should.Throw<ArgumentNullException>(() => DeadlineClock.Today(Instant("2026-01-01T00:00:00Z"), null!));
        Should.Throw<ArgumentNullException>(() => DeadlineClock.EndOfDay(Date("2026-01-01"), null!));
    }
}
