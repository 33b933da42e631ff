using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Engine.Calendar;
using Qala.Web.Infrastructure.Calendar;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class CalendarTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_seeded_calendar_moves_Nauryz_2026_and_deadlines_count_around_it(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();

        var page = await admin.PageAsync("/admin/calendar?year=2026&from=2026-03-20&days=1");

        page.QuerySelector("#calendar-days")!.TextContent.ShouldContain("24/03/2026");
        page.QuerySelector("#calculator-result")!.TextContent.ShouldContain("26/03/2026", Case.Sensitive, "21–25 March 2026 are days off");
        page.QuerySelectorAll("#months tr")[0].TextContent.ShouldContain("19", Case.Sensitive, "January 2026 has 19 working days");
        var days = await app.QueryAsync(db => db.Set<CalendarEntry>().CountAsync());
        days.ShouldBe(KazakhstanHolidays.Years.Sum(y => KazakhstanHolidays.For(y).Count));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_administrator_adds_a_decree_transfer_and_wrong_kinds_are_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var names = new Dictionary<string, string> { ["Day.Name.Kk"] = "Ауыстыру", ["Day.Name.Ru"] = "Перенос", ["Day.Name.En"] = "Transfer" };

        var weekday = await admin.SubmitAsync("/admin/calendar?year=2027", "form[method=post]:not([action])",
            new(names) { ["Day.Date"] = "2027-01-06", ["Day.Kind"] = nameof(CalendarDayKind.TransferredWorkingDay) });
        (await weekday.HtmlAsync()).Body!.TextContent.ShouldContain("Only a Saturday or a Sunday can be made a working day.");

        var saturday = await admin.SubmitAsync("/admin/calendar?year=2027", "form[method=post]:not([action])",
            new(names) { ["Day.Date"] = "2027-01-09", ["Day.Kind"] = nameof(CalendarDayKind.TransferredWorkingDay) });
        saturday.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = app.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<Deadlines>().CalendarAsync(CancellationToken.None);
        calendar.IsWorkingDay(new DateOnly(2027, 1, 9)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2027, 1, 10)).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_deadline_is_overdue_after_the_end_of_its_day_in_Almaty(DatabaseKind kind)
    {
        // 23:59 in Almaty (UTC+5) on the deadline day, then one minute later.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 59, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var scope = app.Services.CreateAsyncScope();
        var deadlines = scope.ServiceProvider.GetRequiredService<Deadlines>();

        deadlines.Today.ShouldBe(new DateOnly(2026, 11, 24));
        deadlines.IsOverdue(new DateOnly(2026, 11, 24)).ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(1));
        deadlines.Today.ShouldBe(new DateOnly(2026, 11, 25));
        deadlines.IsOverdue(new DateOnly(2026, 11, 24)).ShouldBeTrue();
        (await deadlines.AddWorkingDaysAsync(new DateOnly(2026, 12, 15), 1, CancellationToken.None))
            .ShouldBe(new DateOnly(2026, 12, 17), "16 December, Independence Day, is a day off");
    }
}
