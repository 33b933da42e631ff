using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
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

        // A form of the officer's own aimed at the zone is refused and changes nothing.
        var form = (IHtmlFormElement)(await officer.PageAsync($"/investment/participants/{participant}")).QuerySelector("#move-form")!;
        var forged = await other.SubmitAsync(form, new() { ["Move.To"] = "Excluded", ["Move.On"] = "2021-01-01" });
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Id == participant))).Stage.ShouldBe(LifecycleStage.Registered);
        (await other.PageAsync($"/investment/zones/{zoneId}")).QuerySelector("#zone-actions").ShouldBeNull();
    }

    private static string Figure(IDocument page, string figure) =>
        page.QuerySelector($"#zone-figures tr[data-figure='{figure}'] td")!.GetAttribute("data-value")!;

    private static async Task<int> CreateZoneAsync(QalaApp app, HttpClient officer)
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

    private static async Task<int> AddParticipantAsync(HttpClient officer, int zoneId, string company, string bin, string registered)
    {
        var response = await SubmitParticipantAsync(officer, zoneId, company, bin, registered);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpStatusCode> MoveAsync(HttpClient officer, int participant, LifecycleStage to, string on, string reason) =>
        (await officer.SubmitAsync($"/investment/participants/{participant}", "#move-form", new()
        {
            ["Move.To"] = to.ToString(),
            ["Move.On"] = on,
            ["Move.Reason"] = reason,
        })).StatusCode;
}
