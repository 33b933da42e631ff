using System.Net;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>The program's scorecard and its roadmap timeline: what they show, their filters and who reads them.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_scorecard_shows_goals_with_their_indicators_and_activity_progress(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.ProgramId == programId).Select(g => g.Id).SingleAsync());
        await app.QueryAsync(async db =>
        {
            var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
            var set = await db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync();
            var indicator = new Indicator { Code = "SCHOOLS-OK", Name = LocalizedText.Of("Мектептер", "Школы", "Schools in a good state"), Source = "test", Unit = "%" };
            db.Add(indicator);
            db.Add(new Observation { Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year - 1, Dimensions = "", Value = 80, Revision = 1, IsCurrent = true, RecordedAt = DateTimeOffset.UtcNow });
            db.Add(new IndicatorTarget { TargetSetId = set, Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year - 2, IsBaseline = true, Value = 60 });
            db.Add(new IndicatorTarget { TargetSetId = set, Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year, Value = 100 });
            return await db.SaveChangesAsync();
        });
        (await planner.SubmitAsync($"/programs/{programId}/goal/{goalId}", "#item-form", new() { ["IndicatorCodes"] = "SCHOOLS-OK" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var officer = await app.SignedInAsync("officer", Password);
        (await officer.SubmitAsync($"/programs/activities/{activityId}/report", "#report-form", new()
        {
            ["Text"] = "Design documents approved.",
            ["PercentComplete"] = "40",
            ["Status"] = "InProgress",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#scorecard-link")!.GetAttribute("href").ShouldBe($"/programs/{programId}/scorecard");
        var scorecard = await planner.PageAsync($"/programs/{programId}/scorecard");
        var row = scorecard.QuerySelector($"[data-scorecard-goal='{goalId}'] tr[data-indicator='SCHOOLS-OK']")!;
        row.QuerySelector("[data-baseline]")!.TextContent.ShouldContain($"({Today.Year - 2})");
        row.QuerySelector("[data-latest]")!.TextContent.ShouldContain($"({Today.Year - 1})");
        row.QuerySelector("[data-target]")!.TextContent.ShouldContain($"({Today.Year})");
        row.QuerySelector("[data-achievement]")!.TextContent.ShouldContain("80");
        row.QuerySelector("[data-band]")!.GetAttribute("data-band").ShouldBe("AtRisk", "80 % of the target due");

        // The goal's activity side is its one task: 40 % where half is expected.
        var activities = scorecard.QuerySelector($"[data-goal-activities='{goalId}']")!;
        activities.GetAttribute("data-count").ShouldBe("1");
        activities.QuerySelector("[data-activity-rollup] [data-percent]")!.GetAttribute("data-percent").ShouldBe("40");
        activities.QuerySelector("[data-band-count='AtRisk']").ShouldNotBeNull();
        scorecard.QuerySelector($"[data-scorecard-goal='{goalId}'] h3 [data-percent]")!.GetAttribute("data-percent").ShouldBe("60", "(80 + 40) / 2");
        foreach (var language in new[] { "kk", "ru" })
        {
            (await planner.GetAsync($"/programs/{programId}/scorecard?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
        }

        // A draft's scorecard is the planners' of its territory; once approved it is public.
        (await app.Browser().GetAsync($"/programs/{programId}/scorecard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        (await (await app.SignedInAsync("karaganda.planner", Password)).GetAsync($"/programs/{programId}/scorecard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, programId, ProgramStatus.Approved);
        (await app.Browser().GetAsync($"/programs/{programId}/scorecard")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Browser().GetAsync("/programs/999999/scorecard")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_timeline_draws_bars_over_the_period_and_filters_by_agency_and_status(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var (programId, running) = await BuildAsync(app, planner, Almaty, edu, Today.AddDays(-9), Today.AddDays(10));
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == running).Select(a => a.TaskId).SingleAsync());
        var late = await AddActivityAsync(planner, programId, taskId, edu, PeriodFrom, Today.AddDays(-1));
        var other = await AddActivityAsync(planner, programId, taskId, await AgencyIdAsync(app, "ALA-CONSTRUCTION"), Today.AddDays(5), PeriodTo);

        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#timeline-link").ShouldNotBeNull();
        var timeline = await planner.PageAsync($"/programs/{programId}/timeline");
        timeline.QuerySelectorAll("#timeline tr[data-activity]").Length.ShouldBe(3);
        timeline.QuerySelector($"tr[data-timeline-task='{taskId}']").ShouldNotBeNull();
        timeline.QuerySelector($"tr[data-activity='{late}']")!.GetAttribute("data-overdue").ShouldBe("true");
        timeline.QuerySelector($"tr[data-activity='{running}']")!.GetAttribute("data-overdue").ShouldBe("false");
        timeline.QuerySelector($"tr[data-activity='{running}'] [data-expected]")!.GetAttribute("data-expected").ShouldBe("50");
        timeline.QuerySelectorAll("[data-today]").Length.ShouldBe(3, "today's line crosses every bar");
        timeline.QuerySelector($"tr[data-activity='{late}'] rect[data-bar]")!.GetAttribute("x").ShouldBe("0%", "it starts on the period's first day");
        timeline.QuerySelector($"tr[data-activity='{other}'] rect[data-bar]")!.GetAttribute("width").ShouldNotBe("0%");
        timeline.QuerySelectorAll("#timeline-axis text").Select(t => t.TextContent).ShouldBe([.. Enumerable.Range(PeriodFrom.Year, PeriodTo.Year - PeriodFrom.Year + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        var byAgency = await planner.PageAsync($"/programs/{programId}/timeline?agency=ALA-CONSTRUCTION");
        byAgency.QuerySelectorAll("#timeline tr[data-activity]").Select(r => r.GetAttribute("data-activity")).ShouldBe([other.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var overdue = await planner.PageAsync($"/programs/{programId}/timeline?status=overdue");
        overdue.QuerySelectorAll("#timeline tr[data-activity]").Select(r => r.GetAttribute("data-activity")).ShouldBe([late.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        (await planner.PageAsync($"/programs/{programId}/timeline?status=Completed")).QuerySelector("#timeline-empty").ShouldNotBeNull();
        (await planner.PageAsync($"/programs/{programId}/timeline?agency=ALA-EDU&status=NotStarted")).QuerySelectorAll("#timeline tr[data-activity]").Length.ShouldBe(2);
        foreach (var language in new[] { "kk", "ru" })
        {
            (await planner.GetAsync($"/programs/{programId}/timeline?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
        }

        (await app.Browser().GetAsync($"/programs/{programId}/timeline")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a draft is not public");
    }
}
