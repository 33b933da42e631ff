using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Tests.Files;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>
/// Goal target indicators on the goal's page and through the API, API edits of directions, goals and tasks, files
/// on API progress reports, reordering in place, and re-planned activities in the monitoring report.
/// </summary>
public sealed partial class ProgramsTests
{
    private const string AlmalyDistrict = "751110000";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_planner_sets_a_goals_baseline_and_targets_for_the_territory_or_its_districts_only(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, _) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.ProgramId == programId).Select(g => g.Id).SingleAsync());
        var indicatorId = await AddIndicatorAsync(app, "SCHOOLS-OK");
        var set = await app.QueryAsync(db => db.Set<ProgramVersion>().Where(v => v.ProgramId == programId).Select(v => v.TargetSetId).SingleAsync());
        var page = $"/programs/{programId}/goal/{goalId}/indicators";
        (await planner.PageAsync($"/programs/{programId}")).QuerySelector($"[data-goal-targets='{goalId}']")!.GetAttribute("href").ShouldBe(page);

        // A territory outside the program's (forged into the form) is refused, and nothing is saved.
        var outside = await planner.SubmitAsync(page, "#goal-target-form", TargetFields(indicatorId, await TerritoryIdAsync(app, Karaganda)));
        outside.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outside.HtmlAsync()).QuerySelector("#goal-target-form .alert-danger")!.TextContent.Trim()
            .ShouldBe("A target's territory must be the program's territory or one of its districts.");
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().CountAsync(t => t.TargetSetId == set))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<GoalIndicator>().CountAsync(i => i.GoalId == goalId))).ShouldBe(0);
        var late = TargetFields(indicatorId, await TerritoryIdAsync(app, Almaty));
        late["Targets[0].Value"] = "90";
        late["BaselineYear"] = (PeriodFrom.Year + 1).ToString(CultureInfo.InvariantCulture);
        (await (await planner.SubmitAsync(page, "#goal-target-form", late)).HtmlAsync()).QuerySelector("#goal-target-form .alert-danger")!.TextContent.Trim()
            .ShouldBe("The baseline year must precede the target years.");

        // The city and one of its districts.
        (await planner.SubmitAsync(page, "#goal-target-form", TargetFields(indicatorId, await TerritoryIdAsync(app, Almaty)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var district = TargetFields(indicatorId, await TerritoryIdAsync(app, AlmalyDistrict));
        district.Remove("Targets[2].Value");
        (await planner.SubmitAsync(page, "#goal-target-form", district)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rows = (await planner.PageAsync(page)).QuerySelectorAll("#goal-targets tr[data-indicator='SCHOOLS-OK']").ToList();
        rows.Select(r => r.GetAttribute("data-territory")).ShouldBe([Almaty, AlmalyDistrict]);
        rows[0].QuerySelector("[data-baseline]")!.TextContent.ShouldBe($"60 ({PeriodFrom.Year - 1})");
        rows[0].QuerySelector("[data-targets]")!.TextContent.ShouldBe($"{Today.Year}: 100; {Today.Year + 1}: 110");
        rows[1].QuerySelector("[data-targets]")!.TextContent.ShouldBe($"{Today.Year}: 100");
        var targets = await app.QueryAsync(db => db.Set<IndicatorTarget>().Where(t => t.TargetSetId == set).ToListAsync());
        targets.Count.ShouldBe(5, "a baseline and two targets for the city, a baseline and a target for the district");
        targets.Count(t => t.IsBaseline).ShouldBe(2);

        // The tree measures the goal by the city's target: 80 of 100.
        var tree = await planner.PageAsync($"/programs/{programId}");
        tree.QuerySelector($"[data-goal-indicators='{goalId}'] tr[data-indicator='SCHOOLS-OK']")!.TextContent.ShouldContain("80.0 %");

        // The edit link fills the form with what is set; a cleared year is no longer a target.
        var edit = rows[0].QuerySelector("a")!.GetAttribute("href")!;
        var form = (IHtmlFormElement)(await planner.PageAsync(edit)).QuerySelector("#goal-target-form")!;
        ((IHtmlInputElement)form.QuerySelector("input[name='Targets[2].Value']")!).Value.ShouldBe("110");
        var stale = (IHtmlFormElement)(await planner.PageAsync(edit)).QuerySelector("#goal-target-form")!;
        (await planner.SubmitAsync(form, new() { ["Targets[2].Value"] = "" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().CountAsync(t => t.TargetSetId == set && t.Territory!.Code == Almaty))).ShouldBe(2);

        // A form read before that change is refused as stale.
        var conflict = await planner.SubmitAsync(stale, new() { ["Targets[2].Value"] = "120" });
        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await conflict.HtmlAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldContain("Someone else changed this record");
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().AnyAsync(t => t.TargetSetId == set && t.Value == 120))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == "IndicatorTargets" && e.UserName == "planner"))).ShouldBeTrue("target changes are audited");

        // Another territory's planner is refused; an approved program needs an amendment.
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var karaganda = await app.SignedInAsync("karaganda.planner", Password);
        (await karaganda.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var open = (IHtmlFormElement)(await planner.PageAsync(page)).QuerySelector("#goal-target-form")!;
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, programId, ProgramStatus.Approved);
        (await planner.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.SubmitAsync(open, TargetFields(indicatorId, await TerritoryIdAsync(app, AlmalyDistrict)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.PageAsync($"/programs/{programId}")).QuerySelector("#program-error")!.TextContent.ShouldBe("An approved program changes only through an amendment: open one first.");
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().CountAsync(t => t.TargetSetId == set))).ShouldBe(4, "nothing changed without an amendment");
        var amend = (IHtmlFormElement)(await planner.PageAsync($"/programs/{programId}/amend")).QuerySelector("#amend-form")!;
        (await planner.SubmitAsync(amend, new() { ["Reason"] = "New targets." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, "the amendment opens the targets again");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_api_sets_goal_targets_edits_items_and_takes_report_files_under_the_pages_rules(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        var goalId = await app.QueryAsync(db => db.Set<ProgramGoal>().Where(g => g.Direction!.ProgramId == programId).Select(g => g.Id).SingleAsync());
        await AddIndicatorAsync(app, "SCHOOLS-OK");
        var url = $"/api/v1/programs/goals/{goalId}/indicators";
        async Task<JsonElement> ReadAsync()
        {
            using var json = JsonDocument.Parse(await planner.GetStringAsync(url));
            return json.RootElement.Clone();
        }

        var before = await ReadAsync();
        before.GetProperty("indicators").GetArrayLength().ShouldBe(0);
        var version = before.GetProperty("version").GetString();
        var body = new
        {
            indicator = "SCHOOLS-OK",
            territory = Karaganda,
            baselineYear = PeriodFrom.Year - 1,
            baseline = 60,
            targets = new[] { new { year = Today.Year, value = 100 } },
            version,
        };
        var outside = await planner.PostAsJsonAsync(url, body);
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("the program's territory or one of its districts");
        (await planner.PostAsJsonAsync(url, body with { territory = Almaty, targets = [new { year = PeriodTo.Year + 1, value = 100 }] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await app.SignedInAsync("karaganda.planner", Password)).PostAsJsonAsync(url, body with { territory = Almaty })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Browser().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a draft is not public");
        (await app.QueryAsync(db => db.Set<IndicatorTarget>().CountAsync(t => t.Indicator!.Code == "SCHOOLS-OK"))).ShouldBe(0);

        (await planner.PostAsJsonAsync(url, body with { territory = Almaty })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await planner.PostAsJsonAsync(url, body with { territory = AlmalyDistrict })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the goal's version is stale now");
        var current = (await ReadAsync()).GetProperty("version").GetString();
        (await planner.PostAsJsonAsync(url, body with { territory = Almaty, version = current })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "set already: PUT changes it");
        var put = await planner.PutAsJsonAsync($"{url}/SCHOOLS-OK", body with { territory = Almaty, targets = [new { year = Today.Year, value = 90 }, new { year = Today.Year + 1, value = 95 }], version = current });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await planner.PutAsJsonAsync($"{url}/NO-SUCH", body with { territory = Almaty, version = current })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = (await ReadAsync()).GetProperty("indicators").EnumerateArray().Single();
        (after.GetProperty("indicator").GetString(), after.GetProperty("territory").GetString(), after.GetProperty("baselineYear").GetInt32()).ShouldBe(("SCHOOLS-OK", Almaty, PeriodFrom.Year - 1));
        after.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("year").GetInt32(), t.GetProperty("value").GetDecimal())).ShouldBe([(Today.Year, 90m), (Today.Year + 1, 95m)]);

        // Directions, goals and tasks change with the version check; a new position moves the siblings.
        var title = new { kk = "Экология", ru = "Экология", en = "Ecology" };
        var second = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/{programId}/directions", new { title }));
        var first = await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId && d.Id != second).Select(d => d.Id).SingleAsync());
        var secondVersion = await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.Id == second).Select(d => d.Version).SingleAsync());
        var moved = await planner.PutAsJsonAsync($"/api/v1/programs/directions/{second}", new { title, weight = 2, position = 1, version = secondVersion });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var positions = await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        positions.ShouldBe([second, first]);
        var third = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/{programId}/directions", new { title, position = 1 }));
        (await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId).OrderBy(d => d.Position).Select(d => new { d.Id, d.Position }).ToListAsync()))
            .Select(d => (d.Id, d.Position)).ShouldBe([(third, 1), (second, 2), (first, 3)], "a new item at a position moves the others down");
        (await planner.PutAsJsonAsync($"/api/v1/programs/directions/{second}", new { title, version = secondVersion })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await planner.PutAsJsonAsync($"/api/v1/programs/goals/{goalId}", new { title, version = current })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the targets changed the goal since");
        var goalVersion = (await ReadAsync()).GetProperty("version").GetString();
        (await planner.PutAsJsonAsync($"/api/v1/programs/goals/{goalId}", new { title = new { kk = "", ru = "", en = "" }, version = goalVersion })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await planner.PutAsJsonAsync($"/api/v1/programs/goals/{goalId}", new { title, version = goalVersion })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var task = await app.QueryAsync(db => db.Set<ProgramTask>().SingleAsync(t => t.GoalId == goalId));
        (await (await app.SignedInAsync("karaganda.planner", Password)).PutAsJsonAsync($"/api/v1/programs/tasks/{task.Id}", new { title, version = task.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await planner.PutAsJsonAsync($"/api/v1/programs/tasks/{task.Id}", new { title, version = task.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Set<ProgramGoal>().SingleAsync(g => g.Id == goalId))).Title.En.ShouldBe("Ecology");

        // Files on a report through the API: sniffed like the page's, refused ones save nothing.
        var officer = await app.SignedInAsync("officer", Password);
        async Task<string> ActivityVersionAsync() => (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == activityId))).Version.ToString();
        var report = new
        {
            text = "The act is signed.",
            percentComplete = 30,
            status = "InProgress",
            version = await ActivityVersionAsync(),
            files = new[] { new { fileName = "act.pdf", content = Convert.ToBase64String(SampleFiles.Pdf) }, new { fileName = "tool.pdf", content = Convert.ToBase64String(SampleFiles.WindowsExecutable) } },
        };
        var refused = await officer.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("tool.pdf");
        (await app.QueryAsync(db => db.Set<ActivityReport>().CountAsync(r => r.ActivityId == activityId))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<Attachment>().CountAsync())).ShouldBe(0, "the act is not kept without its report");
        var created = await officer.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report with { files = [report.files[0]] });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var reply = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var file = reply.RootElement.GetProperty("files")[0].GetGuid();
        var download = await officer.GetAsync($"/programs/activities/{activityId}/files/{file}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(SampleFiles.Pdf);

        // Once approved without an amendment, the structure and targets are closed to the API too.
        await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, programId, ProgramStatus.Approved);
        var closed = (await ReadAsync()).GetProperty("version").GetString();
        (await planner.PutAsJsonAsync($"/api/v1/programs/goals/{goalId}", new { title, version = closed })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await planner.PutAsJsonAsync($"{url}/SCHOOLS-OK", body with { territory = Almaty, version = closed })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var openApi = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/programs/goals/{id}/indicators", "/api/v1/programs/goals/{id}/indicators/{code}", "/api/v1/programs/directions/{id}", "/api/v1/programs/goals/{id}", "/api/v1/programs/tasks/{id}" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Items_move_up_and_down_in_place_with_htmx_or_a_plain_post(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var edu = await AgencyIdAsync(app, "ALA-EDU");
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, edu, Today.AddDays(-9), Today.AddDays(10));
        await AddAsync(planner, programId, "direction", programId, "Ecology");
        await AddAsync(planner, programId, "direction", programId, "Transport");
        async Task<List<int>> OrderAsync() =>
            await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        async Task<List<int>> PositionsAsync() =>
            await app.QueryAsync(db => db.Set<ProgramDirection>().Where(d => d.ProgramId == programId).OrderBy(d => d.Position).Select(d => d.Position).ToListAsync());
        var (a, b, c) = (await OrderAsync()) is [var x, var y, var z] ? (x, y, z) : default;
        IHtmlFormElement Form(AngleSharp.Dom.IDocument page, string key) => (IHtmlFormElement)page.QuerySelector($"form[data-reorder='{key}']")!;

        var tree = await planner.PageAsync($"/programs/{programId}");
        tree.QuerySelector($"form[data-reorder='direction-{a}-up']").ShouldBeNull("the first cannot move up");
        var stale = Form(tree, $"direction-{c}-up");
        (await planner.SubmitAsync(Form(tree, $"direction-{c}-up"), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect, "without JavaScript: a post and a redirect");
        (await OrderAsync()).ShouldBe([a, c, b]);

        var swapped = await PostInPlaceAsync(planner, Form(await planner.PageAsync($"/programs/{programId}"), $"direction-{c}-up"));
        swapped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fragment = await swapped.Content.ReadAsStringAsync();
        fragment.TrimStart().ShouldStartWith("<div id=\"program-tree\">");
        fragment.ShouldNotContain("<html");
        (await OrderAsync()).ShouldBe([c, a, b]);
        (await PositionsAsync()).ShouldBe([1, 2, 3]);

        // A form read before the moves is stale: refused in place, nothing moves.
        var refused = await PostInPlaceAsync(planner, stale);
        (await refused.HtmlAsync()).QuerySelector("#reorder-error")!.TextContent.ShouldContain("Someone else changed this record");
        (await OrderAsync()).ShouldBe([c, a, b]);

        // Activities move within their task.
        var taskId = await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(x => x.Id == activityId).Select(x => x.TaskId).SingleAsync());
        var second = await AddActivityAsync(planner, programId, taskId, edu, Today, Today.AddDays(5));
        (await planner.SubmitAsync(Form(await planner.PageAsync($"/programs/{programId}"), $"activity-{activityId}-down"), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().Where(x => x.TaskId == taskId).OrderBy(x => x.Position).Select(x => x.Id).ToListAsync())).ShouldBe([second, activityId]);
        (await app.QueryAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == "ProgramDirections" && e.Changes.Contains("Position")))).ShouldBeTrue("moves are audited");

        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var karaganda = await app.SignedInAsync("karaganda.planner", Password);
        var token = (await karaganda.PageAsync("/programs/new/edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await karaganda.PostAsync($"/programs/{programId}?handler=Reorder", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["level"] = "direction",
            ["item"] = a.ToString(CultureInfo.InvariantCulture),
            ["up"] = "true",
            ["version"] = (await app.QueryAsync(db => db.Set<ProgramDirection>().SingleAsync(d => d.Id == a))).Version.ToString(),
        }));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OrderAsync()).ShouldBe([c, a, b]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_monitoring_report_counts_the_activities_re_planned_in_the_period(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        await ApproveAndAmendAsync(planner, programId);
        var page = $"/programs/{programId}/activity/{activityId}";
        (await planner.SubmitAsync(page, "#item-form", new() { ["DueDate"] = Iso(Today.AddDays(40)), ["ReplanReason"] = "The contractor went bankrupt." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await planner.SubmitAsync(page, "#item-form", new() { ["Budget[1].Planned"] = "2000000", ["ReplanReason"] = "Prices rose." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await planner.PageAsync($"/programs/{programId}/monitoring?year={Today.Year}");
        report.QuerySelector("#monitoring-report")!.TextContent.ShouldContain("Activities re-planned in the period: 1 (changes: 2).");
        var rows = report.TableRows("[data-report-table='Re-planned activities']");
        rows.Select(r => r[7]).ShouldBe(["The contractor went bankrupt.", "Prices rose."]);
        rows[0][0].ShouldBe(activityId.ToString(CultureInfo.InvariantCulture));
        var earlier = await planner.PageAsync($"/programs/{programId}/monitoring?year={Today.Year - 1}");
        earlier.QuerySelector("#monitoring-report")!.TextContent.ShouldContain("Activities re-planned in the period: 0 (changes: 0).");
        earlier.QuerySelector("[data-report-table='Re-planned activities']").ShouldBeNull();

        var xlsx = await planner.GetAsync($"/programs/{programId}/monitoring?handler=Export&format=xlsx&year={Today.Year}");
        using (var workbook = SpreadsheetDocument.Open(await xlsx.Content.ReadAsStreamAsync(), false))
        {
            var sheet = SheetRows(workbook, "Re-planned activities");
            sheet.Count.ShouldBe(3);
            sheet[2][7].ShouldBe("Prices rose.");
            decimal.Parse(sheet[2][6], CultureInfo.InvariantCulture).ShouldBe(2_000_000m);
        }

        var docx = await planner.GetAsync($"/programs/{programId}/monitoring?handler=Export&format=docx&year={Today.Year}&lang=ru");
        using var word = WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false);
        word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Prices rose.");
    }

    private static Dictionary<string, string> TargetFields(int indicatorId, int territoryId) => new()
    {
        ["IndicatorId"] = indicatorId.ToString(CultureInfo.InvariantCulture),
        ["TerritoryId"] = territoryId.ToString(CultureInfo.InvariantCulture),
        ["BaselineYear"] = (PeriodFrom.Year - 1).ToString(CultureInfo.InvariantCulture),
        ["Baseline"] = "60",
        ["Targets[1].Value"] = "100",
        ["Targets[2].Value"] = "110",
    };

    // An indicator of the catalog with a value of 80 for Almaty last year.
    private static Task<int> AddIndicatorAsync(QalaApp app, string code) => app.QueryAsync(async db =>
    {
        var territory = await db.Set<Territory>().SingleAsync(t => t.Code == Almaty);
        var indicator = new Indicator { Code = code, Name = LocalizedText.Of(code, code, code), Source = "test", Unit = "%" };
        db.Add(indicator);
        db.Add(new Observation { Indicator = indicator, TerritoryId = territory.Id, Year = Today.Year - 1, Dimensions = "", Value = 80, Revision = 1, IsCurrent = true, RecordedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return indicator.Id;
    });

    private static Task<int> TerritoryIdAsync(QalaApp app, string code) =>
        app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    // What htmx sends for a form with hx-post: its fields, to its hx-post address, marked as an htmx request.
    private static async Task<HttpResponseMessage> PostInPlaceAsync(HttpClient client, IHtmlFormElement form)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(form.BaseUri), form.GetAttribute("hx-post")));
        request.Headers.Add("HX-Request", "true");
        request.Content = new FormUrlEncodedContent(fields);
        return await client.SendAsync(request);
    }
}
