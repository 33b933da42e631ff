using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Tests.Infrastructure;

/// <summary>
/// Qala in the test process on a real database of its own: a fresh SQLite file, or a clone of the migrated PostgreSQL
/// template. Helpers say what a test does in the words of the application (sign in, create a user, post a form).
/// </summary>
public sealed class QalaApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-admin-password-1";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly string? ownsDatabase;
    private readonly string? sqliteDirectory;

    internal QalaApp(
        DatabaseKind kind, string connectionString, string? ownsDatabase, IDictionary<string, string?>? extra = null, string? sqliteDirectory = null,
        Action<IServiceCollection>? services = null)
    {
        this.services = services;
        Kind = kind;
        ConnectionString = connectionString;
        this.ownsDatabase = ownsDatabase;
        this.sqliteDirectory = sqliteDirectory;
        settings = new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = kind == DatabaseKind.Postgres ? "postgres" : "sqlite",
            [DatabaseSettings.ConnectionStringKey] = connectionString,
            [DatabaseSettings.DemoDataKey] = "true",

            // The SDG files of the demo are imported by the test that checks them, not by every test.
            [DatabaseSettings.DemoStatisticsKey] = "false",

            // So is the sample street extract of the social infrastructure demo.
            [DatabaseSettings.DemoSocialInfrastructureKey] = "false",
            ["QALA_ADMIN_PASSWORD"] = AdminPassword,

            // Tests run jobs themselves (JobRunner.RunDueAsync), so that nothing happens behind their back.
            ["Qala:Jobs:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The environment of a verb run as its own process on this app's database, with <paramref name="extra"/> settings.</summary>
    public Dictionary<string, string> ProcessEnvironment(Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(extra ?? []) { ["ConnectionStrings__Qala"] = ConnectionString };
        if (Kind == DatabaseKind.Postgres)
        {
            environment["Qala__Database__Provider"] = "postgres";
        }

        return environment;
    }

    /// <summary>Qala on a database that is migrated and holds reference and demo data.</summary>
    public static async Task<QalaApp> StartAsync(DatabaseKind kind, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        QalaApp app;
        if (kind == DatabaseKind.Postgres)
        {
            var database = await PostgresTemplate.CloneAsync();
            app = new QalaApp(kind, PostgresServer.ForDatabase(database), database, settings, services: services);
        }
        else
        {
            var directory = Directory.CreateTempSubdirectory("qala-test-").FullName;
            app = new QalaApp(kind, $"Data Source={Path.Combine(directory, "qala.db")};Pooling=False", null, settings, directory, services);
        }

        app.StartServer();
        return app;
    }

    /// <summary>Qala on an empty database that nothing migrates, for tests of the schema itself.</summary>
    public static async Task<QalaApp> EmptyAsync(DatabaseKind kind)
    {
        var off = new Dictionary<string, string?> { [DatabaseSettings.MigrateOnStartupKey] = "false" };
        if (kind == DatabaseKind.Postgres)
        {
            var database = PostgresServer.NewDatabaseName("qala_empty");
            await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database}\"");
            return new QalaApp(kind, PostgresServer.ForDatabase(database), database, off);
        }

        var directory = Directory.CreateTempSubdirectory("qala-test-").FullName;
        return new QalaApp(kind, $"Data Source={Path.Combine(directory, "qala.db")};Pooling=False", null, off, directory);
    }

    /// <summary>A second web node on the same database: what a load balancer in front of several nodes does.</summary>
    public QalaApp SecondNode() => new(Kind, ConnectionString, ownsDatabase: null, settings, services: services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A client that keeps cookies (in <paramref name="cookies"/> when given, to share them with another node).</summary>
    public HttpClient Browser(string? language = null, CookieContainer? cookies = null)
    {
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies ?? new CookieContainer()));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<HttpClient> SignedInAsync(string userName = "admin", string password = AdminPassword, CookieContainer? cookies = null)
    {
        var client = Browser("en", cookies);
        var response = await client.SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {userName} should succeed");
        return client;
    }

    public async Task<QalaUser> CreateUserAsync(string userName, string password, string[] roles, string territoryCode = "750000000", string? agencyCode = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QalaUser>>();
        var territory = await db.Set<Territory>().SingleAsync(t => t.Code == territoryCode);
        var user = new QalaUser
        {
            UserName = userName,
            Email = $"{userName}@example.kz",
            DisplayName = userName,
            CreatedAt = DateTimeOffset.UtcNow,
            AgencyId = agencyCode is null ? null : (await db.Set<Agency>().SingleAsync(a => a.Code == agencyCode)).Id,
        };
        user.Territories.Add(new UserTerritory { UserId = user.Id, TerritoryId = territory.Id });
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, roles)).Succeeded.ShouldBeTrue();
        return user;
    }

    public async Task<T> QueryAsync<T>(Func<QalaDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<QalaDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase is not null)
        {
            await PostgresServer.DropDatabaseAsync(ownsDatabase);
        }

        if (sqliteDirectory is not null)
        {
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }
}

