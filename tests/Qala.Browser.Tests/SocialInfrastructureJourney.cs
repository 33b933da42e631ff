using System.Globalization;
using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>
/// A planner's social infrastructure in headless Chromium, on the demo's Monaco sample network of Shymkent: imports
/// kindergartens and population from CSV, sees coverage and shortage by district in the table and the Leaflet map
/// drawn, and tries a new kindergarten site with the what-if tool.
/// </summary>
public sealed class SocialInfrastructureJourney
{
    [Fact]
    public async Task A_planner_imports_facilities_and_population_sees_coverage_and_tries_a_new_kindergarten()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting(60);
        void Fill(string name, string value) => browser.FindElement(By.Name(name)).SendKeys(value);
        var folder = Directory.CreateTempSubdirectory("qala-social-journey");
        var facilities = Path.Combine(folder.FullName, "kindergartens.csv");
        await File.WriteAllTextAsync(facilities, "kind,name,district,latitude,longitude,capacity,enrolment,state\nkindergarten,Balapan,791110000,43.7310,7.4190,40,38,operating\n");
        var population = Path.Combine(folder.FullName, "homes.csv");
        await File.WriteAllTextAsync(population, "id,district,lat,lon,population,children_1_6\nhome-1,791110000,43.7312,7.4195,900,120\nhome-2,791310000,43.7420,7.4270,700,90\n");

        // The administrator stands in for Shymkent's planner (a planner of the city may do the same).
        browser.Navigate().GoToUrl(new Uri(server.Address, "/account/sign-in?lang=en"));
        Fill("Form.UserName", "admin");
        Fill("Form.Password", QalaServer.AdminPassword);
        browser.ClickOn(By.CssSelector("main form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector(".qala-user")).Count == 1);

        foreach (var (page, file) in new[] { ("facilities", facilities), ("population", population) })
        {
            browser.Navigate().GoToUrl(new Uri(server.Address, $"/social/790000000/import/{page}"));
            browser.FindElement(By.Id("Upload")).SendKeys(file);
            browser.ClickOn(By.CssSelector("#upload-form button[type=submit]"));
            wait.Until(b => b.FindElements(By.Id("commit-form")).Count == 1);
            browser.ClickOn(By.CssSelector("#commit-form button[type=submit]"));
            wait.Until(b => b.FindElements(By.Id("import-done")).Count == 1);
        }

        browser.Navigate().GoToUrl(new Uri(server.Address, "/social/790000000?kind=Kindergarten"));
        browser.FindElements(By.CssSelector("#districts tr[data-district]")).Count.ShouldBe(2);
        double.Parse(browser.FindElement(By.Id("coverage")).GetAttribute("data-demand")!, CultureInfo.InvariantCulture).ShouldBe(210);

        browser.Navigate().GoToUrl(new Uri(server.Address, "/social/790000000/map?kind=Kindergarten"));
        // The map draws on a canvas (preferCanvas): drawn once the canvas has a painted pixel.
        wait.Until(_ => browser.ExecuteScript(
            "const c = document.querySelector('#social-map canvas'); if (!c) return false;" +
            "return c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0);") is true);
        Chromium.Screenshot(browser, "social-map.png");

        // A kindergarten of 150 places by the second home.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/social/790000000?kind=Kindergarten"));
        Fill("lat", "43.7420");
        Fill("lon", "7.4270");
        browser.FindElement(By.Name("capacity")).SendKeys("150");
        browser.ClickOn(By.CssSelector("#what-if-tool form button[type=submit]"));
        wait.Until(b => b.Url.Contains("capacity=", StringComparison.Ordinal));
        Chromium.Screenshot(browser, "social-what-if.png");
        var gain = wait.Until(b => b.FindElements(By.Id("what-if")).FirstOrDefault())!;
        double Figure(string name) => double.Parse(gain.GetAttribute(name)!, CultureInfo.InvariantCulture);
        Figure("data-shortage-after").ShouldBeLessThan(Figure("data-shortage-before"));
        gain.Text.ShouldContain("Shortage of places");
        folder.Delete(recursive: true);
    }
}
