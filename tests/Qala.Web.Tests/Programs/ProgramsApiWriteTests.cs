using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Programs;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>The API's writes: progress reports of the responsible agency and an activity's plan for planners, with the pages' rules.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_api_takes_reports_of_the_agency_and_plans_of_the_planner_under_the_same_rules(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        await app.CreateUserAsync("other.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-CONSTRUCTION");
        var planner = await app.SignedInAsync("planner", Password);
        var (programId, activityId) = await BuildAsync(app, planner, Almaty, await AgencyIdAsync(app, "ALA-EDU"), Today.AddDays(-9), Today.AddDays(10));
        async Task<string> VersionAsync()
        {
            using var json = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/programs/{programId}"));
            return json.RootElement.GetProperty("directions")[0].GetProperty("goals")[0].GetProperty("tasks")[0].GetProperty("activities")[0].GetProperty("version").GetString()!;
        }

        var report = new { text = "Contract signed.", percentComplete = 25, status = "InProgress", version = await VersionAsync() };
        var other = await app.SignedInAsync("other.officer", Password);
        (await other.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await planner.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "reports are the agency's");
        var officer = await app.SignedInAsync("officer", Password);
        (await officer.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report with { percentComplete = 120 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await officer.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await officer.PostAsJsonAsync($"/api/v1/programs/activities/{activityId}/reports", report)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the version is stale now");
        var saved = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Reports).SingleAsync(a => a.Id == activityId));
        (saved.PercentComplete, saved.Reports.Count, saved.Reports.Single().ReportedBy).ShouldBe((25m, 1, "officer"));

        await ApproveAndAmendAsync(planner, programId);
        var plan = new
        {
            title = new { kk = "Мектеп (kk)", ru = "Школа (ru)", en = "Repair school No. 12" },
            responsibleAgency = "ALA-EDU",
            startDate = Iso(Today.AddDays(-9)),
            dueDate = Iso(Today.AddDays(30)),
            status = "InProgress",
            budget = new[] { new { source = "LocalBudget", planned = 1_500_000, actual = 0 } },
            version = await VersionAsync(),
            replanReason = (string?)null,
        };
        (await officer.PutAsJsonAsync($"/api/v1/programs/activities/{activityId}", plan)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await planner.PutAsJsonAsync($"/api/v1/programs/activities/{activityId}", plan);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give the reason for re-planning");
        (await planner.PutAsJsonAsync($"/api/v1/programs/activities/{activityId}", plan with { responsibleAgency = "KAR-EDU", replanReason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await planner.PutAsJsonAsync($"/api/v1/programs/activities/{activityId}", plan with { replanReason = "Heating season." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Set<RoadmapActivity>().SingleAsync(a => a.Id == activityId))).DueDate.ShouldBe(Today.AddDays(30));
        (await app.QueryAsync(db => db.Set<ActivityReplan>().SingleAsync(r => r.ActivityId == activityId))).Reason.ShouldBe("Heating season.");

        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        (await (await app.SignedInAsync("karaganda.planner", Password)).PutAsJsonAsync($"/api/v1/programs/activities/{activityId}", plan)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Structure through the API: a new draft built from a direction down to an activity; closed programs refuse.
        var draft = await CreateProgramAsync(app, planner, Almaty);
        var title = new { kk = "Бағыт", ru = "Направление", en = "Safety" };
        var direction = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/{draft}/directions", new { title }));
        var goal = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/directions/{direction}/goals", new { title, weight = 2 }));
        var task = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/goals/{goal}/tasks", new { title }));
        (await planner.PostAsJsonAsync($"/api/v1/programs/tasks/{task}/activities", plan with { dueDate = Iso(PeriodTo.AddDays(1)) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var added = await CreatedIdAsync(await planner.PostAsJsonAsync($"/api/v1/programs/tasks/{task}/activities", plan));
        var built = await app.QueryAsync(db => db.Set<RoadmapActivity>().Include(a => a.Budget).Include(a => a.Task!.Goal).SingleAsync(a => a.Id == added));
        (built.Task!.Goal!.Id, built.Task.Goal.Weight, built.Budget.Single().Planned, built.Title.En).ShouldBe((goal, 2m, 1_500_000m, "Repair school No. 12"));
        (await planner.PostAsJsonAsync($"/api/v1/programs/{draft}/directions", new { title = new { kk = "", ru = "", en = "" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await planner.PostAsJsonAsync("/api/v1/programs/goals/999999/tasks", new { title })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await MoveAsync(planner, draft, ProgramStatus.PublicDiscussion);
        await MoveAsync(planner, draft, ProgramStatus.Approved);
        (await planner.PostAsJsonAsync($"/api/v1/programs/{draft}/directions", new { title })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "an approved program changes by amendment");
        (await (await app.SignedInAsync("karaganda.planner", Password)).PostAsJsonAsync($"/api/v1/programs/goals/{goal}/tasks", new { title })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var openApi = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/programs/activities/{id}/reports", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/programs/activities/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/programs/tasks/{id}/activities", out _).ShouldBeTrue();
    }

    private static async Task<int> CreatedIdAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }
}
