using Microsoft.EntityFrameworkCore;
using Qala.Engine.Programs;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Programs;

/// <summary>The demonstration programs of Almaty, Karaganda and Shymkent.</summary>
public sealed partial class ProgramsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_has_programs_for_the_seed_cities_with_progress_budgets_and_overdue_work(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var programs = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Where(p => p.IsDemo).Include(p => p.Territory)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Tasks).ThenInclude(t => t.Activities).ThenInclude(a => a.Budget)
            .Include(p => p.Directions).ThenInclude(d => d.Goals).ThenInclude(g => g.Tasks).ThenInclude(t => t.Activities).ThenInclude(a => a.Reports)
            .AsSplitQuery().ToListAsync());
        programs.Select(p => p.Territory!.Code).Order(StringComparer.Ordinal).ShouldBe(["350000000", Almaty, "790000000"]);
        programs.ShouldAllBe(p => p.Status == ProgramStatus.InImplementation);
        var almaty = programs.Single(p => p.Territory!.Code == Almaty);
        almaty.Directions.Select(d => d.Title.En).ShouldContain("Mudflow protection");
        var activities = programs.SelectMany(p => p.Directions).SelectMany(d => d.Goals).SelectMany(g => g.Tasks).SelectMany(t => t.Activities).ToList();
        activities.ShouldContain(a => a.Title.En == "Mudflow dam in the Aksai gorge");
        activities.SelectMany(a => a.Budget).ShouldContain(b => b.Source == FundingSource.PublicPrivatePartnership && b.Actual > 0);
        activities.ShouldContain(a => a.Reports.Count > 0);
        activities.ShouldAllBe(a => a.StartDate <= a.DueDate);

        // Everyone reads them, marked as demonstration data, with overdue work in Almaty's monitoring report.
        var browser = app.Browser("en");
        var list = await browser.PageAsync("/programs");
        foreach (var program in programs)
        {
            list.QuerySelector($"tr[data-program='{program.Id}'] [data-demo]").ShouldNotBeNull();
        }

        (await browser.PageAsync($"/programs/{almaty.Id}")).QuerySelector("#demo-badge").ShouldNotBeNull();
        var report = await browser.PageAsync($"/programs/{almaty.Id}/monitoring");
        var overdue = report.TableRows("[data-report-table='Overdue activities']").Select(r => r[1]).ToList();
        overdue.ShouldContain("Gas supply for Nauryzbay district");
        overdue.ShouldNotContain("LED street lighting", "a completed activity is not overdue");
        report.TableRows("[data-report-table='Budget']").Select(r => r[0]).ShouldContain("Public-private partnership");
        var bands = (await browser.PageAsync($"/programs/{almaty.Id}")).QuerySelectorAll("tr[data-activity] [data-band]").Select(b => b.GetAttribute("data-band")).ToHashSet();
        bands.ShouldContain(nameof(ProgressBand.OffTrack));
        bands.ShouldContain(nameof(ProgressBand.Completed));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_programs_measure_their_goals_with_the_demo_statistics(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { [DatabaseSettings.DemoStatisticsKey] = "true" });
        var almaty = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Include(p => p.Versions).SingleAsync(p => p.IsDemo && p.Territory!.Code == Almaty));
        var set = almaty.Versions.Single().TargetSetId;
        var targets = await app.QueryAsync(db => db.Set<IndicatorTarget>().Where(t => t.TargetSetId == set && t.Indicator!.Code == "8.1.1").ToListAsync());
        targets.Count.ShouldBe(2, "a baseline from the latest value and a target for the last year");
        targets.Count(t => t.IsBaseline).ShouldBe(1);
        targets.Single(t => !t.IsBaseline).Year.ShouldBe(almaty.PeriodTo.Year);

        var tree = await app.Browser("en").PageAsync($"/programs/{almaty.Id}");
        tree.QuerySelector("tr[data-indicator='8.1.1']").ShouldNotBeNull();
        var report = await app.Browser("en").PageAsync($"/programs/{almaty.Id}/monitoring");
        report.TableRows("[data-report-table='Target indicators']").Select(r => r[1]).ShouldContain(c => c.StartsWith("8.1.1 ", StringComparison.Ordinal));
    }
}
