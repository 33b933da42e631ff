using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Calendar;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>Programs through HTTP: building the tree, reporting, roll-ups, scope, lifecycle and validation.</summary>
public sealed partial class ProgramsTests
{
    private const string Password = "programs-password-1";
    private const string Almaty = "750000000";
    private const string Karaganda = "350000000";

    // The day as the application sees it: in Kazakhstan, which is ahead of UTC.
    private static readonly DateOnly Today = DeadlineClock.Today(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(DeadlineClock.KazakhstanTimeZoneId));
    private static readonly DateOnly PeriodFrom = new(Today.Year - 1, 1, 1);
    private static readonly DateOnly PeriodTo = new(Today.Year + 2, 12, 31);

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_planner_builds_a_program_an_officer_reports_and_the_tree_rolls_up(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");

        // Twenty days, ten of them gone by the end of today: half the work is expected.
        var construction = await AgencyIdAsync(app, "ALA-CONSTRUCTION");
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, edu, Today.AddDays(-9), Today.AddDays(10), construction);

        var officer = await app.SignedInAsync("officer", Password);
        var mine = await officer.PageAsync("/programs/my-activities");
        mine.QuerySelector($"tr[data-activity='{activityId}']").ShouldNotBeNull();
        var reported = await officer.SubmitAsync($"/programs/activities/{activityId}/report", "#report-form", new()
        {
            ["Text"] = "Design documents approved; contractor chosen.",
            ["PercentComplete"] = "40",
            ["Status"] = "InProgress",
        });
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var tree = await planner.PageAsync($"/programs/{programId}");
        var row = tree.QuerySelector($"tr[data-activity='{activityId}']")!;
        row.QuerySelector("[data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk", "40 % done where 50 % is expected");
        row.QuerySelector("[data-percent]")!.GetAttribute("data-percent").ShouldBe("40");
        tree.QuerySelector("#program-rollup [data-percent]")!.GetAttribute("data-percent").ShouldBe("40");
        tree.QuerySelector("#program-rollup [data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk");

