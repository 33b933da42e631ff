using System.Net;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class LanguageTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Pages_speak_the_language_of_the_URL(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        var kk = await client.PageAsync("/?lang=kk");
        kk.DocumentElement.GetAttribute("lang").ShouldBe("kk");
        kk.QuerySelector("h1")!.TextContent.ShouldContain("қаланың даму бағдарламасы");
        kk.Body!.TextContent.ShouldContain("Қарағанды облысы");
        (await client.GetStringAsync("/?lang=kk")).ShouldContain("Қарағанды облысы", Case.Sensitive, "Kazakh letters are written as characters, not entities");

        var ru = await client.PageAsync("/territories?lang=ru");
        ru.DocumentElement.GetAttribute("lang").ShouldBe("ru");
        ru.QuerySelector("h1")!.TextContent.ShouldBe("Территории");
        ru.Body!.TextContent.ShouldContain("город Алматы");

        var en = await client.PageAsync("/territories?lang=en");
        en.DocumentElement.GetAttribute("lang").ShouldBe("en");
        en.QuerySelector("h1")!.TextContent.ShouldBe("Territories");
        en.Body!.TextContent.ShouldContain("Almaty city");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_switcher_remembers_the_language_in_a_cookie(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("en");

        var home = await client.PageAsync("/territories");
        var switchToRussian = home.QuerySelector("nav.qala-languages a[hreflang=ru]")!.GetAttribute("href")!;
        var response = await client.GetAsync(switchToRussian);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/territories");
        (await client.PageAsync("/territories")).DocumentElement.GetAttribute("lang").ShouldBe("ru");
        (await client.PageAsync("/agencies")).QuerySelector("h1")!.TextContent.ShouldBe("Ведомства");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_link_that_names_its_language_switches_the_site_to_it(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("en");

        (await client.PageAsync("/indicators?lang=kk")).DocumentElement.GetAttribute("lang").ShouldBe("kk");

        // A search form sends no language: the page after the link stays in Kazakh.
        (await client.PageAsync("/indicators?q=8")).DocumentElement.GetAttribute("lang").ShouldBe("kk");
        (await client.PageAsync("/agencies")).QuerySelector("h1")!.TextContent.ShouldBe("Басқармалар");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_unknown_language_falls_back_to_the_default_without_an_error(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser("de-DE");

        (await client.PageAsync("/?lang=xx")).DocumentElement.GetAttribute("lang").ShouldBe("kk");
        (await client.GetAsync("/language/xx?returnUrl=/agencies")).Headers.Location!.OriginalString.ShouldBe("/agencies");
        (await client.PageAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("kk");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_browser_language_is_used_when_nothing_else_says(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);

        (await app.Browser("ru-RU,ru;q=0.9,en;q=0.8").PageAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("ru");
        (await app.Browser("de-DE,en-US;q=0.7").PageAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("en");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Numbers_are_formatted_for_the_language(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        static string Emissions(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll(".fact").Single(f => f.TextContent.Contains("600", StringComparison.Ordinal)).QuerySelector(".fact-value")!.TextContent;

        Emissions(await client.PageAsync("/territories/350000000?lang=en")).ShouldContain("600,000");
        Emissions(await client.PageAsync("/territories/350000000?lang=ru")).ShouldContain("600\u00a0000");
        Emissions(await client.PageAsync("/territories/350000000?lang=kk")).ShouldContain("600\u00a0000");
        (await client.PageAsync("/territories/350000000?lang=ru")).Body!.TextContent.ShouldContain("1,7");
        (await client.PageAsync("/territories/350000000?lang=en")).Body!.TextContent.ShouldContain("1.7");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_language_switch_never_redirects_off_site(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var client = app.Browser();

        foreach (var target in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            var response = await client.GetAsync($"/language/en?returnUrl={Uri.EscapeDataString(target)}");
            response.Headers.Location!.OriginalString.ShouldBe("/");
        }
    }
}
