using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Investment;

/// <summary>The business development map through HTTP: coordinates on forms and imports, the viewport API with its clusters and filters, the public's view.</summary>
public sealed class InvestmentMapTests
{
    private const string Password = "investment-password-1";
    private const string Almaty = "750000000";
    private const string Halyk = "940140000385";
    private const string Kaspi = "971240001315";
    private const string AlmatyBox = "76.8,43.3,76.95,43.4";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_viewport_is_clustered_filtered_and_its_counts_add_up(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var anonymous = app.Browser();

        // The demo Almaty zone and its 35 participants lie in this box; at zoom 10 they gather into clusters.
        var wide = await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=10");
        wide.Total.ShouldBe(36);
        (wide.Clusters.Sum(c => c.Count) + wide.Points.Count).ShouldBe(wide.Total);
        wide.Clusters.ShouldNotBeEmpty();
        wide.Clusters.ShouldAllBe(c => c.Latitude > 43.3 && c.Latitude < 43.4 && c.Longitude > 76.8 && c.Longitude < 76.95);

        // Close up every plot is a point of its own, and the public sees no money and no actual jobs.
        var close = await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=18");
        close.Clusters.ShouldBeEmpty();
        close.Points.Count.ShouldBe(36);
        close.Points.Count(p => p.Kind == MapPointKind.Zone).ShouldBe(1);
        close.Points.ShouldAllBe(p => p.Investment == null && p.ActualJobs == null);
        close.Points.Where(p => p.Kind == MapPointKind.Participant).ShouldAllBe(p => p.PlannedJobs != null && p.Stage != null);

        // Filters: stage, OKED section, size by planned jobs, zone, district; company filters leave the zones out.
        (await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=18&stage=Commissioned")).Total.ShouldBe(6);
        (await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=18&sector=C")).Total.ShouldBe(35);
        (await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=18&sector=a")).Total.ShouldBe(0);
        (await MapAsync(anonymous, $"bbox={AlmatyBox}&zoom=18&size=Small")).Total.ShouldBe(13, "40 + 5i jobs up to 100");
        var country = "46,40,88,56";
        var all = await MapAsync(anonymous, $"bbox={country}&zoom=4");
        all.Total.ShouldBe(36 + 17 + 4, "Almaty's zone and 35 participants, Saryarka's zone and 16, Shymkent's four PPP projects");
        (all.Clusters.Sum(c => c.Count) + all.Points.Count).ShouldBe(all.Total);
        (await MapAsync(anonymous, $"bbox={country}&zoom=4&district={Almaty}")).Total.ShouldBe(36);
        var saryarka = await app.QueryAsync(db => db.Set<InvestmentZone>().Where(z => z.Kind == ZoneKind.SpecialEconomicZone).Select(z => z.Id).SingleAsync());
        (await MapAsync(anonymous, $"bbox={country}&zoom=4&zone={saryarka}")).Total.ShouldBe(17);

        // An official of Almaty reads Almaty's money, not Karaganda's.
        await app.CreateUserAsync("almaty.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("almaty.planner", Password);
        var official = await MapAsync(planner, $"bbox={AlmatyBox}&zoom=18&stage=Commissioned");
        official.Points.ShouldAllBe(p => p.Investment > 0 && p.ActualJobs != null);
        var karaganda = await MapAsync(planner, $"bbox=73.1,49.7,73.3,49.9&zoom=18&stage=Commissioned");
        karaganda.Points.Count.ShouldBe(6);
        karaganda.Points.ShouldAllBe(p => p.Investment == null);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_bad_viewport_is_a_problem_and_the_map_is_in_the_openapi_document(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        foreach (var query in new[] { "", "bbox=1,2,3", "bbox=10,50,5,55", "bbox=a,b,c,d", "bbox=-200,0,10,10", $"bbox={AlmatyBox}&sector=Z", $"bbox={AlmatyBox}&zoom=40" })
        {
            var response = await app.Browser().GetAsync($"/api/v1/investment/map?{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", query);
        }

        (await app.Browser().GetStringAsync("/openapi/v1.json")).ShouldContain("\"/api/v1/investment/map\"");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Coordinates_are_kept_from_the_forms_and_imports_and_checked(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer, "43.21", "76,91");
        (await app.QueryAsync(db => db.Set<InvestmentZone>().SingleAsync(z => z.Id == zoneId))).Longitude.ShouldBe(76.91, "a comma is read as the decimal point");

        var half = await SubmitParticipantAsync(officer, zoneId, Halyk, "43.2", "");
        half.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await half.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Longitude']")!.TextContent.ShouldBe(Coordinates.BothOrNeither);
        var far = await SubmitParticipantAsync(officer, zoneId, Halyk, "91", "76.9");
        (await far.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Latitude']")!.TextContent.ShouldBe(Coordinates.LatitudeRange);
        (await SubmitParticipantAsync(officer, zoneId, Halyk, "43.2101", "76.9102")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.ZoneId == zoneId));
        (saved.Latitude, saved.Longitude).ShouldBe((43.2101, 76.9102));
        var point = (await MapAsync(app.Browser(), "bbox=76.9,43.2,76.92,43.22&zoom=18&stage=Registered")).Points.ShouldHaveSingleItem();
        (point.Id, point.Name).ShouldBe((saved.Id, "Halyk Plant"));

        var page = $"/investment/zones/{zoneId}/import";
        const string header = "company,bin,oked,status,registered,lat,lon\n";
        var bad = Encoding.UTF8.GetBytes(header
            + $"Kaspi Works,{Kaspi},10.71,registered,2020-01-01,43.3,\n" // row 2: latitude without longitude
            + "Far Works,020240000555,10.71,registered,2020-01-01,43.3,181\n" // row 3: longitude out of range
            + "Text Works,980440000757,10.71,registered,2020-01-01,north,76.9\n"); // row 4: not a number
        var preview = await officer.PreviewImportAsync(page, "participants.csv", bad);
        var errors = preview.TableRows("#import-errors").Select(e => string.Join(" | ", e[1..3].Append(e[4]))).ToList();
        errors.ShouldBe([
            $"2 | lon | {Coordinates.BothOrNeither}",
            $"3 | lon | {Coordinates.LongitudeRange}",
            $"4 | lat | {Coordinates.LatitudeRange}",
        ], ignoreOrder: true);

        var good = Encoding.UTF8.GetBytes(header + $"Kaspi Works,{Kaspi},10.71,registered,2020-01-01,43.215,76.905\n");
        (await officer.CommitImportAsync(await officer.PreviewImportAsync(page, "good.csv", good), Web.Infrastructure.Imports.ImportMode.AllOrNothing))
            .QuerySelector("#import-done").ShouldNotBeNull();
        var imported = await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Bin == Kaspi));
        (imported.Latitude, imported.Longitude).ShouldBe((43.215, 76.905));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_public_map_page_shows_the_selection_as_a_table_and_a_spreadsheet(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var page = await app.Browser().PageAsync($"/investment/map?lang={language}");
            page.QuerySelector("#investment-map")!.GetAttribute("data-api").ShouldBe("/api/v1/investment/map");
            page.QuerySelectorAll("script:not([src])").ShouldBeEmpty("no inline script under the CSP");
            page.QuerySelectorAll("#map-table tbody tr").Length.ShouldBe(53 + 4, $"{language}: the zones, their participants and Shymkent's four PPP projects");
        }

        var operating = await app.Browser().PageAsync("/investment/map?Stage=Commissioned&Sector=C");
        operating.QuerySelectorAll("#map-table tbody tr").Length.ShouldBe(12, "6 in Almaty and 6 in Saryarka");
        operating.QuerySelector("#investment-map")!.GetAttribute("data-query").ShouldBe("sector=C&stage=Commissioned");
        operating.QuerySelectorAll("[data-investment]").ShouldBeEmpty("no money for the public");
        (await app.Browser().PageAsync("/investment/map?Sector=A")).QuerySelector("#no-points").ShouldNotBeNull();

        var download = await app.Browser().GetAsync("/investment/map?handler=Export&stage=Commissioned&bbox=76.8,43.3,76.95,43.4");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        await app.CreateUserAsync("almaty.planner", Password, [QalaRoles.Planner], Almaty);
        var planner = await app.SignedInAsync("almaty.planner", Password);
        var official = await planner.PageAsync($"/investment/map?Stage=Commissioned&District={Almaty}");
        official.QuerySelectorAll("#map-table [data-investment]").Length.ShouldBe(6, "Almaty's officials read Almaty's money");
    }

    private static async Task<MapResponse> MapAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/investment/map?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<MapResponse>(body, Json)!;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<int> CreateZoneAsync(QalaApp app, HttpClient officer, string latitude, string longitude)
    {
        var agency = await app.QueryAsync(db => db.Set<Agency>().Where(a => a.Code == "ALA-BUSINESS").Select(a => a.Id).SingleAsync());
        var territory = await app.QueryAsync(db => db.Set<Features.Territories.Territory>().Where(t => t.Code == Almaty).Select(t => t.Id).SingleAsync());
        var response = await officer.SubmitAsync("/investment/zones/new/edit", "#zone-form", new()
        {
            ["Name.Kk"] = "Тест аймағы",
            ["Name.Ru"] = "Тестовая зона",
            ["Name.En"] = "Test zone",
            ["Kind"] = "IndustrialZone",
            ["TerritoryId"] = territory.ToString(CultureInfo.InvariantCulture),
            ["ResponsibleAgencyId"] = agency.ToString(CultureInfo.InvariantCulture),
            ["AreaHectares"] = "100",
            ["EstablishedOn"] = "2015-06-01",
            ["Latitude"] = latitude,
            ["Longitude"] = longitude,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SubmitParticipantAsync(HttpClient officer, int zoneId, string bin, string latitude, string longitude) =>
        officer.SubmitAsync($"/investment/participants/new?zone={zoneId}", "#participant-form", new()
        {
            ["Input.CompanyName"] = "Halyk Plant",
            ["Input.Bin"] = bin,
            ["Input.Oked"] = "10.71.1",
            ["Input.PlannedJobs"] = "120",
            ["Input.Latitude"] = latitude,
            ["Input.Longitude"] = longitude,
            ["StartStage"] = "Registered",
            ["StartOn"] = "2020-03-01",
        });
}
