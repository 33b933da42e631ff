using System.Collections.Frozen;
using System.Globalization;

namespace Qala.Engine.Calendar;

/// <summary>
/// Which days are working days: Monday to Friday, except the <see cref="CalendarDay"/>s it was built from.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Counting is done with week arithmetic and a binary search over the exceptions, so spans of years cost the same as
/// spans of days.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<DateOnly, bool> _isWorking;
    private readonly int[] _exceptionDayNumbers;

    // _adjustmentsBefore[i]: working days the first i exceptions add to (or take from) the Monday–Friday count.
    private readonly int[] _adjustmentsBefore;

    /// <summary>
    /// Builds a calendar from its exceptions. Several days off may share a date (two holidays on one day), but a date
    /// cannot be both a day off and a working day; a <see cref="CalendarDayKind.TransferredWorkingDay"/> must be a
    /// Saturday or Sunday and a <see cref="CalendarDayKind.TransferredDayOff"/> a Monday–Friday.
    /// </summary>
    /// <exception cref="ArgumentException">The days contradict each other or their kind.</exception>
    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        Days = [.. days.OrderBy(d => d.Date)];

        var isWorking = new Dictionary<DateOnly, bool>();
        foreach (var day in Days)
        {
            var weekend = IsWeekend(day.Date);
            if (day.Kind == CalendarDayKind.TransferredWorkingDay && !weekend)
            {
                throw new ArgumentException($"{Iso(day.Date)} is a weekday, so it cannot be made a working day.", nameof(days));
            }

            if (day.Kind == CalendarDayKind.TransferredDayOff && weekend)
            {
                throw new ArgumentException($"{Iso(day.Date)} is a weekend day, so no day off can be moved to it.", nameof(days));
            }

            if (isWorking.TryGetValue(day.Date, out var earlier) && earlier == day.IsDayOff)
            {
                throw new ArgumentException($"{Iso(day.Date)} is given as both a day off and a working day.", nameof(days));
            }

            isWorking[day.Date] = !day.IsDayOff;
        }

        _isWorking = isWorking.ToFrozenDictionary();
        var exceptions = isWorking.OrderBy(e => e.Key).ToArray();
        _exceptionDayNumbers = [.. exceptions.Select(e => e.Key.DayNumber)];
        _adjustmentsBefore = new int[exceptions.Length + 1];
        for (var i = 0; i < exceptions.Length; i++)
        {
            var adjustment = (exceptions[i].Value ? 1 : 0) - (IsWeekend(exceptions[i].Key) ? 0 : 1);
            _adjustmentsBefore[i + 1] = _adjustmentsBefore[i] + adjustment;
        }
    }

    /// <summary>A calendar with no exceptions: Monday to Friday work, Saturday and Sunday rest.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new([]);

    /// <summary>The exceptions, ordered by date.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    public bool IsWorkingDay(DateOnly date) => _isWorking.TryGetValue(date, out var working) ? working : !IsWeekend(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    /// <summary>
    /// Counts working days from <paramref name="start"/>. <paramref name="start"/> itself is never counted:
    /// <list type="bullet">
    /// <item><c>n &gt; 0</c>: the n-th working day strictly after start (Friday + 1 is Monday, Saturday + 1 is Monday);</item>
    /// <item><c>n = 0</c>: start when it is a working day, otherwise the next working day;</item>
    /// <item><c>n &lt; 0</c>: the |n|-th working day strictly before start (Monday − 1 is Friday, Sunday − 1 is Friday).</item>
    /// </list>
    /// For n ≥ 1, <c>WorkingDaysBetween(start, AddWorkingDays(start, n)) == n</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The answer lies outside the range of <see cref="DateOnly"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        if (n == 0)
        {
            return IsWorkingDay(start) ? start : NextWorkingDay(start);
        }

        // Every day adds at most one working day, so stepping by the shortfall never passes the answer;
        // once the count is reached, the answer is the nearest working day back towards start.
        if (n > 0)
        {
            var end = start;
            for (var shortfall = n; shortfall > 0; shortfall = n - Count(start.DayNumber, end.DayNumber))
            {
                end = end.AddDays(shortfall);
            }

            while (!IsWorkingDay(end))
            {
                end = end.AddDays(-1);
            }

            return end;
        }

        var wanted = -(long)n;
        var begin = start;
        for (var shortfall = wanted; shortfall > 0; shortfall = wanted - Count(begin.DayNumber - 1, start.DayNumber - 1))
        {
            begin = begin.AddDays((int)-shortfall);
        }

        while (!IsWorkingDay(begin))
        {
            begin = begin.AddDays(1);
        }

        return begin;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>: from
    /// Monday to Friday of one week is 4, from a deadline to today is the working days overdue. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/> (<c>WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)</c>).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        from <= to ? Count(from.DayNumber, to.DayNumber) : -Count(to.DayNumber, from.DayNumber);

    // Working days with day number in (after, upTo]; after may be -1.
    private int Count(int after, int upTo) =>
        WeekdaysBefore(upTo + 1) - WeekdaysBefore(after + 1) + AdjustmentsBefore(upTo + 1) - AdjustmentsBefore(after + 1);

    // Monday to Friday among day numbers [0, dayNumber); day number 0, 0001-01-01, is a Monday.
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    private int AdjustmentsBefore(int dayNumber)
    {
        var index = Array.BinarySearch(_exceptionDayNumbers, dayNumber);
        return _adjustmentsBefore[index >= 0 ? index : ~index];
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
