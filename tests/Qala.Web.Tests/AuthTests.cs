using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class AuthTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_first_administrator_signs_in_with_the_configured_password(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = await app.SignedInAsync();

        var admin = await client.PageAsync("/admin");
        admin.QuerySelector("h1")!.TextContent.ShouldBe("Administration");
        admin.QuerySelector(".qala-user")!.TextContent.ShouldBe("admin");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_wrong_password_gets_a_generic_message_and_the_fifth_locks_the_account(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("en");

        var unknown = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = "nobody", ["Form.Password"] = "whatever-123" });
        var unknownPage = await unknown.HtmlAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = "admin", ["Form.Password"] = "not-the-password-1" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await wrong.HtmlAsync();
            page.QuerySelector(".validation-summary-errors")!.TextContent.Trim().ShouldBe("The user name or password is not correct.");
            page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldBe(unknownPage.QuerySelector(".validation-summary-errors")!.TextContent);
        }

        var fifth = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = "admin", ["Form.Password"] = "not-the-password-1" });
        (await fifth.HtmlAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("locked");

        var correct = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = "admin", ["Form.Password"] = QalaApp.AdminPassword });
        correct.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account does not sign in even with the right password");
        (await client.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Roles_decide_who_reaches_administration(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await app.CreateUserAsync("planner", "planner-password-1", [QalaRoles.Planner]);

        var anonymous = await app.Browser().GetAsync("/admin/users");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.PathAndQuery.ShouldStartWith("/account/sign-in?ReturnUrl=%2Fadmin%2Fusers");

        var planner = await app.SignedInAsync("planner", "planner-password-1");
        var denied = await planner.GetAsync("/admin/users");
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var deniedPage = await denied.HtmlAsync();
        deniedPage.QuerySelector("h1")!.TextContent.ShouldBe("Access denied");
        deniedPage.Body!.TextContent.ShouldNotContain("admin@qala.local");
        (await planner.PageAsync("/")).QuerySelector("a[href='/admin']").ShouldBeNull();

        (await planner.SubmitAsync("/account/password", "main form", new()
        {
            ["Form.CurrentPassword"] = "planner-password-1",
            ["Form.NewPassword"] = "planner-password-2",
            ["Form.ConfirmPassword"] = "planner-password-2",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = "admin",
            ["Form.Password"] = QalaApp.AdminPassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("Qala.Auth", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Every_endpoint_states_who_may_use_it(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Count.ShouldBeGreaterThan(10);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var rules = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles ?? a.Policy).Where(r => r is not null).ToList();
            if (route.StartsWith("/admin", StringComparison.Ordinal))
            {
                anonymous.ShouldBeFalse(route);
                rules.ShouldContain(r => r == QalaRoles.Administrator || r == Features.Users.ScopePolicies.NationalAdministrator, $"{route} is administration");
            }
        }

        // Anything not marked public needs a signed-in user (the fallback policy): an unmarked page is never public by accident.
        (await app.Browser().GetAsync("/account/password")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Browser().GetAsync("/api/v1/territories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Browser().GetAsync("/no-such-page")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_second_web_node_accepts_the_sign_in_of_the_first(DatabaseKind kind)
    {
        await using var first = await QalaApp.StartAsync(kind);
        var cookies = new CookieContainer();
        await first.SignedInAsync(cookies: cookies);

        await using var second = first.SecondNode();
        var response = await second.Browser(cookies: cookies).GetAsync("/admin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "both nodes read the Data Protection keys from the database");
        (await first.QueryAsync(db => Task.FromResult(db.DataProtectionKeys.Count()))).ShouldBeGreaterThan(0);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Posts_to_the_sign_in_form_are_rate_limited_per_client(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("en");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt <= PublicFormLimits.PostsPerMinute; attempt++)
        {
            var response = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = $"user{attempt}", ["Form.Password"] = "wrong-password-1" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(PublicFormLimits.PostsPerMinute).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is never limited");
    }
}
