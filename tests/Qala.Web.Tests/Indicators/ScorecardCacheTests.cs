using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Indicators;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>
/// Scorecards kept by a node (<see cref="ScorecardCache"/>, ADR 0012) change at once with every change of the data
/// they come from, whoever writes it and on whichever node — through HTTP on both databases.
/// </summary>
public sealed class ScorecardCacheTests
{
    private const string Almaty = "750000000";
    private const string Karaganda = "350000000";

    private static async Task<(HttpClient Admin, string SetPage)> ProgramAsync(QalaApp app)
    {
        var admin = await app.SignedInAsync();
        await MonitoringTests.CreateIndicatorAsync(admin, "INVEST", "HigherIsBetter", kpi: true);
        await MonitoringTests.ImportValuesAsync(admin, $"indicator,territory,period,value\nINVEST,{Almaty},2022,100\nINVEST,{Almaty},2023,112\nINVEST,{Karaganda},2023,150\n");
        var created = await admin.SubmitAsync("/indicators/targets", "#new-set", new() { ["Name.Kk"] = "KPI", ["Name.Ru"] = "KPI", ["Name.En"] = "KPI", ["Kind"] = "GovernorKpi" });
        var setPage = created.Headers.Location!.OriginalString;
        await ImportTargetsAsync(admin, setPage, $"INVEST,{Almaty},2020,baseline,100\nINVEST,{Almaty},2025,target,130\n");
        return (admin, setPage);
    }

    private static async Task ImportTargetsAsync(HttpClient admin, string setPage, string rows)
    {
        var preview = await admin.PreviewImportAsync(setPage, "targets.csv", Encoding.UTF8.GetBytes("indicator,territory,year,kind,value\n" + rows));
        (await admin.CommitImportAsync(preview, ImportMode.AllOrNothing)).QuerySelector("#import-done").ShouldNotBeNull();
    }

    private static async Task<(string Territory, string Indicator, double Value, double Target, int? Rank, int Of)> LineAsync(HttpClient client)
    {
        var card = await client.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}?kpi=true");
        var line = card.GetProperty("lines")[0];
        var rank = line.GetProperty("rank");
        return (card.GetProperty("territoryName").GetProperty("en").GetString()!, line.GetProperty("name").GetProperty("en").GetString()!,
            line.GetProperty("value").GetDouble(), line.GetProperty("target").GetDouble(),
            rank.ValueKind == JsonValueKind.Null ? null : rank.GetInt32(), line.GetProperty("rankedOf").GetInt32());
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_kept_scorecard_changes_at_once_with_values_targets_indicators_and_territories_on_every_node(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await using var second = app.SecondNode();
        var (admin, setPage) = await ProgramAsync(app);
        var reader = second.Browser("en");
        var before = (Almaty: "Almaty city", Indicator: "Indicator INVEST", Value: 112.0, Target: 130.0, Rank: (int?)2, Of: 2);
        (await LineAsync(reader)).ShouldBe(before);
        (await LineAsync(reader)).ShouldBe(before, "kept on the second node");

        // A corrected value imported on the first node.
        await MonitoringTests.ImportValuesAsync(admin, $"indicator,territory,period,value\nINVEST,{Almaty},2023,160\n");
        (await LineAsync(reader)).ShouldBe(before with { Value = 160, Rank = 1 });

        // A new target of the set.
        await ImportTargetsAsync(admin, setPage, $"INVEST,{Almaty},2025,target,200\n");
        (await LineAsync(reader)).ShouldBe(before with { Value = 160, Rank = 1, Target = 200 });

        // The indicator renamed on its page.
        (await admin.SubmitAsync("/indicators/INVEST/edit", "#indicator-form", new() { ["Name.En"] = "Investment" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LineAsync(reader)).ShouldBe(before with { Indicator = "Investment", Value = 160, Rank = 1, Target = 200 });

        // Writes outside the app and its change tracker move the stamp too: the database's triggers do it.
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE \"Territories\" SET \"Name_En\" = 'Almaty megacity' WHERE \"Code\" = '{Almaty}'"));
        await app.QueryAsync(db => db.Set<Observation>().Where(o => o.Territory!.Code == Karaganda).ExecuteDeleteAsync());
        (await LineAsync(reader)).ShouldBe(("Almaty megacity", "Investment", 160, 200, 1, 1));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_node_answers_with_its_kept_scorecard_while_the_stamp_stands(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await ProgramAsync(app);
        var reader = app.Browser("en");
        (await LineAsync(reader)).Value.ShouldBe(112);

        // A value changed with the stamp put back in the same transaction: the node keeps answering what it computed.
        var stamp = await app.QueryAsync(db => db.Set<IndicatorDataStamp>().Select(s => s.Value).SingleAsync());
        await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Set<Observation>().Where(o => o.Territory!.Code == Almaty && o.Year == 2023 && o.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(o => o.Value, 999m));
            await db.Set<IndicatorDataStamp>().ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, stamp));
            await transaction.CommitAsync();
            return 0;
        });
        (await LineAsync(reader)).Value.ShouldBe(112, "computed before, kept under the same stamp");

        await app.QueryAsync(db => db.Set<IndicatorDataStamp>().ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, stamp + 1)));
        (await LineAsync(reader)).Value.ShouldBe(999);
    }
}
