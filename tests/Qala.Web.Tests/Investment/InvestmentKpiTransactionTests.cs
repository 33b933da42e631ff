using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Investment;

/// <summary>A participant's save or move and the KPIs recomputed from it are one transaction: when the KPIs cannot be written, nothing is.</summary>
public sealed class InvestmentKpiTransactionTests
{
    private const string Password = "investment-password-1";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_save_whose_kpis_cannot_be_written_is_not_saved_either(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], "750000000", "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zone = await app.QueryAsync(db => db.Set<InvestmentZone>().Where(z => z.Kind == ZoneKind.IndustrialZone).Select(z => z.Id).SingleAsync());
        var building = await app.QueryAsync(db => db.Set<ZoneParticipant>()
            .Where(p => p.ZoneId == zone && p.Stage == Engine.Investment.LifecycleStage.UnderConstruction).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var before = await app.QueryAsync(db => db.Set<ZoneParticipant>().CountAsync(p => p.ZoneId == zone));
        await RefuseObservationsAsync(app, true);

        var added = await officer.SubmitAsync($"/investment/participants/new?zone={zone}", "#participant-form", new()
        {
            ["Input.CompanyName"] = "Halyk Plant",
            ["Input.Bin"] = "940140000385",
            ["Input.Oked"] = "10.71.1",
            ["Input.Years[0].Year"] = "2031",
            ["Input.Years[0].Actual"] = "1500000000",
            ["StartStage"] = "Registered",
            ["StartOn"] = "2030-03-01",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().CountAsync(p => p.ZoneId == zone))).ShouldBe(before, "the participant went with its KPIs");

        await officer.SubmitAsync($"/investment/participants/{building}", "#move-form", new()
        {
            ["Move.To"] = "Commissioned",
            ["Move.On"] = "2030-05-01",
            ["Move.Reason"] = "Act of commissioning",
        });
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Id == building))).Stage
            .ShouldBe(Engine.Investment.LifecycleStage.UnderConstruction, "the move went with its KPIs");

        await RefuseObservationsAsync(app, false);
        (await app.QueryAsync(db => db.Set<Observation>().AnyAsync(o => o.Indicator!.Code == InvestmentIndicators.JobsCode && o.Year == 2030))).ShouldBeFalse();
        var moved = await officer.SubmitAsync($"/investment/participants/{building}", "#move-form", new()
        {
            ["Move.To"] = "Commissioned",
            ["Move.On"] = "2030-05-01",
            ["Move.Reason"] = "Act of commissioning",
        });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Set<Observation>().AnyAsync(o => o.IsCurrent && o.Indicator!.Code == InvestmentIndicators.JobsCode && o.Year == 2030)))
            .ShouldBeTrue(string.Create(CultureInfo.InvariantCulture, $"the move of {building} and its KPI together"));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_save_recomputes_its_own_territory_s_kpis_and_leaves_another_territory_s_alone(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], "750000000", "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zone = await app.QueryAsync(db => db.Set<InvestmentZone>().Where(z => z.Kind == ZoneKind.IndustrialZone).Select(z => z.Id).SingleAsync());

        // The whole registry's KPIs, as at start-up with the demo statistics.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InvestmentIndicators>().RecomputeAsync(CancellationToken.None);
        }

        // Karaganda's current value of investment attracted is set aside by hand: a full recomputation would put it right
        // with a new revision, a recomputation of Almaty alone must not read or write it.
        var karaganda = await app.QueryAsync(db => db.Set<Observation>()
            .Where(o => o.IsCurrent && o.Indicator!.Code == InvestmentIndicators.AttractedCode && o.Territory!.Code == "350000000").OrderBy(o => o.Id).FirstAsync());
        await app.QueryAsync(db => db.Set<Observation>().Where(o => o.Id == karaganda.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Value, 1m)));
        var revisions = await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.IndicatorId == karaganda.IndicatorId && o.TerritoryId == karaganda.TerritoryId));

        var added = await officer.SubmitAsync($"/investment/participants/new?zone={zone}", "#participant-form", new()
        {
            ["Input.CompanyName"] = "Halyk Plant",
            ["Input.Bin"] = "940140000385",
            ["Input.Oked"] = "10.71.1",
            ["Input.Years[0].Year"] = "2031",
            ["Input.Years[0].Actual"] = "1500000000",
            ["StartStage"] = "Registered",
            ["StartOn"] = "2030-03-01",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.QueryAsync(db => db.Set<Observation>().SingleAsync(o => o.IsCurrent && o.Indicator!.Code == InvestmentIndicators.AttractedCode
            && o.Territory!.Code == "750000000" && o.Year == 2031))).Value.ShouldBe(1_500_000_000m, "Almaty's KPI follows its registry");
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.IndicatorId == karaganda.IndicatorId && o.TerritoryId == karaganda.TerritoryId)))
            .ShouldBe(revisions, "no new revision in Karaganda");
        (await app.QueryAsync(db => db.Set<Observation>().SingleAsync(o => o.Id == karaganda.Id))).Value.ShouldBe(1m);
    }

    /// <summary>Makes the database refuse every new observation while on, as a database that fails at that moment would.</summary>
    private static Task<int> RefuseObservationsAsync(QalaApp app, bool on) => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync((on, app.Kind) switch
    {
        (true, DatabaseKind.Postgres) => """
            CREATE FUNCTION qala_refuse_observations() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'The KPI observations cannot be written.'; END $$;
            CREATE TRIGGER qala_refuse_observations BEFORE INSERT ON "Observations" FOR EACH ROW EXECUTE FUNCTION qala_refuse_observations();
            """,
        (false, DatabaseKind.Postgres) => """
            DROP TRIGGER qala_refuse_observations ON "Observations";
            DROP FUNCTION qala_refuse_observations();
            """,
        (true, _) => """
            CREATE TRIGGER qala_refuse_observations BEFORE INSERT ON "Observations"
            BEGIN SELECT RAISE(ABORT, 'The KPI observations cannot be written.'); END;
            """,
        (false, _) => "DROP TRIGGER qala_refuse_observations;",
    }));
}
