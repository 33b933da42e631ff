using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>
/// A citizen's suggestion in headless Chromium, from the public form to the decision, written as an attack: the
/// script and HTML in it must show as text on every page that renders it and never run — for the citizen, for the
/// moderator who handles it, and for the public once it is published.
/// </summary>
public sealed class ParticipationJourney
{
    private const string Attack = "<script>window.qalaAttacked = 1</script><img src=x onerror=\"window.qalaAttacked = 2\"> Please light the path along the Esentai river.";

    [Fact]
    public async Task A_hostile_suggestion_is_shown_as_text_and_runs_nowhere_while_it_is_handled()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();
        void NothingRan(string where) => browser.ExecuteScript("return window.qalaAttacked === undefined;").ShouldBe(true, where);

        // The citizen finds the discussion open today and writes in Russian.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/consultations?lang=ru"));
        var discussions = browser.FindElements(By.CssSelector("main a[href^='/consultations/']")).Select(a => a.GetAttribute("href")!).Distinct().ToList();
        var open = discussions.First(href =>
        {
            browser.Navigate().GoToUrl(href);
            return browser.FindElements(By.Id("suggest")).Count == 1;
        });
        browser.ClickOn(By.Id("suggest"));
        wait.Until(b => b.FindElements(By.Id("suggestion-form")).Count == 1);
        browser.FindElement(By.Name("Text")).SendKeys(Attack);
        browser.ClickOn(By.Id("send"));
        wait.Until(b => b.FindElements(By.Id("sent")).Count == 1);
        browser.FindElement(By.Id("suggestion-text")).Text.ShouldBe(Attack);
        NothingRan("the citizen's receipt");
        var receipt = browser.Url;
        Chromium.Screenshot(browser, "suggestion-receipt-ru.png");

        // A moderator (the administrator) finds it waiting, reads it, confirms a topic and publishes it.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/account/sign-in?lang=en"));
        browser.FindElement(By.Name("Form.UserName")).SendKeys("admin");
        browser.FindElement(By.Name("Form.Password")).SendKeys(QalaServer.AdminPassword);
        browser.ClickOn(By.CssSelector("main form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector(".qala-user")).Count == 1);
        browser.Navigate().GoToUrl(new Uri(server.Address, "/participation/suggestions?show=moderation&q=Esentai"));
        NothingRan("the inbox");
        browser.ClickOn(By.CssSelector("#suggestions tr[data-suggestion] a"));
        wait.Until(b => b.FindElements(By.Id("publish-form")).Count == 1);
        browser.FindElement(By.Id("suggestion-text")).Text.ShouldBe(Attack);
        NothingRan("the handling page");
        browser.ClickOn(By.CssSelector("#topic-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Id("handle-saved")).Count == 1);
        browser.ClickOn(By.CssSelector("#publish-form button"));
        wait.Until(b => b.FindElement(By.Id("publication")).GetAttribute("data-state") == "Published");

        // The answer goes back to the citizen's receipt.
        browser.ExecuteScript("document.getElementById('decision-kind').value = 'PartlyTaken';");
        browser.FindElement(By.Id("answer")).SendKeys("Lighting of the Esentai path is in the 2027 plan.");
        browser.ClickOn(By.CssSelector("#answer-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector("#decision [data-decision='PartlyTaken']")).Count == 1);
        Chromium.Screenshot(browser, "suggestion-handled-en.png");

        // The public list and the receipt show the text as written, and nothing of it runs.
        browser.Navigate().GoToUrl(new Uri(open + "/suggestions?lang=en"));
        browser.FindElements(By.CssSelector("#public-suggestions li")).Select(li => li.Text).ShouldContain(text => text.Contains(Attack, StringComparison.Ordinal));
        NothingRan("the public list");
        browser.Navigate().GoToUrl(receipt);
        browser.FindElement(By.CssSelector("#decision [data-answer]")).Text.ShouldBe("Lighting of the Esentai path is in the 2027 plan.");
        NothingRan("the receipt with its answer");
    }
}
