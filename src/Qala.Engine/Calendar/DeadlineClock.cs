namespace Qala.Engine.Calendar;

/// <summary>
/// Deadlines are calendar days in one time zone: a task due on a day is on time until that day ends there, and
/// overdue from the local midnight that starts the next day.
/// </summary>
public static class DeadlineClock
{
    /// <summary>
    /// The zone of Kazakhstan's deadlines. Since 2024-03-01 the whole country keeps UTC+5; Asia/Almaty was UTC+6
    /// before that date, which the zone data carries.
    /// </summary>
    public const string KazakhstanTimeZoneId = "Asia/Almaty";

    /// <summary>The calendar day it is in <paramref name="zone"/> at the instant <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>
    /// The first instant of <paramref name="day"/> in <paramref name="zone"/>, in UTC: local midnight, or where
    /// clocks jump over midnight, the moment they land in the day; where midnight happens twice, the first.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(midnight))
        {
            return FirstInstantAtOrAfter(midnight, zone);
        }

        var offset = zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max() : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight - offset, TimeSpan.Zero);
    }

    /// <summary>
    /// The instant <paramref name="day"/> ends in <paramref name="zone"/>, in UTC: the start of the next local day.
    /// The day is every instant from <see cref="StartOfDay"/> up to, not including, this one.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone) => StartOfDay(day.AddDays(1), zone);

    /// <summary>Whether a task due on <paramref name="deadline"/> is late at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateOnly deadline, DateTimeOffset now, TimeZoneInfo zone) => now >= EndOfDay(deadline, zone);

    // Local time only moves forward within a day of a gap, and no offset exceeds 14 hours, so a binary search over
    // the 30 hours around the wanted local time finds the instant the clocks jump.
    private static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        var low = local.Ticks - TimeSpan.TicksPerHour * 15;
        var high = local.Ticks + TimeSpan.TicksPerHour * 15;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (TimeZoneInfo.ConvertTimeFromUtc(new DateTime(middle, DateTimeKind.Utc), zone) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }
}
