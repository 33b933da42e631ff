using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Engine.Calendar;
using Qala.Web.Data;
using Qala.Web.Features.Users;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Administration.Pages;

/// <summary>
/// The working-day calendar that every deadline uses: holidays and decree transfers by year, working days per month,
/// and a deadline calculator to check the result.
/// </summary>
[Authorize(Policy = ScopePolicies.NationalAdministrator)]
public sealed class CalendarModel(QalaDbContext db, Deadlines deadlines, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Range(0, 3650)]
    public int? Days { get; set; }

    public DateOnly? Result { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];

    public IReadOnlyList<(int Month, int WorkingDays)> Months { get; private set; } = [];

    [BindProperty]
    public NewDay Day { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var calendar = await deadlines.CalendarAsync(cancellationToken);
        if (Day.Date is { } date)
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (Day.Kind == CalendarDayKind.TransferredWorkingDay && !weekend)
            {
                ModelState.AddModelError("Day.Kind", t["Only a Saturday or a Sunday can be made a working day."]);
            }
            else if (Day.Kind == CalendarDayKind.TransferredDayOff && weekend)
            {
                ModelState.AddModelError("Day.Kind", t["A day off can be moved only to a weekday."]);
            }
            else if (Day.Kind == CalendarDayKind.TransferredWorkingDay ? calendar.Days.Any(d => d.Date == date && d.IsDayOff) : calendar.Days.Any(d => d.Date == date && !d.IsDayOff))
            {
                ModelState.AddModelError("Day.Date", t["This date already has an entry of the opposite kind."]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Add(new CalendarEntry { Date = Day.Date!.Value, Kind = Day.Kind, Name = Day.Name.ToText() });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The calendar has been updated."].Value;
        return RedirectToPage(new { year = Day.Date.Value.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.Set<CalendarEntry>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        db.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The calendar has been updated."].Value;
        return RedirectToPage(new { year = entry.Date.Year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = deadlines.Today;
        if (Year is < 2000 or > 2100)
        {
            Year = Today.Year;
        }

        var calendar = await deadlines.CalendarAsync(cancellationToken);
        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        Entries = await db.Set<CalendarEntry>().AsNoTracking()
            .Where(e => e.Date >= first && e.Date <= last).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        Months = [.. Enumerable.Range(1, 12).Select(m =>
            (m, calendar.WorkingDaysBetween(new DateOnly(Year, m, 1).AddDays(-1), new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)))))];
        if (From is { } from && Days is { } days && ModelState.IsValid)
        {
            Result = calendar.AddWorkingDays(from, days);
        }
    }

    public sealed class NewDay
    {
        [Required(ErrorMessage = "Choose a date.")]
        public DateOnly? Date { get; set; }

        public CalendarDayKind Kind { get; set; } = CalendarDayKind.PublicHoliday;

        public LocalizedTextInput Name { get; set; } = new();
    }
}
