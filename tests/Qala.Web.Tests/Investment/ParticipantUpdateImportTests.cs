using System.Text;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;
using static Qala.Web.Tests.Investment.InvestmentTests;

namespace Qala.Web.Tests.Investment;

/// <summary>A re-import of a zone's participants through HTTP: known companies updated column by column, previewed per row, all or nothing.</summary>
public sealed class ParticipantUpdateImportTests
{
    private const string Password = "investment-password-1";
    private const string Almaty = "750000000";
    private const string Halyk = "940140000385";
    private const string Kaspi = "971240001315";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_reimport_updates_known_participants_with_the_columns_it_has(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var page = $"/investment/zones/{zoneId}/import";
        var first = Encoding.UTF8.GetBytes("company,bin,oked,status,registered,planned_jobs,planned_2023\n"
            + $"Halyk Plant,{Halyk},10.71.1,registered,2020-03-01,120,1000000\n"
            + $"Kaspi Works,{Kaspi},24.10,registered,2016-01-01,40,\n");
        (await officer.CommitImportAsync(await officer.PreviewImportAsync(page, "first.csv", first), ImportMode.AllOrNothing))
            .QuerySelector("#import-done")!.TextContent.ShouldContain("2 added");

        // Halyk is commissioned with its jobs, money and plot; Kaspi states what is known; a new company joins.
        var second = Encoding.UTF8.GetBytes("company,bin,oked,status,registered,commissioned,actual_jobs,actual_2023,land_plot\n"
            + $"Halyk Plant,{Halyk},10.71.1,operating,2020-03-01,2023-05-01,80,900000,P-7\n"
            + $"Kaspi Works,{Kaspi},24.10,registered,2016-01-01,,0,,\n"
            + "New Cement,980440000757,23.51,registered,2024-01-10,,,,\n");
        var preview = await officer.PreviewImportAsync(page, "second.csv", second);
        preview.ImportCounts().ShouldBe((1, 1, 1, 0));
        var changed = preview.QuerySelector("#import-samples li[data-outcome='Changed']")!.TextContent;
        changed.ShouldContain($"{Halyk} Halyk Plant");
        changed.ShouldContain("actual_jobs: 0 → 80");
        changed.ShouldContain("status: registered → operating 2023-05-01");
        changed.ShouldContain("land_plot:  → P-7");
        changed.ShouldNotContain("planned_jobs", customMessage: "a column the file does not have is not compared");
        preview.QuerySelector("#import-samples li[data-outcome='Unchanged']")!.TextContent.ShouldContain(Kaspi);
        preview.QuerySelector("#import-samples li[data-outcome='Added']")!.TextContent.ShouldContain("980440000757 New Cement");
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Bin == Halyk))).Stage.ShouldBe(LifecycleStage.Registered, "a preview saves nothing");

        var done = await officer.CommitImportAsync(preview, ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldContain("1 added");
        var halyk = await app.QueryAsync(db => db.Set<ZoneParticipant>().Include(p => p.Steps).Include(p => p.Years).SingleAsync(p => p.Bin == Halyk));
        halyk.Stage.ShouldBe(LifecycleStage.Commissioned);
        halyk.Steps.OrderBy(s => s.Id).Select(s => (s.Stage, s.On)).ShouldBe([(LifecycleStage.Registered, new DateOnly(2020, 3, 1)), (LifecycleStage.Commissioned, new DateOnly(2023, 5, 1))]);
        (halyk.ActualJobs, halyk.PlannedJobs, halyk.LandPlot).ShouldBe((80, 120, "P-7"), "planned jobs kept: the file has no such column");
        halyk.Years.ShouldHaveSingleItem().ShouldSatisfyAllConditions(y => y.Planned.ShouldBe(1_000_000m), y => y.Actual.ShouldBe(900_000m));

        // Audited in the participant's history, and the KPIs follow in the same import.
        var history = (await officer.PageAsync($"/investment/participants/{halyk.Id}")).QuerySelector("#history")!.TextContent;
        history.ShouldContain("ActualJobs");
        history.ShouldContain("invest.officer");
        var jobs = await app.QueryAsync(db => db.Set<Observation>()
            .SingleAsync(o => o.IsCurrent && o.Territory!.Code == Almaty && o.Indicator!.Code == InvestmentIndicators.JobsCode && o.Year == 2023));
        jobs.Value.ShouldBe(80m);
        (await officer.PreviewImportAsync(page, "second-again.csv", second)).ImportCounts().ShouldBe((0, 0, 3, 0));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_reimport_that_contradicts_the_registry_is_refused_by_row_and_column_and_saves_nothing(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var page = $"/investment/zones/{zoneId}/import";
        const string header = "company,bin,oked,status,registered,commissioned,actual_jobs\n";
        var first = Encoding.UTF8.GetBytes(header
            + $"Halyk Plant,{Halyk},10.71.1,operating,2020-03-01,2023-05-01,80\n"
            + $"Kaspi Works,{Kaspi},24.10,registered,2016-01-01,,0\n");
        await officer.CommitImportAsync(await officer.PreviewImportAsync(page, "first.csv", first), ImportMode.AllOrNothing);

        var bad = Encoding.UTF8.GetBytes(header
            + $"Halyk Other,{Halyk},10.71.1,operating,2020-03-01,2023-05-01,95\n" // row 2: the BIN under another name
            + $"Kaspi Works,{Kaspi},24.10,registered,2016-02-01,,7\n" // row 3: a registration day other than the recorded one
            + "New Cement,980440000757,23.51,registered,2024-01-10,,\n"); // row 4: fine
        var preview = await officer.PreviewImportAsync(page, "bad.csv", bad);
        var errors = preview.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        errors.ShouldContain("2 | company | A company with this BIN is already a participant of this zone under another name: Halyk Plant.");
        errors.ShouldContain("3 | registered | The recorded date of this stage is 2016-01-01: correct it on the participant's page, with its reason.");
        (await officer.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-errors").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().CountAsync(p => p.ZoneId == zoneId))).ShouldBe(2, "all or nothing");
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Bin == Kaspi))).ActualJobs.ShouldBe(0);

        // A status behind the recorded one does not continue the lifecycle.
        var back = await officer.PreviewImportAsync(page, "back.csv", Encoding.UTF8.GetBytes(header + $"Halyk Plant,{Halyk},10.71.1,registered,2020-03-01,,80\n"));
        back.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4])))
            .ShouldBe(["2 | status | The status does not continue the recorded lifecycle: operating since 2023-05-01."]);
    }
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_reimport_of_projects_updates_the_known_ones_and_keeps_other_agencies_projects_out_of_reach(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var officer = await app.SignedInAsync("invest.officer", Password);
        var planner = await app.SignedInAsync("planner", Password);
        const string page = "/investment/projects/import";
        const string header = "name,territory,agency,company,bin,oked,status,registered,commissioned,actual_jobs,actual_2024\n";
        var first = Encoding.UTF8.GetBytes(header
            + $"Bakery,{Almaty},ALA-BUSINESS,Halyk Foods,{Halyk},10.71,registered,2023-02-01,,0,\n"
            + $"School,{Almaty},ALA-EDU,Kaspi Edu,{Kaspi},85.31,registered,2023-02-01,,0,\n");
        (await planner.CommitImportAsync(await planner.PreviewImportAsync(page, "first.csv", first), ImportMode.AllOrNothing))
            .QuerySelector("#import-done")!.TextContent.ShouldContain("2 added");

        var second = Encoding.UTF8.GetBytes(header
            + $"Bakery,{Almaty},ALA-BUSINESS,Halyk Foods,{Halyk},10.71,operating,2023-02-01,2024-06-01,35,500000000\n");
        var preview = await officer.PreviewImportAsync(page, "second.csv", second);
        preview.ImportCounts().ShouldBe((0, 1, 0, 0));
        var changed = preview.QuerySelector("#import-samples li[data-outcome='Changed']")!.TextContent;
        changed.ShouldContain("actual_jobs: 0 → 35");
        changed.ShouldContain("status: registered → operating 2024-06-01");
        (await officer.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();

        var bakery = await app.QueryAsync(db => db.Set<InvestmentProject>().Include(p => p.Steps).SingleAsync(p => p.Bin == Halyk));
        (bakery.Stage, bakery.ActualJobs).ShouldBe((LifecycleStage.Commissioned, 35));
        bakery.Steps.Count.ShouldBe(2);
        (await app.QueryAsync(db => db.Set<Observation>().SingleAsync(o => o.IsCurrent && o.Territory!.Code == Almaty
            && o.Indicator!.Code == InvestmentIndicators.AttractedCode && o.Year == 2024))).Value.ShouldBe(500_000_000m, "the KPIs follow in the same import");
        (await officer.PreviewImportAsync(page, "second-again.csv", second)).ImportCounts().ShouldBe((0, 0, 1, 0));

        // The education department's school is not the business officer's to change, even under their own agency code.
        var theirs = Encoding.UTF8.GetBytes(header + $"School,{Almaty},ALA-BUSINESS,Kaspi Edu,{Kaspi},85.31,registered,2023-02-01,,7,\n");
        var refused = await officer.PreviewImportAsync(page, "theirs.csv", theirs);
        refused.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ShouldBe(["2 | agency | You may record only your agency's projects."]);
        (await app.QueryAsync(db => db.Set<InvestmentProject>().SingleAsync(p => p.Bin == Kaspi))).ActualJobs.ShouldBe(0);
    }
}
