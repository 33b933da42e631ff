using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Investment;

/// <summary>Investment through HTTP: an officer's zone and participants, agencies' boundaries, imports, concurrency and the demo figures.</summary>
public sealed class InvestmentTests
{
    private const string Password = "investment-password-1";
    private const string Almaty = "750000000";
    private const string Halyk = "940140000385";
    private const string Kaspi = "971240001315";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_officer_keeps_a_zone_and_its_figures_follow_the_lifecycle(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);

        var zoneId = await CreateZoneAsync(app, officer);
        var first = await AddParticipantAsync(officer, zoneId, "Halyk Plant", Halyk, "2020-03-01");
        var second = await AddParticipantAsync(officer, zoneId, "Kaspi Works", Kaspi, "2021-06-01");

        (await MoveAsync(officer, first, LifecycleStage.UnderConstruction, "2021-01-15", "Building permit")).ShouldBe(HttpStatusCode.Redirect);
        (await MoveAsync(officer, first, LifecycleStage.Commissioned, "2022-03-01", "Act of commissioning")).ShouldBe(HttpStatusCode.Redirect);
        var page = await officer.PageAsync($"/investment/participants/{first}");
        page.QuerySelector("#stage")!.GetAttribute("data-stage").ShouldBe("Commissioned");
        page.QuerySelectorAll("#steps tr[data-step]").Select(r => r.GetAttribute("data-step")).ShouldBe(["Registered", "UnderConstruction", "Commissioned"]);

        // Back to construction is not a move the lifecycle allows: refused with a message, nothing recorded.
        var back = await MoveAsync(officer, first, LifecycleStage.Registered, "2022-04-01", "Mistake");
        back.ShouldBe(HttpStatusCode.Redirect);
        (await officer.PageAsync($"/investment/participants/{first}")).QuerySelector("#participant-error").ShouldNotBeNull();

        var dashboard = await app.Browser().PageAsync($"/investment/zones/{zoneId}?asOf=2022-12-31");
        Figure(dashboard, "registered").ShouldBe("2");
        Figure(dashboard, "operating").ShouldBe("1");
        Figure(dashboard, "commissioned-in-year").ShouldBe("1");
        decimal.Parse(Figure(dashboard, "investment"), CultureInfo.InvariantCulture).ShouldBe(3_000_000_000m);
        Figure(dashboard, "jobs").ShouldBe("150");
        dashboard.QuerySelector("#participants th:last-child")!.TextContent.ShouldNotBe("Jobs", "the public does not see each participant's money");

