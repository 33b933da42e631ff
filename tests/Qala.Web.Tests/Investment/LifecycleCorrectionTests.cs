using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Investment;
using Qala.Web.Features.Indicators;
using Qala.Web.Features.Investment;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;
using static Qala.Web.Tests.Investment.InvestmentTests;

namespace Qala.Web.Tests.Investment;

/// <summary>Correcting a lifecycle step's day through HTTP: kept valid, audited with its reason, the KPIs following, another agency refused.</summary>
public sealed class LifecycleCorrectionTests
{
    private const string Password = "investment-password-1";
    private const string Almaty = "750000000";
    private const string Halyk = "940140000385";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_wrong_commissioning_day_is_corrected_with_its_reason_and_the_kpis_follow(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var participant = await AddParticipantAsync(officer, zoneId, "Halyk Plant", Halyk, "2020-03-01");
        (await MoveAsync(officer, participant, LifecycleStage.Commissioned, "2022-03-01", "Act of commissioning")).ShouldBe(HttpStatusCode.Redirect);
        (await JobsAsync(app)).ShouldBe([(2022, 75m)]);
        var url = $"/investment/participants/{participant}";
        var commissioned = StepId(await officer.PageAsync(url), "Commissioned");

        // Without a reason, or before the registration, the correction is refused with a message and nothing changes.
        (await CorrectAsync(officer, url, commissioned, "2021-11-15", " ")).ShouldBe("Give the reason for the correction.");
        (await CorrectAsync(officer, url, commissioned, "2019-12-31", "Typo")).ShouldBe("A stage cannot be dated before the one before it.");
        (await app.QueryAsync(db => db.Set<ParticipantStep>().SingleAsync(s => s.Id == commissioned))).On.ShouldBe(new DateOnly(2022, 3, 1));

        (await CorrectAsync(officer, url, commissioned, "2021-11-15", "The act is dated 15 November 2021")).ShouldBeNull();
        var page = await officer.PageAsync(url);
        var row = page.QuerySelector("#steps tr[data-step='Commissioned']")!;
        row.GetAttribute("data-on").ShouldBe("2021-11-15");
        row.QuerySelector("[data-correction]")!.TextContent.ShouldContain("The act is dated 15 November 2021");
        (await app.QueryAsync(db => db.Set<ZoneParticipant>().SingleAsync(p => p.Id == participant))).StageOn.ShouldBe(new DateOnly(2021, 11, 15));
        var history = page.QuerySelector("#history")!.TextContent;
        history.ShouldContain($"ParticipantSteps {commissioned}");
        history.ShouldContain("2022-03-01");
        history.ShouldContain("2021-11-15");
        history.ShouldContain("The act is dated 15 November 2021");
        history.ShouldContain("invest.officer");

        // The jobs now count in the corrected year; the year it left becomes zero; the zone's figures follow.
        (await JobsAsync(app)).ShouldBe([(2021, 75m), (2022, 0m)]);
        var dashboard = await app.Browser().PageAsync($"/investment/zones/{zoneId}?asOf=2021-12-31");
        Figure(dashboard, "commissioned-in-year").ShouldBe("1");

        // Another agency's officer cannot correct it.
        await app.CreateUserAsync("edu.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-EDU");
        var other = await app.SignedInAsync("edu.officer", Password);
        var form = (IHtmlFormElement)(await other.PageAsync("/investment/zones/new/edit")).QuerySelector("#zone-form")!;
        form.SetAttribute("action", $"{url}?handler=Correct");
        var forged = await other.SubmitAsync(form, new() { ["Correction.Step"] = commissioned.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Correction.On"] = "2021-01-01", ["Correction.Reason"] = "Mine" });
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Set<ParticipantStep>().SingleAsync(s => s.Id == commissioned))).On.ShouldBe(new DateOnly(2021, 11, 15));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_correction_from_a_stale_page_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("invest.officer", Password, [QalaRoles.AgencyOfficer], Almaty, "ALA-BUSINESS");
        var officer = await app.SignedInAsync("invest.officer", Password);
        var zoneId = await CreateZoneAsync(app, officer);
        var participant = await AddParticipantAsync(officer, zoneId, "Halyk Plant", Halyk, "2020-03-01");
        var url = $"/investment/participants/{participant}";
        var stale = await officer.PageAsync(url);
        var registered = StepId(stale, "Registered");
        (await MoveAsync(officer, participant, LifecycleStage.UnderConstruction, "2021-01-15", "Permit")).ShouldBe(HttpStatusCode.Redirect);

        var response = await officer.SubmitAsync((IHtmlFormElement)stale.QuerySelector("#correct-form")!,
            new() { ["Correction.Step"] = registered.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Correction.On"] = "2020-02-01", ["Correction.Reason"] = "Typo" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.PageAsync(url)).QuerySelector("#participant-error")!.TextContent.ShouldContain("Someone else changed this record");
        (await app.QueryAsync(db => db.Set<ParticipantStep>().SingleAsync(s => s.Id == registered))).On.ShouldBe(new DateOnly(2020, 3, 1));
    }

    private static long StepId(AngleSharp.Dom.IDocument page, string stage) =>
        long.Parse(page.QuerySelector($"#steps tr[data-step='{stage}']")!.GetAttribute("data-step-id")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Submits the correction form; the error shown after it, or null when it was saved.</summary>
    private static async Task<string?> CorrectAsync(HttpClient officer, string url, long step, string on, string reason)
    {
        var response = await officer.SubmitAsync(url, "#correct-form", new()
        {
            ["Correction.Step"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Correction.On"] = on,
            ["Correction.Reason"] = reason,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (await officer.PageAsync(url)).QuerySelector("#participant-error")?.TextContent;
    }

    /// <summary>Almaty's jobs KPI since 2020 (the demo zone's are earlier).</summary>
    private static async Task<List<(int Year, decimal Value)>> JobsAsync(QalaApp app) =>
        [.. (await app.QueryAsync(db => db.Set<Observation>()
            .Where(o => o.IsCurrent && o.Territory!.Code == Almaty && o.Indicator!.Code == InvestmentIndicators.JobsCode && o.Year >= 2020)
            .Select(o => new { o.Year, o.Value }).ToListAsync()))
            .OrderBy(o => o.Year).Select(o => (o.Year, o.Value))];
}
