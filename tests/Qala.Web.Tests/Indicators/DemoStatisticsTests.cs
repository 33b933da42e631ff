using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Participation;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>
/// The demo's first start imports the statistics office's SDG files, so every region has real series, and loads the
/// "Almaty-2020" public discussion with the figures of the seed, from which the topic model learns.
/// </summary>
public sealed class DemoStatisticsTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_imports_every_shared_sdg_file_and_shows_real_scorecards(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { [DatabaseSettings.DemoStatisticsKey] = "true" });

        var batches = await app.QueryAsync(db => db.Set<ImportBatch>().Where(b => b.Kind == "open-sdg").ToListAsync());
        batches.Count.ShouldBe(15);
        var counts = await app.QueryAsync(db => db.Set<Observation>().GroupBy(o => o.Indicator!.Code).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        // Beside them, the facts of the seed texts (SEED-…, DemoTargetSetsTests).
        counts.Keys.Where(k => !k.StartsWith("SEED-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ShouldBe([
            "1.2.1", "11.1.1", "11.3.1", "11.6.1", "11.6.2", "17.3.1.2", "3.7.2", "4.2.2", "7.1.1", "8.1.1", "8.2.1", "8.5.2", "8.6.1", "9.2.1", "9.5.1",
            "QALA-INVESTMENT-ATTRACTED", "QALA-JOBS-CREATED"]);
        counts["3.7.2"].ShouldBe(1396, "a well-formed file imports completely");
        counts["8.6.1"].ShouldBe(1211, "all but the short row; the repeats keep their first value");
        batches.Single(b => b.FileName == "indicator_8-6-1.csv").Skipped.ShouldBe(1);
        counts["11.6.2"].ShouldBe(664, "the cities, towns and monitoring sites are territories: every record but the 10 repeats");
        batches.Single(b => b.FileName == "indicator_11-6-2.csv").Skipped.ShouldBe(0);

        var unemployment = await app.QueryAsync(db => db.Set<Indicator>().SingleAsync(i => i.Code == "8.5.2"));
        (unemployment.Name.En, unemployment.Name.Ru, unemployment.Polarity, unemployment.IsGovernorKpi)
            .ShouldBe(("Unemployment rate", "Уровень безработицы", Qala.Engine.Indicators.Polarity.LowerIsBetter, true));

        // Almaty's KPI scorecard ranks the city among the regions and cities of each year, on real values.
        var scorecard = await app.Browser("en").GetFromJsonAsync<JsonElement>("/api/v1/scorecards/750000000?kpi=true");
        var lines = scorecard.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("code").GetString()).Order(StringComparer.Ordinal).ShouldBe(["17.3.1.2", "8.1.1", "8.5.2", "9.2.1", "QALA-INVESTMENT-ATTRACTED", "QALA-JOBS-CREATED"]);
        var rate = lines.Single(l => l.GetProperty("code").GetString() == "8.5.2");
        rate.GetProperty("year").GetInt32().ShouldBe(2023);
        rate.GetProperty("value").GetDouble().ShouldBe(4.8);
        rate.GetProperty("rankedOf").GetInt32().ShouldBe(20, "17 regions and 3 cities in 2023");

        // Series follow the territories over time, and say so.
        var page = await app.Browser("en").PageAsync("/indicators/8.5.2?lang=en");
        page.QuerySelector("#values tr[data-territory='610000000'] [data-valid-from]")!.GetAttribute("data-valid-from").ShouldBe("2018");
        page.QuerySelector("#values tr[data-territory='510000000'] [data-valid-to]")!.GetAttribute("data-valid-to").ShouldBe("2018");
        page.QuerySelector("#values tr[data-territory='510000000'] td[data-year='2017']")!.TextContent.ShouldNotBeEmpty();
        page.QuerySelector("#values tr[data-territory='510000000'] td[data-year='2019']")!.TextContent.ShouldBeEmpty();

        // The Almaty-2020 discussion adds up to the seed's figures: 90 meetings, 12,500 people, 417,000 reached, 900 + 478 suggestions.
        var discussion = await app.QueryAsync(db => db.Set<Consultation>().Where(c => c.Phase == ConsultationPhase.ReportPublished).Select(c => c.Id).SingleAsync());
        var report = await app.Browser("en").PageAsync($"/consultations/{discussion}/report");
        string Total(string what) => report.QuerySelector($"[data-total='{what}']")!.TextContent;
        (Total("meetings"), Total("participants"), Total("reach"), Total("suggestions")).ShouldBe(("90", "12,500", "417,000", "1,378"));
        report.TableRows("#by-channel").ShouldBe([["Thematic meeting", "900"], ["E-mail", "478"]]);
        var ecology = report.QuerySelector("section[data-topic='Ecology']")!;
        ecology.QuerySelectorAll("tr[data-suggestion]").Length.ShouldBe(20, "the page lists the most supported 20 of a topic");
        int.Parse(ecology.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(100);

        // The topic model learnt from the demo's confirmed topics and proposes one for a new suggestion, unconfirmed.
        var open = await app.QueryAsync(db => db.Set<Consultation>().Where(c => c.Phase == ConsultationPhase.Open).Select(c => c.Id).SingleAsync());
        var sent = await app.Browser("ru").SubmitAsync($"/consultations/{open}/suggest", "#suggestion-form", new() { ["Text"] = "Вечером на улицах Самала темно, поставьте фонари." });
        sent.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var code = sent.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        var suggested = await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.PublicCode == code).Select(s => new { Topic = s.SuggestedTopic!.Code, s.TopicConfirmedBy, s.HeldForReview }).SingleAsync());
        suggested.ShouldBe(new { Topic = "street-lighting", TopicConfirmedBy = (string?)null, HeldForReview = false });
        var bribe = await app.Browser("ru").SubmitAsync($"/consultations/{open}/suggest", "#suggestion-form", new() { ["Text"] = "В Шанырак за оформление земельного участка требовали взятку." });
        var bribeCode = bribe.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0];
        (await app.QueryAsync(db => db.Set<Suggestion>().Where(s => s.PublicCode == bribeCode).Select(s => s.HeldForReview).SingleAsync())).ShouldBeTrue("a suggestion the model reads as corruption waits for a person");
    }
}
