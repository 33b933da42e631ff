using Microsoft.EntityFrameworkCore;
using Qala.Engine.Calendar;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Calendar;

/// <summary>
/// Every deadline in Qala goes through here: Kazakhstan's working-day calendar from the database and one time zone
/// for deadlines (<c>Qala:TimeZone</c>, Asia/Almaty unless set). Overdue is computed from <see cref="TimeProvider"/>
/// each time it is asked, never stored.
/// </summary>
public sealed class Deadlines(QalaDbContext db, TimeProvider time, IConfiguration configuration)
{
    private WorkingCalendar? calendar;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Qala:TimeZone"] is { Length: > 0 } zone ? zone : DeadlineClock.KazakhstanTimeZoneId);

    public DateOnly Today => DeadlineClock.Today(time.GetUtcNow(), Zone);

    public bool IsOverdue(DateOnly deadline) => DeadlineClock.IsOverdue(deadline, time.GetUtcNow(), Zone);

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        if (calendar is null)
        {
            var entries = await db.Set<CalendarEntry>().AsNoTracking().ToListAsync(cancellationToken);
            calendar = new WorkingCalendar(entries.Select(e => e.ToDay()));
        }

        return calendar;
    }

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken) =>
        (await CalendarAsync(cancellationToken)).AddWorkingDays(start, days);
}
