using System.Net;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

/// <summary>Territorial scope, through HTTP, for each kind of user: nothing outside one's territories is changed.</summary>
public sealed class ScopeTests
{
    private const string Password = "scoped-password-1";

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_Almaty_administrator_edits_Almaty_and_its_districts_but_not_Karaganda(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("almaty.admin", Password, [QalaRoles.Administrator], territoryCode: "750000000");
        var almaty = await app.SignedInAsync("almaty.admin", Password);
        var karagandaAgency = await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "KAR-EDU"));
        var almatyAgency = await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "ALA-EDU"));

        (await almaty.GetAsync($"/admin/agencies/{karagandaAgency.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ownForm = await almaty.PageAsync($"/admin/agencies/{almatyAgency.Id}");
        var forged = await almaty.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)ownForm.QuerySelector("main form")!, new() { ["Name.En"] = "Forged" });
        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect, "an agency of one's own city can be edited");

        var tokenPage = await almaty.PageAsync($"/admin/agencies/{almatyAgency.Id}");
        var stolen = (AngleSharp.Html.Dom.IHtmlFormElement)tokenPage.QuerySelector("main form")!;
        stolen.SetAttribute("action", $"/admin/agencies/{karagandaAgency.Id}");
        var takeover = await almaty.SubmitAsync(stolen, new() { ["Name.En"] = "Taken over", ["Version"] = karagandaAgency.Version.ToString() });
        takeover.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await takeover.HtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Access denied");
        (await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "KAR-EDU"))).Name.En.ShouldBe(karagandaAgency.Name.En);

        var moveToKaraganda = await almaty.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)(await almaty.PageAsync($"/admin/agencies/{almatyAgency.Id}")).QuerySelector("main form")!,
            new() { ["TerritoryId"] = karagandaAgency.TerritoryId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        moveToKaraganda.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an agency cannot be moved out of one's territories");

        (await almaty.GetAsync("/admin/territories/751110000")).StatusCode.ShouldBe(HttpStatusCode.OK, "Almaly district lies within Almaty");
        (await almaty.GetAsync("/admin/territories/350000000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var agencies = await almaty.PageAsync("/agencies");
        agencies.QuerySelectorAll($"a[href='/admin/agencies/{karagandaAgency.Id}']").ShouldBeEmpty();
        agencies.QuerySelectorAll($"a[href='/admin/agencies/{almatyAgency.Id}']").ShouldNotBeEmpty();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Users_and_platform_settings_are_for_national_administrators(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("almaty.admin", Password, [QalaRoles.Administrator], territoryCode: "750000000");
        var territorial = await app.SignedInAsync("almaty.admin", Password);
        var national = await app.SignedInAsync();

        foreach (var page in new[] { "/admin/users", "/admin/code-mappings", "/admin/code-mappings/import", "/admin/calendar", "/admin/audit", "/admin/jobs" })
        {
            (await territorial.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
            (await national.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, page);
        }

        var index = await territorial.PageAsync("/admin");
        index.QuerySelector("a[href='/admin/users']").ShouldBeNull();
        (await national.PageAsync("/admin")).QuerySelector("a[href='/admin/users']").ShouldNotBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Planners_controllers_and_agency_officers_cannot_administer_even_their_own_territory(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", Password, [QalaRoles.Planner]);
        await app.CreateUserAsync("controller", Password, [QalaRoles.Controller]);
        await app.CreateUserAsync("officer", Password, [QalaRoles.AgencyOfficer], agencyCode: "ALA-EDU");
        var almatyAgency = await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "ALA-EDU"));

        foreach (var user in new[] { "planner", "controller", "officer" })
        {
            var client = await app.SignedInAsync(user, Password);
            (await client.GetAsync($"/admin/agencies/{almatyAgency.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await client.GetAsync("/admin/territories/750000000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        (await app.QueryAsync(db => db.Set<Territory>().SingleAsync(t => t.Code == "750000000"))).Version.ShouldNotBe(Guid.Empty);
    }
}
