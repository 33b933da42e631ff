using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>Amendments: the structure of an approved program changes only while one is open; a new version with its reason and copied targets, approved, and its difference from the previous one.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Only_an_open_amendment_changes_an_approved_program_and_its_difference_is_shown(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, first) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        await app.QueryAsync(async db =>
        {
            var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
            var set = await db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync();
            var indicator = new Indicator { Code = "SCHOOLS-OK", Name = LocalizedText.Of("Мектептер", "Школы", "Schools"), Source = "test", Unit = "%" };
            db.Add(new IndicatorTarget { TargetSetId = set, Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year + 1, Value = 100 });
            return await db.SaveChangesAsync();
        });

        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#amend-link").ShouldBeNull("a draft changes without amendments");
        (await planner.GetAsync($"/programs/{programId}/amend")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        (await MoveAsync(planner, programId, ProgramStatus.Approved)).ShouldBe(ProgramStatus.Approved);
        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#amend-link").ShouldNotBeNull();
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(a => a.Id == first).Select(a => a.TaskId).SingleAsync());

        // Approved, the structure is closed: a new activity or a roadmap import is refused until an amendment is open.
        var closed = await planner.GetAsync($"/programs/{programId}/activity/new?parent={taskId}");
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        closed.Headers.Location!.OriginalString.ShouldBe($"/programs/{programId}");
        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#program-error")!.TextContent.ShouldBe("An approved program changes only through an amendment: open one first.");
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().CountAsync(a => a.TaskId == taskId))).ShouldBe(1);

        // An existing item is still shown (links lead to it), read-only, and a post to it is refused.
        (await planner.GetAsync($"/programs/{programId}/activity/{first}?lang=ru")).StatusCode.ShouldBe(HttpStatusCode.OK, "the weight's range reads the same in every language");
        var shown = await planner.PageAsync($"/programs/{programId}/activity/{first}?lang=en");
        shown.QuerySelector("#item-read-only")!.TextContent.ShouldBe("An approved program changes only through an amendment: open one first.");
        shown.QuerySelector("#item-form fieldset")!.HasAttribute("disabled").ShouldBeTrue();
        shown.QuerySelector("#item-form button[type=submit]").ShouldBeNull();
        var refused = await planner.SubmitAsync((IHtmlFormElement)shown.QuerySelector("#item-form")!, new() { ["Title.En"] = "Renamed without an amendment" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == first))).Title.En.ShouldNotBe("Renamed without an amendment");
        (await planner.PageAsync($"/programs/{programId}/roadmap")).QuerySelector("#roadmap-closed").ShouldNotBeNull();
        var firstSet = await app.QueryAsync(db => db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync());
        (await planner.PageAsync($"/indicators/targets/{firstSet}")).QuerySelector("#targets-closed")!.TextContent.ShouldBe("An approved program changes only through an amendment: open one first.");

        var form = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#amend-form")!;
        var stale = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#amend-form")!;
        var empty = await planner.SubmitAsync(form, new() { ["Reason"] = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await empty.HtmlAsync()).QuerySelector("[data-valmsg-for='Reason']")!.TextContent.ShouldBe("Give the reason for the amendment.");
        var amended = await planner.SubmitAsync(form, new() { ["Reason"] = "The 2027 budget law cut the local budget." });
        amended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        amended.Headers.Location!.OriginalString.ShouldBe($"/programs/{programId}");
        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#amendment-open").ShouldNotBeNull();

        // A second amendment from a form shown before the first is refused.
        var conflict = await planner.SubmitAsync(stale, new() { ["Reason"] = "Another reason" });
        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await conflict.HtmlAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("Someone else changed this record");

        var versions = await app.QueryAsync(db => db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).OrderBy(v => v.Number).ToListAsync());
        versions.Select(v => v.Number).ShouldBe([1, 2]);
        versions[1].Reason.ShouldBe("The 2027 budget law cut the local budget.");
        versions[1].ApprovedOn.ShouldBeNull("an open amendment is not approved yet");
        (await planner.PageAsync($"/indicators/targets/{versions[0].TargetSetId}")).QuerySelector("#targets-closed")!.TextContent.ShouldBe("These are the targets of an earlier version of the program; they stay as they were.");
        (await planner.PageAsync($"/indicators/targets/{versions[1].TargetSetId}")).QuerySelector("#targets-closed").ShouldBeNull("the open amendment's targets change");
        versions[1].TargetSetId.ShouldNotBe(versions[0].TargetSetId);
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().CountAsync(t => t.TargetSetId == versions[1].TargetSetId && t.Value == 100))).ShouldBe(1, "the targets are copied");

        // Version 2 lowers the target, shortens the budget, renames the activity and adds one.
        await app.QueryAsync(async db =>
        {
            var target = await db.Set<IndicatorTarget>().SingleAsync(t => t.TargetSetId == versions[1].TargetSetId);
            target.Value = 90;
            var activity = await db.Set<RoadmapActivity>().Include(a => a.Budget).SingleAsync(a => a.Id == first);
            activity.Title = activity.Title with { En = "Repair school No. 12, first phase" };
            activity.Budget.Single().Planned = 1_200_000;
            return await db.SaveChangesAsync();
        });
        var late = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/activity/new?parent={taskId}")).QuerySelector("#item-form")!;
        var added = await AddActivityAsync(planner, programId, taskId, await AgencyIdAsync(app, "ALA-EDU"), Today, Today.AddDays(30));


        // Approving the amendment puts version 2 in force and closes the structure again.
        var approve = (await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#open-reason")!;
        approve.TextContent.ShouldBe("The 2027 budget law cut the local budget.");
        var approved = await planner.SubmitAsync($"/programs/{programId}/amend", "#approve-form", []);
        approved.Headers.Location!.OriginalString.ShouldBe($"/programs/{programId}/versions/2");
        (await app.QueryAsync(db => db.Set<ProgramVersion>().SingleAsync(v => v.ProgramId == programId && v.Number == 2))).ApprovedOn.ShouldBe(Today);
        (await planner.PageAsync($"/indicators/targets/{versions[1].TargetSetId}")).QuerySelector("#targets-closed").ShouldNotBeNull();
        var fields = Titled("Too late");
        (fields["StartDate"], fields["DueDate"]) = (Iso(Today), Iso(Today.AddDays(5)));
        (await planner.SubmitAsync(late, fields)).Headers.Location!.OriginalString.ShouldBe($"/programs/{programId}");
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().CountAsync(a => a.TaskId == taskId))).ShouldBe(2, "a form opened during the amendment adds nothing after its approval");

        var page = await planner.PageAsync($"/programs/{programId}/versions/2");
        page.QuerySelector("#version-reason")!.TextContent.ShouldBe("The 2027 budget law cut the local budget.");
        page.TableRows("#target-changes").ShouldHaveSingleItem().Skip(2).ShouldBe([(Today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "100.00", "90.00"]);
        page.QuerySelector($"#activity-changes tr[data-activity='{first}']")!.GetAttribute("data-change").ShouldBe("changed");
        page.QuerySelector($"#activity-changes tr[data-activity='{first}']")!.TextContent.ShouldContain("Repair school No. 12, first phase");
        page.QuerySelector($"#activity-changes tr[data-activity='{added}']")!.GetAttribute("data-change").ShouldBe("added");
        var budget = page.QuerySelector($"#budget-changes tr[data-activity='{first}'][data-source='LocalBudget']")!;
        budget.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent).ShouldBe(["1,500,000 / 0", "1,200,000 / 0"]);
        (await planner.PageAsync($"/programs/{programId}/versions/1")).QuerySelector("#first-version").ShouldNotBeNull();
        (await app.Browser().GetAsync($"/programs/{programId}/versions/2")).StatusCode.ShouldBe(HttpStatusCode.OK, "an approved program is public");
    }
}
