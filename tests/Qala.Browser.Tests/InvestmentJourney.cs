using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>
/// The investment office in headless Chromium: a participant joins the demo Almaty industrial zone, is built and
/// commissioned, the zone's figures count it as operating, and the public map shows its point without its money.
/// </summary>
public sealed class InvestmentJourney
{
    [Fact]
    public async Task An_officer_commissions_a_participant_the_zone_counts_it_and_the_public_map_shows_it()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();
        void Fill(string name, string value) => browser.FindElement(By.Name(name)).SendKeys(value);
        string Figure(string figure) => browser.FindElement(By.CssSelector($"#zone-figures tr[data-figure='{figure}'] td")).GetAttribute("data-value")!;

        // The administrator stands in for the investment office (they may edit every zone).
        browser.Navigate().GoToUrl(new Uri(server.Address, "/account/sign-in?lang=en"));
        Fill("Form.UserName", "admin");
        Fill("Form.Password", QalaServer.AdminPassword);
        browser.ClickOn(By.CssSelector("main form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector(".qala-user")).Count == 1);

        browser.Navigate().GoToUrl(new Uri(server.Address, "/investment"));
        var zone = browser.FindElements(By.CssSelector("#zones tr[data-zone]")).First(r => r.Text.Contains("Almaty", StringComparison.Ordinal)).GetAttribute("data-zone");
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/investment/zones/{zone}"));
        var operating = int.Parse(Figure("operating"), System.Globalization.CultureInfo.InvariantCulture);

        // A new participant, registered today at its plot, then built and commissioned today.
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/investment/participants/new?zone={zone}"));
        Fill("Input.CompanyName", "Halyk Bakery");
        Fill("Input.Bin", "940140000385");
        Fill("Input.Oked", "10.71.1");
        browser.FindElement(By.Name("Input.PlannedJobs")).Clear();
        Fill("Input.PlannedJobs", "180");
        Fill("Input.Latitude", "43.3301");
        Fill("Input.Longitude", "76.8402");
        browser.ClickOn(By.CssSelector("#participant-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Id("move-form")).Count == 1);
        foreach (var stage in new[] { "UnderConstruction", "Commissioned" })
        {
            browser.ExecuteScript($"document.getElementById('Move_To').value = '{stage}';");
            Fill("Move.Reason", stage == "Commissioned" ? "Act of commissioning" : "Building permit");
            browser.ClickOn(By.CssSelector("#move-form button[type=submit]"));
            wait.Until(b => b.FindElement(By.Id("stage")).GetAttribute("data-stage") == stage);
        }

        browser.Navigate().GoToUrl(new Uri(server.Address, $"/investment/zones/{zone}"));
        int.Parse(Figure("operating"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(operating + 1);

        // The public (signed out) sees the point on the map, in Kazakh, with its planned jobs and no money.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/investment/map?lang=kk&Zone={zone}&Stage=Commissioned&Size=Medium"));
        wait.Until(b => b.FindElements(By.CssSelector("#investment-map path.leaflet-interactive")).Count == 1);
        browser.FindElements(By.CssSelector("#map-table tbody tr")).ShouldHaveSingleItem().Text.ShouldContain("Halyk Bakery");
        browser.FindElements(By.CssSelector("#map-table [data-investment]")).ShouldBeEmpty();
        browser.ExecuteScript(
            "arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true, view: window }));",
            browser.FindElement(By.CssSelector("#investment-map path.leaflet-interactive")));
        // The popup fades in: its text is readable once it is displayed.
        var popup = wait.Until(b => b.FindElements(By.CssSelector(".leaflet-popup-content")).FirstOrDefault(p => p.Displayed && p.Text.Length > 0));
        popup!.Text.ShouldContain("Halyk Bakery");
        popup.Text.ShouldContain("180");
        Chromium.Screenshot(browser, "investment-map-kk.png");
    }
}
