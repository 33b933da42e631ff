using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Data;
using Qala.Web.Features.Instructions;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Instructions;

/// <summary>The instruction register through HTTP: from a meeting's text to executed instructions, the workflow's guards, overdue, reminders and the board.</summary>
public sealed class InstructionControlTests
{
    private const string Password = "instructions-password-1";
    private const string Almaty = "750000000";

    private const string MeetingText =
        """
        Meeting of the Akim of Almaty on school construction, 15 January 2026.
        Chaired by Akim Yerbolat Dosayev.
        The akim heard the report of the Department of Education of Almaty city on the state of schools.
        I instruct the Department of Education to build three new schools in Alatau district by 1 September 2026.
        The Department of Public Health must open two outpatient clinics in Nauryzbay district by 1 December 2026.
        """;

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_controller_registers_a_meeting_from_its_text_the_executor_reports_and_the_controller_accepts(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await UsersAsync(app);
        var controller = await app.SignedInAsync("controller", Password);

        var page = await controller.PageAsync("/instructions/new");
        var proposals = await controller.SubmitAsync((IHtmlFormElement)page.QuerySelector("#text-form")!, new() { ["Text"] = MeetingText });
        proposals.StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await proposals.HtmlAsync();
        var fieldsets = review.QuerySelectorAll("fieldset[data-proposal]");
        fieldsets.Length.ShouldBe(2, "two directing sentences, the heard report is no instruction");
        fieldsets[0].QuerySelector("mark")!.TextContent.ShouldContain("build three new schools");
        fieldsets[0].QuerySelector("[data-cue]")!.GetAttribute("data-cue").ShouldNotBeNullOrEmpty();
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var health = await AgencyIdAsync(app, "ALA-HEALTH");
        ((IHtmlSelectElement)fieldsets[0].QuerySelector("select[name='Proposals[0].LeadAgencyId']")!).Value.ShouldBe(edu.ToString(CultureInfo.InvariantCulture), "the addressee names the education department");
        ((IHtmlInputElement)review.QuerySelector("input[name=HeldOn]")!).Value.ShouldBe("2026-01-15");

        // A browser also posts the text areas: the proposals' texts as the controller left them.
        var confirm = (IHtmlFormElement)review.QuerySelector("#confirm-form")!;
        var fields = confirm.QuerySelectorAll("textarea").Cast<IHtmlTextAreaElement>().ToDictionary(a => a.Name!, a => a.Value);
        fields["Proposals[1].LeadAgencyId"] = health.ToString(CultureInfo.InvariantCulture);
        var confirmed = await controller.SubmitAsync(confirm, fields);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await confirmed.HtmlAsync()).QuerySelector(".alert-danger")?.TextContent);
        var meeting = await app.QueryAsync(db => db.Set<Meeting>().Include(m => m.Instructions).SingleAsync(m => !m.IsDemo));
        meeting.HeldOn.ShouldBe(new DateOnly(2026, 1, 15));
        meeting.SourceText.ShouldContain("outpatient clinics");
        meeting.Instructions.Count.ShouldBe(2);
        var schools = meeting.Instructions.Single(i => i.Number == 1);
        schools.LeadAgencyId.ShouldBe(edu);
        schools.Deadline.ShouldBe(new DateOnly(2026, 9, 1));
        schools.Text.En.ShouldContain("build three new schools");

        // The executor sees it among their instructions and reports; another agency's officer is refused.
        var officer = await app.SignedInAsync("edu", Password);
        (await officer.PageAsync("/instructions/mine")).QuerySelector($"tr[data-instruction='{schools.Id}']").ShouldNotBeNull();
        (await officer.PageAsync("/instructions/mine")).QuerySelector($"tr[data-instruction='{meeting.Instructions.Single(i => i.Number == 2).Id}']").ShouldBeNull();
        var reported = await officer.SubmitAsync($"/instructions/{schools.Id}", "#report-form", new() { ["ReportText"] = "Three schools designed; construction contracts signed." });
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stranger = await app.SignedInAsync("health", Password);
        (await stranger.GetAsync($"/instructions/{schools.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PostAsJsonAsync($"/api/v1/instructions/{schools.Id}/reports", new { text = "Not ours, but reported." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var forged = await stranger.SubmitAsync((IHtmlFormElement)(await officer.PageAsync($"/instructions/{schools.Id}")).QuerySelector("#request-extension-form")!, new() { ["NewDeadline"] = "2026-12-01", ["Comment"] = "forged" });
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the antiforgery token belongs to another user");

        var accepted = await controller.SubmitAsync($"/instructions/{schools.Id}", "#accept-form", new() { ["Comment"] = "Executed." });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await controller.PageAsync($"/instructions/{schools.Id}");
        details.QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("Accepted");
        details.QuerySelectorAll("#events tr[data-event]").Select(r => r.GetAttribute("data-event")).ShouldBe(["Accepted", "ReportSubmitted", "Registered"]);
        details.QuerySelector("#reports tr[data-report]").ShouldNotBeNull();

        // Accepting again is refused, on the API as on the page (which no longer offers it).
        var again = await controller.PostAsJsonAsync($"/api/v1/instructions/{schools.Id}/accept", new { comment = "again" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        details.QuerySelector("#accept-form").ShouldBeNull();
        var saved = await app.QueryAsync(db => db.Set<Instruction>().Include(i => i.Events).SingleAsync(i => i.Id == schools.Id));
        saved.Events.Count(e => e.Kind == InstructionEventKind.Accepted).ShouldBe(1);
        saved.StatusChangedBy.ShouldBe("controller");
        saved.ExecutedOn.ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<Data.Audit.AuditEntry>().CountAsync(e => e.EntityType == "Instructions"))).ShouldBeGreaterThan(0, "changes are audited");

        foreach (var language in new[] { "kk", "ru" })
        {
            foreach (var url in new[] { "/instructions", $"/instructions/{schools.Id}", "/instructions/board", "/instructions/new" })
            {
                (await controller.GetAsync($"{url}?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, $"{url} {language}");
            }
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Return_extension_overdue_and_the_boards_discipline_follow_the_clock(DatabaseKind kind)
    {
        // Friday 20 February 2026, 09:00 in Almaty (UTC+5). The meeting was on 10 January; some deadlines have passed.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 20, 4, 0, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await UsersAsync(app);
        var controller = await app.SignedInAsync("controller", Password);
        var officer = await app.SignedInAsync("edu", Password);
        var ids = await CreateAsync(controller, ("ALA-EDU", "2026-03-01"), ("ALA-EDU", "2026-02-15"), ("ALA-EDU", "2026-02-18"), ("ALA-HEALTH", "2026-02-22"));
        var (onTime, extended, returned, dueSoon) = (ids[0], ids[1], ids[2], ids[3]);
        var meeting = await app.QueryAsync(db => db.Set<Instruction>().Where(i => i.Id == onTime).Select(i => i.MeetingId).SingleAsync());

        (await Post(officer, $"{onTime}/reports", new { text = "Done." })).ShouldBe(HttpStatusCode.NoContent);
        (await Post(controller, $"{onTime}/accept", new { comment = "" })).ShouldBe(HttpStatusCode.NoContent);

        (await Post(officer, $"{extended}/extension-request", new { deadline = "2026-02-10", reason = "Earlier?" })).ShouldBe(HttpStatusCode.Conflict, "a new deadline is later");
        (await Post(officer, $"{extended}/extension-request", new { deadline = "2026-02-28", reason = "The contractor was late." })).ShouldBe(HttpStatusCode.NoContent);
        (await Post(controller, $"{extended}/extend", new { deadline = "2026-02-28", reason = "The contractor was late." })).ShouldBe(HttpStatusCode.NoContent);
        (await Post(officer, $"{extended}/reports", new { text = "Done late, within the extension." })).ShouldBe(HttpStatusCode.NoContent);
        (await Post(controller, $"{extended}/accept", new { comment = "" })).ShouldBe(HttpStatusCode.NoContent);

        (await Post(officer, $"{returned}/reports", new { text = "Half done." })).ShouldBe(HttpStatusCode.NoContent);
        (await Post(controller, $"{returned}/return", new { comment = "" })).ShouldBe(HttpStatusCode.Conflict, "a return says what to rework");
        (await Post(controller, $"{returned}/return", new { comment = "Attach the acts of acceptance." })).ShouldBe(HttpStatusCode.NoContent);

        var saved = await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == extended));
        (saved.OriginalDeadline, saved.Deadline, saved.OnTimeOriginally, saved.OnTimeAfterExtensions).ShouldBe((new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 28), false, true));

        // The returned one is overdue (its deadline was the 18th); the Health one is due on Sunday, this week.
        var board = await controller.PageAsync($"/instructions/board?from=2026-01-01&to=2026-03-31&meeting={meeting}");
        var eduRow = board.QuerySelector("#discipline tr[data-agency='Department of Education of Almaty city']")!;
        eduRow.GetAttribute("data-original").ShouldBe("1/3", "only the first was done by its original deadline");
        eduRow.GetAttribute("data-extended").ShouldBe("2/3", "the extended one counts after extensions");
        board.QuerySelector("#by-status [data-count='Overdue'] .fs-3")!.TextContent.ShouldBe("1");
        board.QuerySelector($"#overdue tr[data-instruction='{returned}']").ShouldNotBeNull();
        board.QuerySelector($"#due-this-week tr[data-instruction='{dueSoon}']").ShouldNotBeNull();
        var xlsx = await controller.GetAsync("/instructions/board?handler=Export&format=xlsx&from=2026-01-01&to=2026-03-31");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var docx = await controller.GetAsync("/instructions/board?handler=Export&format=docx");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        // Overdue after the end of the deadline day in Almaty, not in UTC.
        clock.SetUtcNow(new DateTimeOffset(2026, 2, 22, 18, 59, 0, TimeSpan.Zero));
        controller = await app.SignedInAsync("controller", Password);
        (await OverdueAsync(controller, meeting)).ShouldBe([returned]);
        clock.SetUtcNow(new DateTimeOffset(2026, 2, 22, 19, 0, 0, TimeSpan.Zero));
        (await OverdueAsync(controller, meeting)).Order().ShouldBe([returned, dueSoon]);
        (await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == dueSoon))).Status.ShouldBe(InstructionStatus.OnControl, "overdue is never stored");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Reminders_go_out_once_with_two_job_hosts(DatabaseKind kind)
    {
        // Tuesday 24 November 2026, 09:00 in Almaty.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero));
        await using var first = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var second = first.SecondNode();
        await UsersAsync(first);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero));
        var controller = await first.SignedInAsync("controller", Password);
        var ids = await CreateAsync(controller, ("ALA-EDU", "2026-11-26"), ("ALA-EDU", "2026-11-20"), ("ALA-EDU", "2026-12-20"));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero));

        for (var round = 0; round < 2; round++)
        {
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var jobs = scope.ServiceProvider.GetRequiredService<JobScheduler>();
                jobs.Enqueue(InstructionReminderJob.JobKind);
                jobs.Enqueue(InstructionReminderJob.JobKind);
                await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
            }

            await Task.WhenAll(
                first.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None),
                second.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None));
        }

        (await first.QueryAsync(db => db.Set<BackgroundJob>().CountAsync(j => j.Kind == InstructionReminderJob.JobKind && j.State != JobState.Succeeded))).ShouldBe(0);
        var reminders = await first.QueryAsync(db => db.Set<InstructionReminder>().OrderBy(r => r.InstructionId).ToListAsync());
        reminders.Select(r => (r.InstructionId, r.Kind)).ShouldBe([(ids[0], ReminderKind.DueSoon), (ids[1], ReminderKind.Overdue)]);
        var eduUser = await first.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "edu"));
        (await first.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == eduUser.Id))).ShouldBe(2);
        (await first.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.UserId != eduUser.Id))).ShouldBe(0, "only the executor agency's officers");
        (await first.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.To == "edu@example.kz"))).ShouldBe(2);

        var officer = await first.SignedInAsync("edu", Password);
        var notifications = await officer.PageAsync("/notifications");
        notifications.QuerySelector("#notification-counter")!.GetAttribute("data-unread").ShouldBe("2");
        notifications.QuerySelectorAll("#notifications [data-unread='true']").Length.ShouldBe(2);
        (await officer.SubmitAsync("/notifications", "#read-form", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.PageAsync("/notifications")).QuerySelector("#notification-counter")!.GetAttribute("data-unread").ShouldBe("0");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Interim_reports_fall_due_monthly_and_are_late_on_their_own(DatabaseKind kind)
    {
        // Tuesday 10 March 2026, 09:00 in Almaty; the meeting was on 10 January.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 4, 0, 0, TimeSpan.Zero));
        await using var app = await QalaApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        await UsersAsync(app);
        var controller = await app.SignedInAsync("controller", Password);
        var created = await controller.PostAsJsonAsync("/api/v1/instructions/meetings", new
        {
            heldOn = "2026-01-10",
            territory = Almaty,
            instructions = new[] { new { text = "Report monthly on the school repairs.", deadline = "2026-06-30", leadAgency = "ALA-EDU", interimReporting = "Monthly" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("instructions")[0].GetInt32();

        var runner = app.Services.GetRequiredService<JobRunner>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<JobScheduler>().Enqueue(InstructionReminderJob.JobKind);
            await scope.ServiceProvider.GetRequiredService<QalaDbContext>().SaveChangesAsync();
        }

        await runner.RunDueAsync(CancellationToken.None);
        var reminder = await app.QueryAsync(db => db.Set<InstructionReminder>().SingleAsync(r => r.InstructionId == id));
        (reminder.Kind, reminder.On).ShouldBe((ReminderKind.InterimDue, new DateOnly(2026, 3, 10)));

        var officer = await app.SignedInAsync("edu", Password);
        (await Post(officer, $"{id}/reports", new { text = "Two of five schools repaired.", interim = true })).ShouldBe(HttpStatusCode.NoContent);
        var page = await controller.PageAsync($"/instructions/{id}");
        page.QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("OnControl", "an interim report does not wait for a decision");
        page.QuerySelector("[data-interim='2026-02-10']")!.ClassList.ShouldContain("text-bg-danger", "February's report never came");
        page.QuerySelector("[data-interim='2026-03-10']")!.ClassList.ShouldNotContain("text-bg-danger");
        page.QuerySelectorAll("span[data-interim]").Length.ShouldBe(5, "the 10th of February to June, before the deadline");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_decision_on_a_stale_page_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await UsersAsync(app);
        await app.CreateUserAsync("controller2", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var other = await app.SignedInAsync("controller2", Password);
        var officer = await app.SignedInAsync("edu", Password);
        var id = (await CreateAsync(controller, ("ALA-EDU", "2030-01-01")))[0];
        var unknown = await controller.PostAsJsonAsync("/api/v1/instructions/meetings", new
        {
            heldOn = "2026-01-10",
            territory = Almaty,
            instructions = new[] { new { text = "Linked to nothing real.", deadline = "2030-01-01", leadAgency = "ALA-EDU", indicator = "NO-SUCH" } },
        });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.QueryAsync(db => db.Set<Instruction>().CountAsync(i => !i.IsDemo))).ShouldBe(1, "nothing of a refused meeting is saved");
        (await Post(officer, $"{id}/reports", new { text = "Done." })).ShouldBe(HttpStatusCode.NoContent);

        var mine = await controller.PageAsync($"/instructions/{id}");
        var theirs = await other.PageAsync($"/instructions/{id}");
        (await other.SubmitAsync((IHtmlFormElement)theirs.QuerySelector("#return-form")!, new() { ["Comment"] = "Attach the photos." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await controller.SubmitAsync((IHtmlFormElement)mine.QuerySelector("#accept-form")!, new() { ["Comment"] = "Fine." });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.HtmlAsync()).QuerySelector("#refusal")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await app.QueryAsync(db => db.Set<Instruction>().SingleAsync(i => i.Id == id))).Status.ShouldBe(InstructionStatus.Returned);

        // A planner of another territory sees nothing of Almaty's register.
        await app.CreateUserAsync("karaganda", Password, [QalaRoles.Controller], "350000000");
        var outsider = await app.SignedInAsync("karaganda", Password);
        (await outsider.GetAsync($"/instructions/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outsider.PageAsync("/instructions")).QuerySelector($"tr[data-instruction='{id}']").ShouldBeNull();
        (await Post(outsider, $"{id}/accept", new { comment = "" })).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_registers_the_seed_meetings_with_accepted_and_overdue_instructions(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var meetings = await app.QueryAsync(db => db.Set<Meeting>().Include(m => m.Instructions).Where(m => m.IsDemo).ToListAsync());
        meetings.Count.ShouldBeGreaterThanOrEqualTo(3, "the dated seed texts of Almaty, Karaganda and Shymkent");
        var instructions = meetings.SelectMany(m => m.Instructions).ToList();
        instructions.ShouldAllBe(i => i.IsDemo && i.LeadAgencyId != null);
        instructions.Count(i => i.Status == InstructionStatus.Accepted).ShouldBeGreaterThan(0);
        instructions.Count(i => i.Deadline != i.OriginalDeadline).ShouldBeGreaterThan(0, "some were extended");

        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        var controller = await app.SignedInAsync("controller", Password);
        var register = await controller.PageAsync("/instructions?overdue=true");
        register.QuerySelectorAll("tr[data-instruction] [data-overdue='true']").Length.ShouldBeGreaterThan(0, "Almaty's open demo instructions are long overdue");
        register.QuerySelectorAll("tr[data-instruction] [data-overdue='false']").Length.ShouldBe(0);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_api_is_in_the_openapi_document(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        using var document = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/instructions", "/api/v1/instructions/meetings", "/api/v1/instructions/{id}/reports", "/api/v1/instructions/{id}/accept", "/api/v1/instructions/{id}/return", "/api/v1/instructions/{id}/extend" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
    }

    private static async Task UsersAsync(QalaApp app)
    {
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller], Almaty);
        await app.CreateUserAsync("edu", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("health", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-HEALTH");
    }

    private static Task<int> AgencyIdAsync(QalaApp app, string code) =>
        app.QueryAsync(db => db.Set<Features.Agencies.Agency>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static async Task<List<int>> CreateAsync(HttpClient controller, params (string Agency, string Deadline)[] instructions)
    {
        var response = await controller.PostAsJsonAsync("/api/v1/instructions/meetings", new
        {
            heldOn = "2026-01-10",
            territory = Almaty,
            chair = "Akim",
            place = "Almaty",
            instructions = instructions.Select((i, n) => new { text = $"Instruction {n + 1}", deadline = i.Deadline, leadAgency = i.Agency }).ToList(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("instructions").EnumerateArray().Select(e => e.GetInt32())];
    }

    private static async Task<HttpStatusCode> Post(HttpClient client, string path, object body) =>
        (await client.PostAsJsonAsync($"/api/v1/instructions/{path}", body)).StatusCode;

    private static async Task<List<int>> OverdueAsync(HttpClient client, int meeting)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/instructions?overdue=true&meeting={meeting}"));
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];
    }
}
