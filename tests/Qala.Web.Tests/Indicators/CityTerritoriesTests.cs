using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Indicators;

/// <summary>
/// The statistics office's 11.6.2 (air quality) reports on cities, towns, settlements and monitoring sites: they are
/// territories with their KATO codes (or Qala's own for the sites), the file imports completely, a city has its
/// scorecard, and the ranking of regions does not take them in.
/// </summary>
public sealed class CityTerritoriesTests
{
    private const string Page = "/admin/indicators/import";
    private const string Ekibastuz = "552210000";
    private const string Aktau = "471010000";
    private const string Almaly = "751110000";
    private const string Series = "/indicators/11.6.2?lang=en&dimensions=SERIES%3D_L_KZ_110602_1A%3BUNIT_MEASURE%3DMG_CUB_METER";

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", name);

    private static async Task<string?> ShownAsync(HttpClient client, string territory, int year) =>
        (await client.PageAsync(Series)).QuerySelector($"#values tr[data-territory='{territory}'] td[data-year='{year}']")?.TextContent;

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Fine_particulate_matter_imports_completely_and_a_city_shows_its_values_without_joining_the_regions(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();

        var preview = await admin.PreviewImportAsync(Page, "indicator_11-6-2.csv", File.ReadAllBytes(FixturePath("indicator_11-6-2.csv")));
        preview.TableRows("#import-errors").ShouldBeEmpty("every code of the file names a territory");
        preview.ImportCounts().ShouldBe((664, 0, 0, 0), "674 rows, of which 10 repeat a record");
        preview.TableRows("#import-warnings").Count.ShouldBe(10);
        var done = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldBe("The import is saved: 664 added, 0 changed, 0 unchanged, 0 skipped.");

        // KZAKT and KZONT mean Aktau and Petropavl in this file alone: the regions get none of its values.
        var visitor = app.Browser("en");
        (await ShownAsync(visitor, Ekibastuz, 2023)).ShouldBe("0.01");
        (await ShownAsync(visitor, Aktau, 2015)).ShouldBe("0.063");
        (await ShownAsync(visitor, "591010000", 2014)).ShouldBe("0.0069");
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.Territory!.Code == "150000000" || o.Territory.Code == "510000000"))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<Observation>().CountAsync(o => o.Territory!.Code == "QALA-KZBOR"))).ShouldBe(20);

        // The city's page says what it is and where, and its scorecard lists its values, ranked among the cities.
        var city = await visitor.PageAsync($"/territories/{Ekibastuz}?lang=en");
        city.QuerySelector("h1")!.TextContent.ShouldBe("Ekibastuz");
        city.Body!.TextContent.ShouldContain("City of regional significance");
        city.QuerySelector("a[href='/territories/550000000']").ShouldNotBeNull();
        city.QuerySelector("#scorecard-link")!.GetAttribute("href").ShouldBe($"/indicators/scorecard/{Ekibastuz}");
        var latest = city.QuerySelector("#latest-values tr[data-indicator='11.6.2']")!;
        (latest.QuerySelector("[data-year]")!.TextContent, latest.QuerySelector("[data-value]")!.TextContent.Trim()).ShouldBe(("2023", "0.01"));
        var region = await visitor.PageAsync("/territories/550000000?lang=en");
        region.QuerySelector($"#parts li[data-code='{Ekibastuz}']")!.TextContent.ShouldContain("Ekibastuz");

        var scorecard = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{Ekibastuz}");
        scorecard.GetProperty("rankedAmong").GetString().ShouldBe(Scorecards.CityPeers);
        var line = scorecard.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "11.6.2");
        line.GetProperty("year").GetInt32().ShouldBe(2023);
        line.GetProperty("rank").GetInt32().ShouldBeGreaterThan(0);
        line.GetProperty("rankedOf").GetInt32().ShouldBeGreaterThan(10, "the cities of regional significance with a value in 2023");
        var page = await visitor.PageAsync($"/indicators/scorecard/{Ekibastuz}?lang=en");
        page.Body!.TextContent.ShouldContain("Ranks count the cities of regional significance of the country.");
        var site = await visitor.PageAsync("/indicators/scorecard/QALA-KZBOR?lang=ru");
        site.Body!.TextContent.ShouldContain("Населённые пункты и пункты мониторинга не ранжируются.");

        // The regions' ranking is as it was: Almaty ranks among the regions and cities of republican significance alone.
        var almaty = await visitor.GetFromJsonAsync<JsonElement>("/api/v1/scorecards/750000000");
        almaty.GetProperty("rankedAmong").GetString().ShouldBe(Scorecards.RegionPeers);
        var almatyLine = almaty.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "11.6.2");
        almatyLine.GetProperty("rankedOf").GetInt32().ShouldBe(3, "Astana, Almaty and Shymkent: no town, and neither Aktobe nor South Kazakhstan region");
        var compare = await visitor.PageAsync("/indicators/11.6.2/compare?year=2023&lang=en");
        compare.QuerySelector($"[data-territory='{Ekibastuz}']").ShouldBeNull("the comparison ranks regions and cities of republican significance");
        var cities = await visitor.PageAsync("/indicators/11.6.2/compare?year=2023&among=cities&lang=en");
        cities.QuerySelector($"tr[data-territory='{Ekibastuz}'] [data-rank]")!.GetAttribute("data-rank").ShouldNotBeNullOrEmpty("the cities compare among themselves");
        cities.QuerySelector("tr[data-territory='750000000']").ShouldBeNull();
        cities.QuerySelector("#peers")!.TextContent.ShouldStartWith("Ranked among the 28 cities of regional significance in 2023");

        // The verb reads the same file the same way: nothing new, nothing refused.
        var environment = kind == DatabaseKind.Postgres
            ? new Dictionary<string, string> { ["Qala__Database__Provider"] = "postgres", ["ConnectionStrings__Qala"] = app.ConnectionString }
            : new Dictionary<string, string> { ["ConnectionStrings__Qala"] = app.ConnectionString };
        var (exit, stdout, stderr) = await QalaProcess.RunAsync(["import-indicators", FixturePath("indicator_11-6-2.csv"), "--dry-run"], environment);
        exit.ShouldBe(0, stderr);
        var summary = JsonDocument.Parse(stdout).RootElement;
        (summary.GetProperty("observations").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("errors").GetArrayLength()).ShouldBe((0, 664, 0));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_database_loaded_before_the_cities_gets_them_at_its_next_start_once_and_audited(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);

        // As a database loaded before this reference data: no Ekibastuz and no file-specific mappings; and an
        // administrator has given Kordai a code of its own.
        await app.QueryAsync(async db =>
        {
            await db.Set<TerritoryCodeMapping>().Where(m => m.ExternalCode == "KZEBT" || m.Scheme == OpenSdgImport.SchemeOf("11.6.2")).ExecuteDeleteAsync();
            await db.Set<Territory>().Where(t => t.Code == Ekibastuz).ExecuteDeleteAsync();
            await db.Set<Territory>().Where(t => t.Code == "QALA-KZKOR").ExecuteUpdateAsync(s => s.SetProperty(t => t.Code, "TEST-KORDAI"));
            return 0;
        });

        await using (var second = app.SecondNode())
        {
            var added = await second.QueryAsync(db => db.Set<Territory>().Include(t => t.Parent).SingleAsync(t => t.Code == Ekibastuz));
            (added.Kind, added.Name.En, added.Parent!.Code).ShouldBe((TerritoryKind.City, "Ekibastuz", "550000000"));
            var mappings = await second.QueryAsync(db => db.Set<TerritoryCodeMapping>()
                .Where(m => m.ExternalCode == "KZEBT" || m.Scheme == OpenSdgImport.SchemeOf("11.6.2"))
                .Select(m => m.Scheme + " " + m.ExternalCode + " " + m.Territory!.Code).ToListAsync());
            mappings.Order(StringComparer.Ordinal).ShouldBe(["kazstat KZEBT 552210000", "kazstat:11.6.2 KZAKT 471010000", "kazstat:11.6.2 KZONT 591010000"]);
            var key = added.Id.ToString(CultureInfo.InvariantCulture);
            (await second.QueryAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == "Territories" && e.EntityKey == key && e.Action == AuditAction.Created))).ShouldBe(1);
            (await second.QueryAsync(db => db.Set<Territory>().CountAsync(t => t.Code == "QALA-KZKOR"))).ShouldBe(0, "a territory whose mapping is there was recoded, not lost");
        }

        var before = await app.QueryAsync(db => db.Set<AuditEntry>().CountAsync());
        await using var third = app.SecondNode();
        (await third.QueryAsync(db => db.Set<Territory>().CountAsync(t => t.Code == Ekibastuz))).ShouldBe(1);
        (await third.QueryAsync(db => db.Set<AuditEntry>().CountAsync())).ShouldBe(before, "a second start adds nothing");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_administrator_gives_a_place_its_KATO_code_region_and_kind_and_the_mappings_follow(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        const string Edit = "/admin/territories/QALA-KZKOR?lang=en";

        var form = await admin.PageAsync(Edit);
        form.QuerySelector("#KatoCode").ShouldNotBeNull();
        (await admin.PageAsync($"/admin/territories/{Ekibastuz}?lang=en")).QuerySelector("#KatoCode").ShouldBeNull("a KATO code stays as it is");

        var letters = await admin.SubmitAsync(Edit, "main form", new() { ["KatoCode"] = "31485A000" });
        (await letters.HtmlAsync()).Body!.TextContent.ShouldContain("A KATO code has nine digits.");
        var taken = await admin.SubmitAsync(Edit, "main form", new() { ["KatoCode"] = Ekibastuz });
        (await taken.HtmlAsync()).Body!.TextContent.ShouldContain("Another territory has this code.");

        // A code made up for the test: nine digits no territory has.
        var saved = await admin.SubmitAsync(Edit, "main form", new() { ["KatoCode"] = "999000001" });
        saved.Headers.Location!.OriginalString.ShouldBe("/territories/999000001");
        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().Where(m => m.ExternalCode == "KZKOR").Select(m => m.Territory!.Code).SingleAsync())).ShouldBe("999000001");
        (await admin.SubmitAsync($"/admin/territories/{Ekibastuz}?lang=en", "main form", new() { ["KatoCode"] = "999000002" })).Headers.Location!.OriginalString
            .ShouldBe($"/territories/{Ekibastuz}", "only Qala's own codes are replaced");

        // A site the office never named gets its place and kind once someone learns them; a district is no place for it.
        var ids = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "100000000" || t.Code == "751110000").ToDictionaryAsync(t => t.Code, t => t.Id.ToString(CultureInfo.InvariantCulture)));
        const string Site = "/admin/territories/QALA-KZAYB?lang=en";
        var district = await admin.SubmitAsync(Site, "main form", new() { ["ParentId"] = ids["751110000"] });
        (await district.HtmlAsync()).Body!.TextContent.ShouldContain("Choose a region, a city of republican significance or the country within your scope.");
        var placed = await admin.SubmitAsync(Site, "main form", new() { ["ParentId"] = ids["100000000"], ["Kind"] = nameof(TerritoryKind.Settlement), ["Name.En"] = "KZAYB (in Abai Region)" });
        placed.Headers.Location!.OriginalString.ShouldBe("/territories/QALA-KZAYB");
        var site = await app.QueryAsync(db => db.Set<Territory>().Include(t => t.Parent).SingleAsync(t => t.Code == "QALA-KZAYB"));
        (site.Parent!.Code, site.Kind, site.Name.En).ShouldBe(("100000000", TerritoryKind.Settlement, "KZAYB (in Abai Region)"));
        (await admin.PageAsync($"/admin/territories/{Almaly}?lang=en")).QuerySelector("#ParentId").ShouldBeNull("regions and districts keep their place");

        await using var second = app.SecondNode();
        (await second.QueryAsync(db => db.Set<Territory>().CountAsync(t => t.Code == "QALA-KZKOR"))).ShouldBe(0, "the next start does not bring the old code back");
    }
}