        // A second participant with the same BIN in the same zone is refused.
        var duplicate = await SubmitParticipantAsync(officer, zoneId, "Halyk again", Halyk, "2023-01-01");
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await duplicate.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Bin']")!.TextContent.ShouldBe("A company with this BIN is already a participant of this zone.");
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().CountAsync(p => p.ZoneId == zoneId))).ShouldBe(2);

        foreach (var language in new[] { "kk", "ru" })
        {
            (await officer.GetAsync($"/investment/zones/{zoneId}?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
            (await officer.GetAsync($"/investment/participants/{first}?lang={language}")).StatusCode.ShouldBe(HttpStatusCode.OK, language);
        }

        // The registry feeds the governor's KPIs with computed observations of their own.
        var observations = await app.QueryAsync(db => db.Set<Observation>()
            .Where(o => o.IsCurrent && o.Territory!.Code == Almaty && o.Indicator!.Code.StartsWith("QALA-"))
            .Select(o => new { o.Indicator!.Code, o.Year, o.Value, o.RecordedBy }).ToListAsync());
        observations.Single(o => o.Code == InvestmentIndicators.AttractedCode && o.Year == 2021).Value.ShouldBe(3_000_000_000m);
        observations.Single(o => o.Code == InvestmentIndicators.JobsCode && o.Year == 2022).Value.ShouldBe(75);
        observations.ShouldAllBe(o => o.RecordedBy == InvestmentIndicators.ComputedBy);
        var scorecard = await officer.PageAsync($"/indicators/scorecard/{Almaty}?kpi=true");
        scorecard.QuerySelector($"#scorecard tr[data-indicator='{InvestmentIndicators.AttractedCode}']").ShouldNotBeNull();

        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync($"/api/v1/investment/zones/{zoneId}?asOf=2022-12-31"));
        json.RootElement.GetProperty("zone").GetProperty("figures").GetProperty("registered").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("zone").GetProperty("figures").GetProperty("operating").GetInt32().ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Another_agencys_officer_cannot_touch_the_zone(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        await app.CreateUserAsync("edu.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var participant = await AddParticipantAsync(officer, zoneId, "Halyk Plant", Halyk, "2020-03-01");
        var other = await app.SignedInAsync("edu.officer", Password);

        foreach (var url in new[] { $"/investment/zones/{zoneId}/edit", $"/investment/participants/{participant}", $"/investment/participants/new?zone={zoneId}", $"/investment/zones/{zoneId}/import" })
        {
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        // A form of their own aimed at the participant's lifecycle is refused and changes nothing.
        var form = (IHtmlFormElement)(await other.PageAsync("/investment/zones/new/edit")).QuerySelector("#zone-form")!;
        form.SetAttribute("action", $"/investment/participants/{participant}?handler=Move");
        var forged = await other.SubmitAsync(form, new() { ["Move.To"] = "Excluded", ["Move.On"] = "2021-01-01" });
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Id == participant))).Stage.ShouldBe(LifecycleStage.Registered);
        (await other.PageAsync($"/investment/zones/{zoneId}")).QuerySelector("#zone-actions").ShouldBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Bad_participant_rows_are_named_by_row_and_column_and_nothing_is_saved(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var page = $"/investment/zones/{zoneId}/import";
        const string header = "company,bin,oked,status,registered,commissioned,actual_jobs,planned_2019,actual_2019\n";
        var bad = header
            + $"Good Plant,{Halyk},10.71.1,operating,2015-03-01,2018-05-01,80,1000000,900000\n" // row 2: fine
            + "Bad Bin,940140000386,10.71,registered,2016-01-01,,0,,\n" // row 3: check digit
            + $"Early,{Kaspi},24.10,operating,2017-01-01,2016-12-31,5,,\n" // row 4: commissioned before registration
            + "No Date,020240000555,25,operating,2017-01-01,,5,,\n" // row 5: operating without a commissioning date
            + "Text Money,980440000757,99.99,registered,2017-01-01,,3,a lot,\n" // row 6: text in a money column
            + "Negative,181240006529,34.10,registered,2017-01-01,,-4,,-5\n" // row 7: OKED 34 does not exist; negative jobs and money
            + $"Again,{Halyk},10.71.1,registered,2019-01-01,,0,,\n"; // row 8: the BIN of row 2 again

        var preview = await officer.PreviewImportAsync(page, "participants.csv", Encoding.UTF8.GetBytes(bad));
        var errors = preview.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        errors.ShouldContain("3 | bin | The BIN must be 12 digits with a valid check digit.");
        errors.ShouldContain("4 | commissioned | The commissioning date is before the registration date.");
        errors.ShouldContain("5 | commissioned | An operating participant needs a commissioning date.");
        errors.ShouldContain("6 | planned_2019 | The amount is not a number of tenge.");
        errors.ShouldContain("7 | oked | The OKED code must look like 10, 10.7, 10.71 or 10.71.1 and name an existing division.");
        errors.ShouldContain("7 | actual_jobs | Jobs cannot be negative.");
        errors.ShouldContain("7 | actual_2019 | Investment cannot be negative.");
        errors.ShouldContain("8 |  | The same record appears earlier in the file, in row 2.");
        var refused = await officer.CommitImportAsync(preview, ImportMode.AllOrNothing);
        refused.QuerySelector("#import-errors").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().CountAsync(p => p.ZoneId == zoneId))).ShouldBe(0, "all or nothing");

        // The good row alone imports with its lifecycle; importing it again changes nothing.
        var good = Encoding.UTF8.GetBytes(header + $"Good Plant,{Halyk},10711,operating,2015-03-01,2018-05-01,80,1000000,900000\n");
        var done = await officer.CommitImportAsync(await officer.PreviewImportAsync(page, "good.csv", good), ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldContain("1 added");
        var saved = await app.QueryAsync(db => db.Set<ZoneParticipant>().Include(p => p.Steps).Include(p => p.Years).SingleAsync(p => p.ZoneId == zoneId));
        saved.Stage.ShouldBe(LifecycleStage.Commissioned);
        saved.Oked.ShouldBe("10.71.1");
        saved.Steps.Select(s => s.Stage).ShouldBe([LifecycleStage.Registered, LifecycleStage.Commissioned]);
        saved.Years.ShouldHaveSingleItem().Actual.ShouldBe(900_000);
        var again = await officer.PreviewImportAsync(page, "good-again.csv", good);
        again.ImportCounts().ShouldBe((0, 0, 1, 0));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Projects_import_within_the_officers_territory_and_agency(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        const string header = "name,territory,agency,company,bin,oked,status,registered,construction_started,actual_jobs,actual_2024\n";
        var file = Encoding.UTF8.GetBytes(header
            + $"Bakery,{Almaty},ALA-BUSINESS,Halyk Foods,{Halyk},10.71,under construction,2023-02-01,2024-03-01,0,750000000\n"
            + $"Smelter,350000000,ALA-BUSINESS,Kaspi Metals,{Kaspi},24.10,registered,2023-02-01,,0,\n"
            + $"School,{Almaty},ALA-EDU,Kaspi Edu,{Kaspi},85.31,registered,2023-02-01,,0,\n");

        var preview = await officer.PreviewImportAsync("/investment/projects/import", "projects.csv", file);
        var errors = preview.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        errors.ShouldBe(["3 | territory | You may not record projects for this territory.", "4 | agency | You may record only your agency's projects."]);
        (await officer.CommitImportAsync(preview, ImportMode.SkipInvalidRows)).QuerySelector("#import-done").ShouldNotBeNull();

        var list = await officer.PageAsync("/investment/projects");
        var row = list.QuerySelector("#projects tbody tr")!;
        row.GetAttribute("data-stage").ShouldBe("UnderConstruction");
        (await officer.GetAsync($"/investment/projects/{row.GetAttribute("data-project")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var attracted = await app.QueryAsync(db => db.Set<Observation>()
            .SingleAsync(o => o.IsCurrent && o.Indicator!.Code == InvestmentIndicators.AttractedCode && o.Territory!.Code == Almaty && o.Year == 2024));
        attracted.Value.ShouldBe(750_000_000m);
        (await app.Browser().GetAsync("/investment/projects")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the pipeline is for officials");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_concurrent_edit_of_a_participant_is_detected(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner], Almaty);
        var officer = await app.SignedInAsync("invest.officer", Password);
        var planner = await app.SignedInAsync("planner", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var participant = await AddParticipantAsync(officer, zoneId, "Halyk Plant", Halyk, "2020-03-01");

        var mine = (IHtmlFormElement)(await officer.PageAsync($"/investment/participants/{participant}")).QuerySelector("#participant-form")!;
        var theirs = (IHtmlFormElement)(await planner.PageAsync($"/investment/participants/{participant}")).QuerySelector("#participant-form")!;
        (await planner.SubmitAsync(theirs, new() { ["Input.ActualJobs"] = "90" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await officer.SubmitAsync(mine, new() { ["Input.ActualJobs"] = "10" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.HtmlAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Someone else changed this record");
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Id == participant))).ActualJobs.ShouldBe(90);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_demo_zones_reproduce_the_seeds_figures_from_their_participants(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var zones = await app.QueryAsync(db => db.Set<InvestmentZone>().Where(z => z.IsDemo).Select(z => new { z.Id, z.Kind }).ToListAsync());
        var almaty = zones.Single(z => z.Kind == ZoneKind.IndustrialZone).Id;
        var karaganda = zones.Single(z => z.Kind == ZoneKind.SpecialEconomicZone).Id;

        // Almaty on the day of the seed: 33 registered, over 156 bn tenge, 6 commissioned in 7 years, 1 of them in 2019.
        var seedDay = await app.Browser().PageAsync($"/investment/zones/{almaty}?asOf=2019-10-29");
        Figure(seedDay, "registered").ShouldBe("33");
        var invested = decimal.Parse(Figure(seedDay, "investment"), CultureInfo.InvariantCulture);
        invested.ShouldBeGreaterThan(156_000_000_000m);
        invested.ShouldBeLessThan(157_000_000_000m);
        Figure(seedDay, "commissioned").ShouldBe("6");
        Figure(seedDay, "commissioned-in-year").ShouldBe("1");
        seedDay.QuerySelector("#demo-badge").ShouldNotBeNull();

        // Karaganda: 15 participants, 6 of them operating.
        var sez = await app.Browser().PageAsync($"/investment/zones/{karaganda}");
        Figure(sez, "registered").ShouldBe("15");
        Figure(sez, "operating").ShouldBe("6");

        // The public list and the API say the same.
        var list = await app.Browser().PageAsync("/investment");
        list.QuerySelector($"tr[data-zone='{karaganda}'] [data-operating]")!.GetAttribute("data-operating").ShouldBe("6");
        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync($"/api/v1/investment/zones/{almaty}?asOf=2019-10-29"));
        var figures = json.RootElement.GetProperty("zone").GetProperty("figures");
        figures.GetProperty("registered").GetInt32().ShouldBe(33);
        figures.GetProperty("commissionedEver").GetInt32().ShouldBe(6);
        figures.GetProperty("commissionedInYear").GetInt32().ShouldBe(1);
        json.RootElement.GetProperty("participants")[0].GetProperty("actualInvestment").ValueKind.ShouldBe(JsonValueKind.Null, "not for the public");

        // Shymkent's PPP kindergartens and schools, with the state's obligations by year, for its officials.
        await app.CreateUserAsync("shymkent.planner", Password, [QalaRoles.Planner], "790000000");
        var planner = await app.SignedInAsync("shymkent.planner", Password);
        var ppp = await planner.PageAsync("/investment/ppp");
        ppp.QuerySelectorAll("#ppp tbody tr").Length.ShouldBe(4);
        ppp.QuerySelector("#obligations td[data-year='2024']")!.GetAttribute("data-total").ShouldNotBe("0");
        (await app.Browser().GetAsync("/api/v1/investment/ppp")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var openApi = await app.Browser().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/investment/zones", "/api/v1/investment/participants", "/api/v1/investment/projects", "/api/v1/investment/ppp" })
        {
            openApi.ShouldContain($"\"{path}\"");
        }
    }

    internal static string Figure(IDocument page, string figure) =>
        page.QuerySelector($"#zone-figures tr[data-figure='{figure}'] td")!.GetAttribute("data-value")!;

    internal static async Task<int> CreateZoneAsync(QalaApp app, HttpClient officer)
    {
        var agency = await app.QueryAsync(db => db.Set<Agency>().Where(a => a.Code == "ALA-BUSINESS").Select(a => a.Id).SingleAsync());
        var territory = await app.QueryAsync(db => db.Set<Features.Territories.Territory>().Where(t => t.Code == Almaty).Select(t => t.Id).SingleAsync());
        var response = await officer.SubmitAsync("/investment/zones/new/edit", "#zone-form", new()
        {
            ["Name.Kk"] = "Алматы индустриялық аймағы",
            ["Name.Ru"] = "Индустриальная зона Алматы",
            ["Name.En"] = "Almaty industrial zone",
            ["Kind"] = "IndustrialZone",
            ["TerritoryId"] = territory.ToString(CultureInfo.InvariantCulture),
            ["ResponsibleAgencyId"] = agency.ToString(CultureInfo.InvariantCulture),
            ["AreaHectares"] = "550",
            ["EstablishedOn"] = "2012-06-01",
            ["Power"] = "Ready",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SubmitParticipantAsync(HttpClient officer, int zoneId, string company, string bin, string registered) =>
        officer.SubmitAsync($"/investment/participants/new?zone={zoneId}", "#participant-form", new()
        {
            ["Input.CompanyName"] = company,
            ["Input.Bin"] = bin,
            ["Input.Oked"] = "10.71.1",
            ["Input.PlannedJobs"] = "120",
            ["Input.ActualJobs"] = "75",
            ["Input.Years[0].Year"] = "2021",
            ["Input.Years[0].Planned"] = "2000000000",
            ["Input.Years[0].Actual"] = "1500000000",
            ["StartStage"] = "Registered",
            ["StartOn"] = registered,
        });

    internal static async Task<int> AddParticipantAsync(HttpClient officer, int zoneId, string company, string bin, string registered)
    {
        var response = await SubmitParticipantAsync(officer, zoneId, company, bin, registered);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    internal static async Task<HttpStatusCode> MoveAsync(HttpClient officer, int participant, LifecycleStage to, string on, string reason) =>
        (await officer.SubmitAsync($"/investment/participants/{participant}", "#move-form", new()
        {
            ["Move.To"] = to.ToString(),
            ["Move.On"] = on,
            ["Move.Reason"] = reason,
        })).StatusCode;
}
