using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Programs;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>
/// Re-planning with reasons (activity page and roadmap import), the progress-only import of an approved program, and
/// files on progress reports with their access rule.
/// </summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Re_planning_an_approved_activity_needs_a_reason_and_is_kept_as_history(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        await ApproveAndAmendAsync(planner, programId);
        var page = $"/programs/{programId}/activity/{activityId}";
        (await planner.PageAsync(page)).QuerySelector("#replans")!.TextContent.ShouldContain("The activity has not been re-planned.");

        var refused = await planner.SubmitAsync(page, "#item-form", new() { ["DueDate"] = Iso(Today.AddDays(40)) });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).QuerySelector("[data-valmsg-for='ReplanReason']")!.TextContent.ShouldBe("Give the reason for re-planning: the dates or the planned budget change.");
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == activityId))).DueDate.ShouldBe(Today.AddDays(10));

        (await planner.SubmitAsync(page, "#item-form", new() { ["DueDate"] = Iso(Today.AddDays(40)), ["ReplanReason"] = "The contractor went bankrupt." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.SubmitAsync(page, "#item-form", new() { ["Title.En"] = "Repair school No. 12 (renamed)" })).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a new title is no re-planning");
        (await planner.SubmitAsync(page, "#item-form", new() { ["Budget[1].Planned"] = "2000000", ["ReplanReason"] = "Prices rose." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replans = await app.QueryAsync(db => db.Set<ActivityReplan>().Where(r => r.ActivityId == activityId).OrderBy(r => r.Id).ToListAsync());
        replans.Count.ShouldBe(2);
        (replans[0].OldStart, replans[0].OldDue, replans[0].NewDue, replans[0].Reason).ShouldBe((Today.AddDays(-9), Today.AddDays(10), Today.AddDays(40), "The contractor went bankrupt."));
        (replans[0].ChangedBy, replans[0].ChangedOn).ShouldBe(("planner", Today));
        (replans[1].OldPlanned, replans[1].NewPlanned, replans[1].OldDue, replans[1].NewDue).ShouldBe((1_500_000m, 2_000_000m, Today.AddDays(40), Today.AddDays(40)));
        var shown = (await planner.PageAsync(page)).QuerySelectorAll("#replans tr[data-replan] [data-reason]").Select(r => r.TextContent).ToList();
        shown.ShouldBe(["Prices rose.", "The contractor went bankrupt."]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_roadmap_import_asks_a_reason_for_re_planned_rows_and_without_an_amendment_takes_progress_only(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, programId, ProgramStatus.Approved);
        var roadmap = $"/programs/{programId}/roadmap";

        // Approved, no amendment: progress passes, the plan's columns are refused by column.
        var workbook = await (await planner.GetAsync($"{roadmap}?handler=Export")).Content.ReadAsByteArrayAsync();
        SheetRows(workbook, "Roadmap")[0].ShouldBe(RoadmapWorkbook.Columns);
        (await planner.PageAsync(roadmap)).QuerySelector("#roadmap-closed").ShouldNotBeNull();
        var structural = Edit(workbook, activityId, new()
        {
            [RoadmapWorkbook.TitleEn] = "Another title",
            [RoadmapWorkbook.Due] = Iso(Today.AddDays(20)),
            [RoadmapWorkbook.Planned("local")] = "1",
            [RoadmapWorkbook.PercentComplete] = "30",
        });
        var message = "Without an open amendment only the status, percent complete and actual money change: this column is part of the approved plan.";
        var refused = await planner.PreviewImportAsync(roadmap, "structure.xlsx", structural);
        ErrorsOf(refused).ShouldBe([("2", RoadmapWorkbook.TitleEn, message), ("2", RoadmapWorkbook.Due, message), ("2", RoadmapWorkbook.Planned("local"), message)], ignoreOrder: true);
        (await planner.CommitImportAsync(refused, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == activityId))).PercentComplete.ShouldBe(0, "nothing is half-saved");

        var progress = Edit(workbook, activityId, new()
        {
            [RoadmapWorkbook.PercentComplete] = "45",
            [RoadmapWorkbook.Status] = "InProgress",
            [RoadmapWorkbook.Actual("local")] = "600000",
        });
        var preview = await planner.PreviewImportAsync(roadmap, "progress.xlsx", progress);
        preview.QuerySelector("#import-errors").ShouldBeNull();
        (await planner.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();
        var saved = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Budget).SingleAsync(a => a.Id == activityId));
        (saved.PercentComplete, saved.Status, saved.Budget.Single().Actual).ShouldBe((45m, Qala.Engine.Programs.ActivityStatus.InProgress, 600_000m));

        // With an amendment open the plan changes, but a row that moves dates or planned money gives its reason.
        var form = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#amend-form")!;
        (await planner.SubmitAsync(form, new() { ["Reason"] = "Mid-term review." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        workbook = await (await planner.GetAsync($"{roadmap}?handler=Export")).Content.ReadAsByteArrayAsync();
        var later = Edit(workbook, activityId, new() { [RoadmapWorkbook.Due] = Iso(Today.AddDays(30)) });
        ErrorsOf(await planner.PreviewImportAsync(roadmap, "later.xlsx", later))
            .ShouldBe([("2", RoadmapWorkbook.ReplanReason, "Give the reason for re-planning: the dates or the planned budget change.")]);
        var reasoned = Edit(workbook, activityId, new() { [RoadmapWorkbook.Due] = Iso(Today.AddDays(30)), [RoadmapWorkbook.ReplanReason] = "Design approval took longer." });
        preview = await planner.PreviewImportAsync(roadmap, "reasoned.xlsx", reasoned);
        preview.QuerySelector("#import-errors").ShouldBeNull();
        (await planner.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();
        var replan = await app.QueryAsync(db => db.Set<ActivityReplan>().SingleAsync(r => r.ActivityId == activityId));
        (replan.OldDue, replan.NewDue, replan.Reason, replan.ChangedBy, replan.ChangedOn).ShouldBe((Today.AddDays(10), Today.AddDays(30), "Design approval took longer.", "planner", Today));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Report_files_are_kept_and_only_the_agency_and_the_territorys_staff_download_them(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("other.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-CONSTRUCTION");
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var officer = await app.SignedInAsync("officer", Password);

        var refused = await ReportWithFileAsync(officer, activityId, "act.pdf", "<script>alert(1)</script>"u8.ToArray());
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).QuerySelector("[data-valmsg-for='Files']")!.TextContent.ShouldNotBeEmpty();
        (await app.QueryAsync(db => db.Set<ActivityReport>().CountAsync(r => r.ActivityId == activityId))).ShouldBe(0, "a refused file saves no report");

        (await ReportWithFileAsync(officer, activityId, "act of works.pdf", "%PDF-1.7 act"u8.ToArray())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = await app.QueryAsync(db => db.Set<ActivityReportAttachment>().SingleAsync());
        file.FileName.ShouldBe("act of works.pdf");
        var link = (await officer.PageAsync($"/programs/activities/{activityId}/report")).QuerySelector($"#reports a[data-file='{file.AttachmentId}']")!.GetAttribute("href")!;
        link.ShouldBe($"/programs/activities/{activityId}/files/{file.AttachmentId}");
        (await planner.PageAsync($"/programs/{programId}/activity/{activityId}")).QuerySelector($"#activity-reports a[href='{link}']").ShouldNotBeNull();

        var download = await officer.GetAsync(link);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync()).ShouldBe("%PDF-1.7 act");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await planner.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.SignedInAsync("other.officer", Password)).GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await app.SignedInAsync("other.officer", Password)).GetAsync($"/files/{file.AttachmentId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the file store asks the program too");
        (await planner.GetAsync($"/files/{file.AttachmentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        (await (await app.SignedInAsync("karaganda.planner", Password)).GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Browser().GetAsync(link)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/programs/activities/{activityId}/files/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task ApproveAndAmendAsync(HttpClient planner, int programId)
    {
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, programId, ProgramStatus.Approved);
        var form = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#amend-form")!;
        (await planner.SubmitAsync(form, new() { ["Reason"] = "Mid-term review." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> ReportWithFileAsync(HttpClient officer, int activityId, string fileName, byte[] content)
    {
        var form = (await officer.PageAsync($"/programs/activities/{activityId}/report")).QuerySelector("#report-form")!;
        string Field(string name) => form.QuerySelector($"input[name={name}]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Field("__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(Field("Version")), "Version" },
            { new StringContent(Field("ReportedOn")), "ReportedOn" },
            { new StringContent("The act of completed works is signed."), "Text" },
            { new StringContent("30"), "PercentComplete" },
            { new StringContent("InProgress"), "Status" },
            { new ByteArrayContent(content), "Files", fileName },
        };
        return await officer.PostAsync($"/programs/activities/{activityId}/report", body);
    }
}
