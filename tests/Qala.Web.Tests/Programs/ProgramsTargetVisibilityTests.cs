using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Programs;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Indicators;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_draft_programs_targets_are_seen_only_by_its_readers_until_it_is_approved(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        await MonitoringTests.CreateIndicatorAsync(admin, "INVEST", "HigherIsBetter", kpi: true);
        await MonitoringTests.ImportValuesAsync(admin, $"indicator,territory,period,value\nINVEST,{Almaty},2023,112\n");
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        await app.CreateUserAsync("karaganda.planner", Password, [QalaRoles.Planner], Karaganda);
        var planner = await app.SignedInAsync("planner", Password);
        var programId = await CreateProgramAsync(app, planner, Almaty);
        var set = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Where(p => p.Id == programId).SelectMany(p => p.Versions).Select(v => v.TargetSetId).SingleAsync());
        var preview = await planner.PreviewImportAsync(
            $"/indicators/targets/{set}", "targets.csv", Encoding.UTF8.GetBytes($"indicator,territory,year,kind,value\nINVEST,{Almaty},2020,baseline,100\nINVEST,{Almaty},2025,target,130\n"));
        (await planner.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();

        // The draft's planner compares against its targets.
        (await planner.PageAsync("/indicators/targets")).QuerySelector($"tr[data-set='{set}']").ShouldNotBeNull();
        (await TargetAsync(planner, null)).ShouldBe(130);

        // The public and another territory's planner do not see them: not listed, not compared against, not found.
        var visitor = app.Browser("en");
        var karaganda = await app.SignedInAsync("karaganda.planner", Password);
        foreach (var other in new[] { visitor, karaganda })
        {
            (await other.PageAsync("/indicators/targets")).QuerySelector($"tr[data-set='{set}']").ShouldBeNull();
            (await TargetAsync(other, null)).ShouldBeNull();
            (await TargetAsync(other, set)).ShouldBeNull("asking for the set by its number shows nothing either");
            (await other.PageAsync($"/indicators/scorecard/{Almaty}?kpi=true")).Body!.TextContent.ShouldNotContain("130");
        }

        (await karaganda.GetAsync($"/indicators/targets/{set}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Once the program is approved its targets are public.
        (await MoveAsync(planner, programId, ProgramStatus.PublicDiscussion)).ShouldBe(ProgramStatus.PublicDiscussion);
        (await TargetAsync(visitor, null)).ShouldBeNull("a program in discussion is not public yet");
        (await MoveAsync(planner, programId, ProgramStatus.Approved)).ShouldBe(ProgramStatus.Approved);
        (await visitor.PageAsync("/indicators/targets")).QuerySelector($"tr[data-set='{set}']").ShouldNotBeNull();
        (await TargetAsync(visitor, null)).ShouldBe(130);
        (await TargetAsync(karaganda, set)).ShouldBe(130);
    }

    private static async Task<double?> TargetAsync(HttpClient client, int? set)
    {
        var card = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}?kpi=true{(set is null ? "" : $"&set={set}")}");
        var target = card.GetProperty("lines")[0].GetProperty("target");
        return target.ValueKind == JsonValueKind.Null ? null : target.GetDouble();
    }
}
