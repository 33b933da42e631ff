using System.Net;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class AdministrationTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_administrator_creates_an_agency_officer_who_must_choose_a_password(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var agencyId = await app.QueryAsync(db => db.Set<Agency>().Where(a => a.Code == "ALA-EDU").Select(a => a.Id).SingleAsync());
        var almatyId = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "750000000").Select(t => t.Id).SingleAsync());

        var created = await admin.SubmitAsync("/admin/users", "main form", new()
        {
            ["UserName"] = "a.nurlanova",
            ["Form.DisplayName"] = "Айгүл Нұрланова",
            ["Form.Email"] = "a.nurlanova@almaty.gov.kz",
            ["Form.Roles"] = QalaRoles.AgencyOfficer,
            ["Form.AgencyId"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.TerritoryIds"] = almatyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await created.HtmlAsync();
        var password = page.QuerySelector("#one-time-password")!.TextContent;
        password.Length.ShouldBeGreaterThanOrEqualTo(20);
        page.QuerySelector("table")!.TextContent.ShouldContain("Айгүл Нұрланова");

        var officer = await app.SignedInAsync("a.nurlanova", password);
        var elsewhere = await officer.GetAsync("/territories");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.ShouldStartWith("/account/password?returnUrl=");

        var changed = await officer.SubmitAsync("/account/password", "main form", new()
        {
            ["Form.CurrentPassword"] = password,
            ["Form.NewPassword"] = "my-own-password-7",
            ["Form.ConfirmPassword"] = "my-own-password-7",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.GetAsync("/territories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var user = await app.QueryAsync(db => db.Users.Include(u => u.Territories).SingleAsync(u => u.UserName == "a.nurlanova"));
        user.AgencyId.ShouldBe(agencyId);
        user.MustChangePassword.ShouldBeFalse();
        user.Territories.Select(t => t.TerritoryId).ShouldBe([almatyId]);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_agency_officer_without_an_agency_is_refused_and_nothing_is_created(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var before = await app.QueryAsync(db => db.Users.CountAsync());

        var response = await admin.SubmitAsync("/admin/users", "main form", new()
        {
            ["UserName"] = "no.agency",
            ["Form.DisplayName"] = "No Agency",
            ["Form.Email"] = "no.agency@example.kz",
            ["Form.Roles"] = QalaRoles.AgencyOfficer,
        });

        var page = await response.HtmlAsync();
        page.Body!.TextContent.ShouldContain("An agency officer must be bound to an agency.");
        page.Body.TextContent.ShouldContain("Choose at least one territory the user acts in.");
        page.QuerySelector("#one-time-password").ShouldBeNull();
        (await app.QueryAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_stale_edit_of_a_territory_is_refused_and_the_newer_edit_kept(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var first = await app.SignedInAsync();
        var second = await app.SignedInAsync();
        var formOfSecond = (await second.PageAsync("/admin/territories/751110000")).QuerySelector("main form") as AngleSharp.Html.Dom.IHtmlFormElement;

        (await first.SubmitAsync("/admin/territories/751110000", "main form", new() { ["Name.En"] = "Almaly District (renamed)" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await second.SubmitAsync(formOfSecond!, new() { ["Name.En"] = "Almaly District (stale)" });

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.HtmlAsync()).Body!.TextContent.ShouldContain("Someone else changed this record while you were editing it.");
        (await app.QueryAsync(db => db.Set<Territory>().SingleAsync(t => t.Code == "751110000"))).Name.En.ShouldBe("Almaly District (renamed)");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Hostile_text_in_names_is_shown_as_text(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var almatyId = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "750000000").Select(t => t.Id).SingleAsync());
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        (await admin.SubmitAsync("/admin/agencies/new", "main form", new()
        {
            ["Code"] = "ALA-TEST",
            ["Name.Kk"] = hostile,
            ["Name.Ru"] = hostile,
            ["Name.En"] = hostile,
            ["TerritoryId"] = almatyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await app.Browser("en").GetStringAsync("/agencies");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Code_mappings_are_kept_by_administrators(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var shymkentId = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "790000000").Select(t => t.Id).SingleAsync());
        var id = shymkentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await admin.SubmitAsync("/admin/code-mappings", "form.qala-card", new() { ["Scheme"] = "stat.gov.kz", ["ExternalCode"] = "SHY-1", ["TerritoryId"] = id }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var duplicate = await admin.SubmitAsync("/admin/code-mappings", "form.qala-card", new() { ["Scheme"] = "kazstat", ["ExternalCode"] = "KZALA", ["TerritoryId"] = id });
        (await duplicate.HtmlAsync()).Body!.TextContent.ShouldContain("This code is already mapped in this scheme.");

        var mappings = await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().Include(m => m.Territory).ToListAsync());
        mappings.Single(m => m.Scheme == "stat.gov.kz").Territory!.Code.ShouldBe("790000000");
        mappings.Single(m => m.Scheme == "kazstat" && m.ExternalCode == "KZALA").Territory!.Code.ShouldBe("750000000");
    }
}
