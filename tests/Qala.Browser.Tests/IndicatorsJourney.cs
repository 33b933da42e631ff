using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>A citizen reads the demo's real statistics in Russian: finds an indicator, its chart, the ranking, a KPI scorecard.</summary>
public sealed class IndicatorsJourney
{
    private static bool ChartDrawn(IWebDriver browser, string canvasId) =>
        ((IJavaScriptExecutor)browser).ExecuteScript(
            $"const c = document.getElementById('{canvasId}'); const chart = window.Chart && window.Chart.getChart(c); return !!chart && chart.data.datasets[0].data.length > 0 && c.width > 0;") is true;

    [Fact]
    public async Task A_visitor_finds_unemployment_sees_its_chart_the_ranking_and_a_kpi_scorecard()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();

        browser.Navigate().GoToUrl(new Uri(server.Address, "/indicators?lang=ru"));
        browser.FindElement(By.Id("q")).SendKeys("безработ");
        browser.FindElement(By.CssSelector("form[role=search] button")).Click();
        wait.Until(b => b.FindElements(By.CssSelector("#indicators tbody tr")).Count == 1);
        browser.FindElement(By.CssSelector("#indicators tbody td")).Text.ShouldBe("8.5.2");
        browser.FindElement(By.TagName("html")).GetAttribute("lang").ShouldBe("ru", "a link's language stays for the pages after it");

        browser.FindElement(By.CssSelector("#indicators tbody a")).Click();
        wait.Until(b => b.FindElement(By.TagName("h1")).Text.Contains("Уровень безработицы", StringComparison.Ordinal));
        wait.Until(b => ChartDrawn(b, "indicator-chart"));
        Chromium.Screenshot(browser, "indicator-ru.png");

        browser.FindElement(By.CssSelector("#indicator-actions a[href$='/compare']")).Click();
        wait.Until(b => ChartDrawn(b, "ranking-chart"));
        var first = browser.FindElement(By.CssSelector("#ranking tbody tr td[data-rank]"));
        first.Text.ShouldBe("1");
        browser.FindElement(By.Id("peers")).Text.ShouldContain("чем ниже, тем лучше");
        Chromium.Screenshot(browser, "compare-ru.png");

        browser.Navigate().GoToUrl(new Uri(server.Address, "/territories/750000000?lang=ru"));
        browser.Navigate().GoToUrl(new Uri(browser.FindElement(By.CssSelector("a[href$='kpi=true']")).GetAttribute("href")!));
        // Four official KPIs and the two the investment registry computes.
        wait.Until(b => b.FindElements(By.CssSelector("#scorecard tbody tr")).Count == 6);
        browser.FindElement(By.Id("kpi-composite")).Text.ShouldContain("из");
        Chromium.Screenshot(browser, "kpi-scorecard-ru.png");
    }
}
