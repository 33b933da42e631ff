using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Data.Seeding;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Programs;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>
/// The demo's target sets of Almaty, Karaganda and Shymkent hold what the seed texts state — goals as targets, the
/// situation as baselines and observations — and the scorecard compares against them, in three languages.
/// </summary>
public sealed class DemoTargetSetsTests
{
    private const string Almaty = "750000000";
    private const string Karaganda = "350000000";
    private const string Shymkent = "790000000";

    private static readonly Dictionary<string, string?> WithStatistics = new() { [DatabaseSettings.DemoStatisticsKey] = "true" };

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_seed_texts_give_each_city_a_target_set_that_its_scorecard_compares_against(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, WithStatistics);
        var sets = await app.QueryAsync(db => db.Set<TargetSet>().Where(s => s.Source!.StartsWith("Source document")).ToDictionaryAsync(s => s.Name.En));
        sets.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "Head of State's instructions for Karaganda's long-term development strategy (2018)",
            "Head of State's meeting on Almaty's development (29 October 2019)",
            "Meeting on the socio-economic development of Shymkent city (29 September 2018)",
            "«Almaty-2020» development program"]);
        var almaty = sets["Head of State's meeting on Almaty's development (29 October 2019)"];
        var program = sets["«Almaty-2020» development program"];
        var karaganda = sets["Head of State's instructions for Karaganda's long-term development strategy (2018)"];
        var shymkent = sets["Meeting on the socio-economic development of Shymkent city (29 September 2018)"];
        (almaty.Kind, program.Kind, karaganda.Kind, shymkent.Kind).ShouldBe((TargetSetKind.GovernorKpi, TargetSetKind.Program, TargetSetKind.Strategy, TargetSetKind.Strategy));
        almaty.Source.ShouldStartWith("Source document almaty-2019-en: “Head of State held a meeting on Almaty's development”");
        shymkent.Source.ShouldStartWith("Source documents shymkent-2018-en and shymkent-2018-kk:");

        // The seeds' numbers, by set, indicator, territory and year: "more than 2 billion dollars … at least 30 thousand
        // workplaces", "33 companies", "15 participants, only 6 of which…", Industry 4.0 "at 4 large enterprises", "2
        // enterprises … model digital factories", "20,9% of GDP", "29000 USA dollars", "over one million people".
        var targets = await app.QueryAsync(db => db.Set<IndicatorTarget>().Where(t => t.TargetSet!.Source!.StartsWith("Source document"))
            .Select(t => new { t.TargetSetId, t.Indicator!.Code, Territory = t.Territory!.Code, t.Year, t.IsBaseline, t.Value }).ToListAsync());
        targets.Count.ShouldBe(DemoTargetSets.Rows.Length);
        decimal Target(TargetSet set, string code, string territory, int year, bool baseline) =>
            targets.Single(t => t.TargetSetId == set.Id && t.Code == code && t.Territory == territory && t.Year == year && t.IsBaseline == baseline).Value;
        Target(almaty, "SEED-ALA-MOUNTAIN-INVEST", Almaty, 2025, baseline: false).ShouldBe(2);
        Target(almaty, "SEED-ALA-MOUNTAIN-JOBS", Almaty, 2025, baseline: false).ShouldBe(30_000);
        Target(almaty, "SEED-ALA-IZ-COMPANIES", Almaty, 2019, baseline: true).ShouldBe(33);
        Target(almaty, "SEED-ALA-IZ-INVESTMENT", Almaty, 2019, baseline: true).ShouldBe(156);
        Target(karaganda, "SEED-KAR-INDUSTRY-4-0", Karaganda, 2020, baseline: false).ShouldBe(4);
        Target(karaganda, "SEED-KAR-DIGITAL-FACTORIES", Karaganda, 2020, baseline: false).ShouldBe(2);
        Target(karaganda, "SEED-KAR-SEZ-PARTICIPANTS", Karaganda, 2018, baseline: true).ShouldBe(15);
        Target(karaganda, "SEED-KAR-SEZ-OPERATING", Karaganda, 2018, baseline: true).ShouldBe(6);
        Target(karaganda, "SEED-KAR-EMISSIONS", Karaganda, 2018, baseline: true).ShouldBe(600_000);
        Target(program, "SEED-ALA-GDP-SHARE", Almaty, 2014, baseline: true).ShouldBe(20.9m);
        Target(program, "SEED-ALA-GRP-PER-CAPITA", Almaty, 2014, baseline: true).ShouldBe(29_000);
        Target(shymkent, "SEED-SHY-POPULATION", Shymkent, 2018, baseline: true).ShouldBe(1_000_000);
        targets.Where(t => t.TargetSetId == program.Id).ShouldAllBe(t => t.IsBaseline, "the program's page quotes no target");

        // Every figure is a fact of its document, quoted word for word there.
        var documents = await app.QueryAsync(db => db.Set<SourceDocument>().ToDictionaryAsync(d => d.Code, d => d.Text));
        foreach (var row in DemoTargetSets.Rows)
        {
            documents[row.Document].ShouldContain(DemoTargetSets.FactOf(row).Quote, Case.Sensitive, row.Indicator);
        }

        // The stated situation is also the observation of its year, recorded with the document as its import batch.
        var observed = await app.QueryAsync(db => db.Set<Observation>().Where(o => o.Indicator!.Code == "SEED-KAR-SEZ-PARTICIPANTS")
            .Join(db.Set<ImportBatch>(), o => o.ImportBatchId, b => b.Id, (o, b) => new { Territory = o.Territory!.Code, o.Year, o.Value, b.Kind, b.FileName }).SingleAsync());
        observed.ShouldBe(new { Territory = Karaganda, Year = 2018, Value = 15m, Kind = DemoTargetSets.BatchKind, FileName = "karaganda-en.txt" });

        // Karaganda's scorecard against its set: the set named with its document, the SEZ's 15 participants, Industry 4.0's target.
        var page = await app.Browser("en").PageAsync($"/indicators/scorecard/{Karaganda}?set={karaganda.Id}&lang=en");
        var named = page.QuerySelector("#target-set")!.TextContent;
        named.ShouldContain("Targets and baselines: Head of State's instructions for Karaganda's long-term development strategy (2018)");
        named.ShouldContain("Source document karaganda-en");
        page.QuerySelector("#scorecard tr[data-indicator='SEED-KAR-SEZ-PARTICIPANTS'] [data-value]")!.TextContent.ShouldBe("15");
        page.QuerySelector("#scorecard tr[data-indicator='SEED-KAR-INDUSTRY-4-0'] td:nth-child(4)")!.TextContent.ShouldBe("4 (2020)");
        page.QuerySelectorAll("#set option").Select(o => o.TextContent).ShouldContain("Head of State's instructions for Karaganda's long-term development strategy (2018)");

        // Almaty's through the API: the mountain locations' 30,000 workplaces by 2025; by default still the development program's set.
        var card = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}?set={almaty.Id}");
        card.GetProperty("targetSetId").GetInt32().ShouldBe(almaty.Id);
        var jobs = card.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "SEED-ALA-MOUNTAIN-JOBS");
        (jobs.GetProperty("target").GetDouble(), jobs.GetProperty("targetYear").GetInt32()).ShouldBe((30_000, 2025));
        var companies = card.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "SEED-ALA-IZ-COMPANIES");
        (companies.GetProperty("value").GetDouble(), companies.GetProperty("baseline").GetDouble(), companies.GetProperty("year").GetInt32()).ShouldBe((33, 33, 2019));
        var programSet = await app.QueryAsync(db => db.Set<DevelopmentProgram>().Where(p => p.IsDemo && p.Territory!.Code == Almaty)
            .SelectMany(p => p.Versions).Select(v => v.TargetSetId).SingleAsync());
        (await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Almaty}")).GetProperty("targetSetId").GetInt32()
            .ShouldBe(programSet, "the seed sets are older than the programs' sets, which stay the default");

        // In three languages: the list of sets, the scorecard's choice and the indicator's page with its quote.
        foreach (var (language, name) in new[]
        {
            ("kk", "Мемлекет басшысының Алматының дамуы жөніндегі кеңесі (2019 жылғы 29 қазан)"),
            ("ru", "Совещание Главы государства по развитию Алматы (29 октября 2019 года)"),
            ("en", "Head of State's meeting on Almaty's development (29 October 2019)"),
        })
        {
            var list = await app.Browser(language).PageAsync($"/indicators/targets?lang={language}");
            list.QuerySelector($"#target-sets tr[data-set='{almaty.Id}'] a")!.TextContent.ShouldBe(name);
            list.QuerySelector($"#target-sets tr[data-set='{almaty.Id}'] td.num")!.TextContent.ShouldBe("7");
            var scorecard = await app.Browser(language).PageAsync($"/indicators/scorecard/{Almaty}?set={almaty.Id}&lang={language}");
            scorecard.QuerySelector("#target-set")!.TextContent.ShouldContain(name);
            scorecard.QuerySelector("#scorecard tr[data-indicator='SEED-ALA-MOUNTAIN-JOBS']").ShouldNotBeNull();
        }

        var indicator = await app.Browser("ru").PageAsync("/indicators/SEED-ALA-MOUNTAIN-JOBS?lang=ru");
        indicator.QuerySelector("h1")!.TextContent.ShouldContain("Рабочие места, которые создаст мастер-план горных локаций");
        indicator.Body!.TextContent.ShouldContain("Показатель из исходного документа almaty-2019-en");
        indicator.Body.TextContent.ShouldContain("create at least 30 thousand workplaces");
        indicator.QuerySelector("#methodology")!.TextContent.ShouldContain("Tourism Industry until 2025");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_seed_target_sets_are_added_once(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, WithStatistics);
        Task<int[]> CountAsync() => app.QueryAsync(async db => new[]
        {
            await db.Set<TargetSet>().CountAsync(),
            await db.Set<IndicatorTarget>().CountAsync(),
            await db.Set<Indicator>().CountAsync(),
            await db.Set<Observation>().CountAsync(),
            await db.Set<ImportBatch>().CountAsync(),
        });
        var first = await CountAsync();
        (await app.QueryAsync(db => db.Set<Indicator>().CountAsync(i => i.Source.StartsWith(DemoTargetSets.SourcePrefix)))).ShouldBe(DemoTargetSets.Indicators.Length);

        // A second start on the same database adds nothing.
        await using (var second = app.SecondNode())
        {
            (await second.Browser().GetAsync("/indicators/targets")).EnsureSuccessStatusCode();
        }

        (await CountAsync()).ShouldBe(first);

        // A demo database from before the seed sets (their sets and indicators gone) gets them at its next start, once.
        await app.QueryAsync(async db =>
        {
            await db.Set<Indicator>().Where(i => i.Source.StartsWith(DemoTargetSets.SourcePrefix)).ExecuteDeleteAsync();
            await db.Set<ImportBatch>().Where(b => b.Kind == DemoTargetSets.BatchKind).ExecuteDeleteAsync();
            return await db.Set<TargetSet>().Where(s => s.Source!.StartsWith("Source document")).ExecuteDeleteAsync();
        });
        await using (var third = app.SecondNode())
        {
            (await third.Browser().GetAsync("/indicators/targets")).EnsureSuccessStatusCode();
        }

        (await CountAsync()).ShouldBe(first);
    }
}