        var attention = await planner.PageAsync("/programs/attention");
        attention.QuerySelector($"[data-agency='ALA-EDU'] tr[data-activity='{activityId}']").ShouldNotBeNull("an activity at risk is listed under its agency");
        foreach (var language in new[] { "kk", "ru" })
        {
            (await planner.GetAsync($"/programs/{programId}?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
            (await officer.GetAsync($"/programs/my-activities?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
        }

        var saved = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Reports).Include(a => a.Budget).SingleAsync(a => a.Id == activityId));
        saved.PercentComplete.ShouldBe(40);
        saved.Reports.ShouldHaveSingleItem().ReportedBy.ShouldBe("officer");
        saved.Budget.ShouldHaveSingleItem().Planned.ShouldBe(1_500_000);
        (await app.QueryAsync(db => db.Set<ActivityCoExecutor>().SingleAsync(c => c.ActivityId == activityId))).AgencyId.ShouldBe(construction);

        // The draft is not public; once approved it is, and the list shows it to everyone.
        (await app.Browser().GetAsync($"/programs/{programId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Browser().PageAsync("/programs")).QuerySelector($"tr[data-program='{programId}']").ShouldBeNull();
        (await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion)).ShouldBe(ProgramStatus.PublicDiscussion);
        (await MoveAsync(planner, programId, ProgramStatus.Approved)).ShouldBe(ProgramStatus.Approved);
        (await app.Browser().GetAsync($"/programs/{programId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Browser().PageAsync("/programs")).QuerySelector($"tr[data-program='{programId}']").ShouldNotBeNull();
        var program = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Include(p => p.Versions).SingleAsync(p => p.Id == programId));
        program.StatusChangedBy.ShouldBe("planner");
        program.Versions.ShouldHaveSingleItem().ApprovedOn.ShouldNotBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Activities_and_rollups_are_graded_with_the_configured_thresholds(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?>
        {
            [$"{IndicatorOptions.Section}:OnTrack"] = "0.75",
            [$"{IndicatorOptions.Section}:AtRisk"] = "0.5",
        });
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var officer = await app.SignedInAsync("officer", Password);
        (await officer.SubmitAsync($"/programs/activities/{activityId}/report", "#report-form", new()
        {
            ["Text"] = "A third of the work is done.",
            ["PercentComplete"] = "30",
            ["Status"] = "InProgress",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // 30 % where 50 % is expected is 0.6: off track by the defaults (0.8), at risk by the configured 0.5.
        var tree = await planner.PageAsync($"/programs/{programId}");
        tree.QuerySelector($"tr[data-activity='{activityId}'] [data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk");
        tree.QuerySelector("#program-rollup [data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk");
        (await officer.PageAsync("/programs/my-activities")).QuerySelector($"tr[data-activity='{activityId}'] [data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk");
        (await planner.PageAsync("/programs/attention")).QuerySelector($"[data-agency='ALA-EDU'] tr[data-activity='{activityId}'] [data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_goal_combines_indicator_achievement_with_activity_progress(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, _) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.ProgramId == programId).Select(g => g.Id).SingleAsync());
        await app.QueryAsync(async db =>
        {
            var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
            var set = await db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync();
            var indicator = new Indicator { Code = "SCHOOLS-OK", Name = LocalizedText.Of("Мектептер", "Школы", "Schools in a good state"), Source = "test", Unit = "%" };
            db.Add(indicator);
            db.Add(new Observation { Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year - 1, Dimensions = "", Value = 80, Revision = 1, IsCurrent = true, RecordedAt = DateTimeOffset.UtcNow });
            db.Add(new IndicatorTarget { TargetSetId = set, Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year, Value = 100 });
            return await db.SaveChangesAsync();
        });

        var unknown = await planner.SubmitAsync($"/programs/{programId}/goal/{goalId}", "#item-form", new() { ["IndicatorCodes"] = "SCHOOLS-OK, NO-SUCH" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.HtmlAsync()).QuerySelector("[data-valmsg-for='IndicatorCodes']")!.TextContent.ShouldBe("Unknown indicator codes: NO-SUCH.");
        var linked = await planner.SubmitAsync($"/programs/{programId}/goal/{goalId}", "#item-form", new() { ["IndicatorCodes"] = "SCHOOLS-OK" });
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var tree = await planner.PageAsync($"/programs/{programId}");
        tree.QuerySelector($"[data-goal-indicators='{goalId}'] tr[data-indicator='SCHOOLS-OK']").ShouldNotBeNull();
        // The indicator at 80 % of its target and the activity at 0 % where half is expected: (80 + 0) / 2.
        var goal = tree.QuerySelector($"[data-goal='{goalId}'] h3")!;
        goal.QuerySelector("[data-percent]")!.GetAttribute("data-percent").ShouldBe("40");
        goal.QuerySelector("[data-band]")!.GetAttribute("data-band").ShouldBe("OffTrack", "40 % against 75 % expected");

        using var json = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/programs/{programId}"));
        var goalJson = json.RootElement.GetProperty("directions")[0].GetProperty("goals")[0];
        goalJson.GetProperty("progress").GetProperty("percent").GetDouble().ShouldBe(40, 1e-9);
        goalJson.GetProperty("progress").GetProperty("band").GetString().ShouldBe("OffTrack");
        goalJson.GetProperty("indicators")[0].GetProperty("achievementPercent").GetDouble().ShouldBe(80, 1e-9);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_Almaty_planner_cannot_read_Karagandas_drafts(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("almaty.planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var karaganda = await app.SignedInAsync("karaganda.planner", Password);
        var draft = await CreateProgramAsync(app, karaganda, Karaganda);
        var almaty = await app.SignedInAsync("almaty.planner", Password);
        var own = await CreateProgramAsync(app, almaty, Almaty);

        var list = await almaty.PageAsync("/programs");
        list.QuerySelector($"tr[data-program='{draft}']").ShouldBeNull();
        list.QuerySelector($"tr[data-program='{own}']").ShouldNotBeNull("a planner sees the drafts of their own territory");
        (await karaganda.PageAsync("/programs")).QuerySelector($"tr[data-program='{draft}']").ShouldNotBeNull();

        foreach (var url in new[] { $"/programs/{draft}", $"/programs/{draft}/edit", $"/programs/{draft}/direction/new?parent={draft}" })
        {
            (await almaty.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        // A form of one's own program aimed at Karaganda's is refused and changes nothing.
        var form = (IHtmlFormElement)(await almaty.PageAsync($"/programs/{own}/edit")).QuerySelector("#program-form")!;
        form.SetAttribute("action", $"/programs/{draft}/edit");
        (await almaty.SubmitAsync(form, new() { ["Name.En"] = "Taken over" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var move = (IHtmlFormElement)(await almaty.PageAsync($"/programs/{own}")).QuerySelector("form[data-move='PublicDiscussion']")!;
        move.SetAttribute("action", $"/programs/{draft}?handler=Move");
        (await almaty.SubmitAsync(move, [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A controller of Karaganda reads the draft but does not edit it.
        await app.CreateUserAsync("karaganda.controller", Password, [QalaRoles.Controller], Karaganda);
        var controller = await app.SignedInAsync("karaganda.controller", Password);
        (await controller.PageAsync("/programs")).QuerySelector($"tr[data-program='{draft}']").ShouldNotBeNull();
        (await controller.PageAsync($"/programs/{draft}")).QuerySelector("#program-actions").ShouldBeNull();
        (await controller.GetAsync($"/programs/{draft}/edit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The API follows the same rule.
        (await almaty.GetAsync($"/api/v1/programs/{draft}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Browser().GetAsync($"/api/v1/programs/{draft}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await karaganda.GetAsync($"/api/v1/programs/{draft}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await ProgramIdsAsync(almaty);
        listed.ShouldContain(own);
        listed.ShouldNotContain(draft);
        var anonymous = await ProgramIdsAsync(app.Browser());
        anonymous.ShouldNotContain(draft);
        anonymous.ShouldNotContain(own);

        var unchanged = await app.QueryAsync(db => db.Set<DevelopmentProgram>().SingleAsync(p => p.Id == draft));
        unchanged.Name.En.ShouldBe("Development program");
        unchanged.Status.ShouldBe(ProgramStatus.Draft);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_agency_officer_cannot_report_on_another_agencys_activity(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("health.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-HEALTH");
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, education) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-5), Today.AddDays(5));
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == education).Select(a => a.TaskId).SingleAsync());
        var health = await AddActivityAsync(planner, programId, taskId, await AgencyIdAsync(app, "ALA-HEALTH"), Today.AddDays(-5), Today.AddDays(5));
        var officer = await app.SignedInAsync("health.officer", Password);

        var mine = await officer.PageAsync("/programs/my-activities");
        mine.QuerySelector($"tr[data-activity='{health}']").ShouldNotBeNull();
        mine.QuerySelector($"tr[data-activity='{education}']").ShouldBeNull();
        (await officer.GetAsync($"/programs/activities/{education}/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var form = (IHtmlFormElement)(await officer.PageAsync($"/programs/activities/{health}/report")).QuerySelector("#report-form")!;
        form.SetAttribute("action", $"/programs/activities/{education}/report");
        var forged = await officer.SubmitAsync(form, new() { ["Text"] = "Done, trust me", ["PercentComplete"] = "100", ["Status"] = "Completed" });

        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var untouched = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Reports).SingleAsync(a => a.Id == education));
        untouched.PercentComplete.ShouldBe(0);
        untouched.Status.ShouldBe(Engine.Programs.ActivityStatus.NotStarted);
        untouched.Reports.ShouldBeEmpty();
        (await planner.GetAsync($"/programs/activities/{education}/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "planners do not report for agencies");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Lifecycle_transitions_are_guarded(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var programId = await CreateProgramAsync(app, planner, Almaty);

        (await MoveAsync(planner, programId, ProgramStatus.Approved)).ShouldBe(ProgramStatus.Draft, "a draft is discussed before it is approved");
        (await MoveAsync(planner, programId, ProgramStatus.Archived)).ShouldBe(ProgramStatus.Archived);

        var page = await planner.PageAsync($"/programs/{programId}");
        page.QuerySelectorAll("form[data-move]").ShouldBeEmpty();

        // The archived program offers no move; a move form of another program, aimed at it, is refused by the guard.
        var other = await CreateProgramAsync(app, planner, Almaty);
        var form = (IHtmlFormElement)(await planner.PageAsync($"/programs/{other}")).QuerySelector("form[data-move]")!;
        form.SetAttribute("action", $"/programs/{programId}?handler=Move");
        var version = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Where(p => p.Id == programId).Select(p => p.Version).SingleAsync());
        (await planner.SubmitAsync(form, new() { ["to"] = "Approved", ["version"] = version.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await planner.PageAsync($"/programs/{programId}");
        page.QuerySelector("#program-error")!.TextContent.ShouldBe("A program cannot move from “Archived” to “Approved”.");
        (await app.QueryAsync(db => db.Set<DevelopmentProgram>().SingleAsync(p => p.Id == programId))).Status.ShouldBe(ProgramStatus.Archived);
        page.QuerySelector("#add-direction").ShouldBeNull("an archived program's structure is closed");
        var refused = await planner.GetAsync($"/programs/{programId}/direction/new?parent={programId}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_concurrent_edit_is_detected(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var programId = await CreateProgramAsync(app, planner, Almaty);

        var first = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/edit")).QuerySelector("#program-form")!;
        var second = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/edit")).QuerySelector("#program-form")!;
        (await planner.SubmitAsync(first, new() { ["Name.En"] = "First edit" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var conflict = await planner.SubmitAsync(second, new() { ["Name.En"] = "Second edit" });

        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await conflict.HtmlAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("Someone else changed this record");
        (await app.QueryAsync(db => db.Set<DevelopmentProgram>().SingleAsync(p => p.Id == programId))).Name.En.ShouldBe("First edit");
        var history = (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#history")!.TextContent;
        history.ShouldContain("First edit");
        history.ShouldNotContain("Second edit");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Dates_outside_the_period_and_negative_budgets_are_rejected(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, edu, Today, Today.AddDays(30));
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == activityId).Select(a => a.TaskId).SingleAsync());

        var early = await AddActivityResponseAsync(planner, programId, taskId, edu, PeriodFrom.AddDays(-1), Today);
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await early.HtmlAsync()).QuerySelector("[data-valmsg-for='StartDate']")!.TextContent.ShouldBe("The start date must lie within the program period.");
        var late = await AddActivityResponseAsync(planner, programId, taskId, edu, Today, PeriodTo.AddDays(1));
        (await late.HtmlAsync()).QuerySelector("[data-valmsg-for='DueDate']")!.TextContent.ShouldBe("The due date must lie within the program period.");
        var negative = await AddActivityResponseAsync(planner, programId, taskId, edu, Today, Today.AddDays(3), budget: "-5");
        (await negative.HtmlAsync()).QuerySelector("[data-valmsg-for='Budget']")!.TextContent.ShouldBe("Budgets cannot be negative.");
        var foreign = await AddActivityResponseAsync(planner, programId, taskId, await AgencyIdAsync(app, "KAR-EDU"), Today, Today.AddDays(3));
        (await foreign.HtmlAsync()).QuerySelector("[data-valmsg-for='ResponsibleAgencyId']")!.TextContent.ShouldBe("Choose the responsible agency.", "a Karaganda agency does not execute Almaty's program");
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().CountAsync(a => a.Task!.Goal!.Direction!.ProgramId == programId))).ShouldBe(1);

        var shrink = await planner.SubmitAsync($"/programs/{programId}/edit", "#program-form", new() { ["PeriodTo"] = Iso(Today.AddDays(10)) });
        shrink.StatusCode.ShouldBe(HttpStatusCode.OK, "the activity would fall outside the shorter period");
        (await app.QueryAsync(db => db.Set<DevelopmentProgram>().SingleAsync(p => p.Id == programId))).PeriodTo.ShouldBe(PeriodTo);
    }

    private static async Task<List<int>> ProgramIdsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/programs"));
        return [.. json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetInt32())];
    }

    private static Task<int> AgencyIdAsync(QalaApp app, string code) =>
        app.QueryAsync(db => db.Set<Agency>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static async Task<int> CreateProgramAsync(QalaApp app, HttpClient planner, string territoryCode)
    {
        var territory = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == territoryCode).Select(t => t.Id).SingleAsync());
        var response = await planner.SubmitAsync("/programs/new/edit", "#program-form", new()
        {
            ["Name.Kk"] = "Даму бағдарламасы",
            ["Name.Ru"] = "Программа развития",
            ["Name.En"] = "Development program",
            ["Kind"] = "Program",
            ["TerritoryId"] = territory.ToString(CultureInfo.InvariantCulture),
            ["PeriodFrom"] = Iso(PeriodFrom),
            ["PeriodTo"] = Iso(PeriodTo),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return IdOf(response);
    }

    // Program → direction → goal → task → activity, every step through the pages.
    private static async Task<(int Program, int Activity)> BuildAsync(
        QalaApp app, HttpClient planner, string territoryCode, int agencyId, DateOnly start, DateOnly due, int? coExecutor = null)
    {
        var programId = await CreateProgramAsync(app, planner, territoryCode);
        await AddAsync(planner, programId, "direction", programId, "Comfortable city");
        var directionId = await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId).Select(d => d.Id).SingleAsync());
        await AddAsync(planner, programId, "goal", directionId, "Every school in a good state");
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.DirectionId == directionId).Select(g => g.Id).SingleAsync());
        await AddAsync(planner, programId, "task", goalId, "Repair schools");
        var taskId = await app.QueryAsync(db => db.Set<ProgramTask>().Where(t => t.GoalId == goalId).Select(t => t.Id).SingleAsync());
        return (programId, await AddActivityAsync(planner, programId, taskId, agencyId, start, due, coExecutor));
    }

    private static async Task AddAsync(HttpClient planner, int programId, string level, int parent, string title)
    {
        var response = await planner.SubmitAsync($"/programs/{programId}/{level}/new?parent={parent}", "#item-form", Titled(title));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
            ? string.Join("; ", (await response.HtmlAsync()).QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.TextContent.Trim()).Where(e => e.Length > 0))
            : response.StatusCode.ToString();

    private static async Task<int> AddActivityAsync(HttpClient planner, int programId, int taskId, int agencyId, DateOnly start, DateOnly due, int? coExecutor = null)
    {
        var response = await AddActivityResponseAsync(planner, programId, taskId, agencyId, start, due, coExecutor: coExecutor);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var tree = await planner.PageAsync($"/programs/{programId}");
        return tree.QuerySelectorAll($"[data-task='{taskId}'] tr[data-activity]").Select(r => int.Parse(r.GetAttribute("data-activity")!, CultureInfo.InvariantCulture)).Max();
    }

    private static async Task<HttpResponseMessage> AddActivityResponseAsync(
        HttpClient planner, int programId, int taskId, int agencyId, DateOnly start, DateOnly due, string budget = "1500000", int? coExecutor = null)
    {
        var fields = Titled("Repair school No. 12");
        fields["ResponsibleAgencyId"] = agencyId.ToString(CultureInfo.InvariantCulture);
        fields["StartDate"] = Iso(start);
        fields["DueDate"] = Iso(due);
        fields["Budget[1].Planned"] = budget;
        if (coExecutor is { } co)
        {
            fields["CoExecutorIds"] = co.ToString(CultureInfo.InvariantCulture);
        }

        var page = await planner.PageAsync($"/programs/{programId}/activity/new?parent={taskId}");
        return await planner.SubmitAsync((IHtmlFormElement)page.QuerySelector("#item-form")!, fields, ["CoExecutorIds"]);
    }

    private static Dictionary<string, string> Titled(string english) =>
        new() { ["Title.Kk"] = $"{english} (kk)", ["Title.Ru"] = $"{english} (ru)", ["Title.En"] = english };

    private static async Task<ProgramStatus> MoveAsync(HttpClient planner, int programId, ProgramStatus to)
    {
        var page = await planner.PageAsync($"/programs/{programId}");
        var form = page.QuerySelector("form[data-move]") as IHtmlFormElement;
        if (form is not null)
        {
            // The page offers only allowed moves; the post is forged to ask for any.
            (await planner.SubmitAsync(form, new() { ["to"] = to.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await planner.PageAsync($"/programs/{programId}");
        return Enum.Parse<ProgramStatus>(after.QuerySelector("#program-facts [data-program-status]")!.GetAttribute("data-program-status")!);
    }

    private static int IdOf(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