/// <summary>Reading pages and submitting their forms as a browser does, antiforgery token included.</summary>
public static class HtmlClient
{
    /// <summary>The cells' text of every body row of the table found by <paramref name="selector"/>.</summary>
    public static List<string[]> TableRows(this IDocument page, string selector) =>
        [.. page.QuerySelectorAll($"{selector} tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())];

    /// <summary>What an import preview or result counts: added, changed, unchanged, invalid rows skipped.</summary>
    public static (int Added, int Changed, int Unchanged, int Skipped) ImportCounts(this IDocument page)
    {
        int Count(string what) => int.Parse(page.QuerySelector($"#import-counts [data-count={what}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        return (Count("added"), Count("changed"), Count("unchanged"), Count("skipped"));
    }

    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response) =>
        await Context.OpenAsync(request => request.Content(response.Content.ReadAsStream()).Address(response.RequestMessage!.RequestUri!));

    public static async Task<IDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await response.HtmlAsync();
    }

    /// <summary>
    /// Opens <paramref name="url"/>, fills the form found by <paramref name="formSelector"/> with its own values
    /// (hidden fields and the antiforgery token among them) overridden by <paramref name="fields"/>, and submits it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, string formSelector, Dictionary<string, string> fields, string[]? multi = null)
    {
        var page = await client.PageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        return await client.SubmitAsync(form, fields, multi);
    }

    /// <summary>Posts <paramref name="content"/> as the file of the page's <c>#upload-form</c> (field <c>Upload</c>).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, string postUrl, string fileName, byte[] content)
    {
        var page = await client.PageAsync(pageUrl);
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await client.PostAsync(postUrl, form);
    }

    /// <summary>Uploads a file on an import page and returns its preview.</summary>
    public static async Task<IDocument> PreviewImportAsync(this HttpClient client, string page, string fileName, byte[] content, string language = "en")
    {
        var response = await client.UploadAsync($"{page}?lang={language}", $"{page}?handler=Preview&lang={language}", fileName, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.HtmlAsync();
    }

    /// <summary>Commits a previewed import in the given mode and returns the resulting page.</summary>
    public static async Task<IDocument> CommitImportAsync(this HttpClient client, IDocument preview, Qala.Web.Infrastructure.Imports.ImportMode mode)
    {
        var response = await client.SubmitAsync((IHtmlFormElement)preview.QuerySelector("#commit-form")!, new() { ["Mode"] = mode.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.HtmlAsync();
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, Dictionary<string, string> fields, string[]? multi = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } input when input.IsChecked && !fields.ContainsKey(input.Name!):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement { Type: not ("checkbox" or "radio" or "submit") } input when !string.IsNullOrEmpty(input.Name) && !fields.ContainsKey(input.Name):
                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name):
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                default:
                    break;
            }
        }

        foreach (var (name, value) in fields)
        {
            if (multi?.Contains(name) == true)
            {
                values.AddRange(value.Split(',').Select(v => new KeyValuePair<string, string>(name, v)));
            }
            else
            {
                values.Add(new(name, value));
            }
        }

        var action = new Uri(new Uri(form.BaseUri), form.GetAttribute("action") ?? string.Empty);
        return await client.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(values));
    }
}
