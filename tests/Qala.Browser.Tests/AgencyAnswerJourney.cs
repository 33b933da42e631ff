using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>
/// The agency's side of a citizen's suggestion in headless Chromium: a citizen writes in Kazakh and leaves contact
/// details, the moderator confirms the topic so that it is routed to Almaty's energy and utilities department with an
/// answer deadline and publishes it, an officer of that department finds it in their inbox without the citizen's
/// contact details, answers it in Russian with a decision linked to a program activity, and the citizen reads the
/// answer on the receipt page.
/// </summary>
public sealed class AgencyAnswerJourney
{
    private const string Text = "Алатау ауданындағы Ақбұлақ шағын ауданының көшелерінде кешке жарық жоқ: балалар мектептен қараңғыда қайтады, шам орнатуды сұраймын.";
    private const string Answer = "Освещение улиц микрорайона Акбулак предусмотрено программой: светодиодные светильники установят до 1 июля 2027 года.";
    private const string Email = "aliya.seitova@example.kz";
    private const string Phone = "+7 701 555 12 34";
    private const string Energy = "Department of Energy and Utilities of Almaty city";

    [Fact]
    public async Task A_suggestion_is_routed_by_its_topic_answered_by_the_agency_and_the_answer_reaches_the_citizen()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();

        // The citizen finds the discussion open today and writes in Kazakh, leaving contact details to be told of the answer.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/consultations?lang=kk"));
        var discussions = browser.FindElements(By.CssSelector("main a[href^='/consultations/']")).Select(a => a.GetAttribute("href")!).Distinct().ToList();
        var open = discussions.First(href =>
        {
            browser.Navigate().GoToUrl(href);
            return browser.FindElements(By.Id("suggest")).Count == 1;
        });
        browser.Url.ShouldBe(open);
        browser.ClickOn(By.Id("suggest"));
        wait.Until(b => b.FindElements(By.Id("suggestion-form")).Count == 1);
        browser.FindElement(By.Name("Text")).SendKeys(Text);
        browser.Choose(By.Name("DistrictId"), "Алатау ауданы");
        browser.FindElement(By.Name("ContactName")).SendKeys("Әлия Сейітова");
        browser.FindElement(By.Name("Email")).SendKeys(Email);
        browser.FindElement(By.Name("Phone")).SendKeys(Phone);
        browser.ClickOn(By.Name("Consent"));
        browser.ClickOn(By.Id("send"));
        wait.Until(b => b.FindElements(By.Id("sent")).Count == 1);
        browser.FindElement(By.Id("suggestion-text")).Text.ShouldBe(Text);
        var receipt = new Uri(browser.Url).GetLeftPart(UriPartial.Path);

        // The moderator (the administrator) confirms the topic: it goes to the energy department with a deadline.
        browser.SignIn(wait, server, "admin", QalaServer.AdminPassword);
        browser.Navigate().GoToUrl(new Uri(server.Address, "/participation/suggestions?show=moderation&q=Ақбұлақ&lang=en"));
        browser.ClickOn(By.CssSelector("#suggestions tr[data-suggestion] a"));
        wait.Until(b => b.FindElements(By.Id("topic-form")).Count == 1);
        var handling = browser.Url;
        browser.FindElement(By.Id("contact")).Text.ShouldContain(Email, Case.Sensitive, "the moderator sees the contact details");
        browser.Choose(By.CssSelector("#topic-form select[name=topicId]"), "Street lighting");
        browser.ClickOn(By.CssSelector("#topic-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Id("handle-saved")).Count == 1);
        browser.FindElement(By.Id("agency")).Text.ShouldBe(Energy);
        browser.FindElement(By.Id("answer-due")).Text.ShouldNotBeNullOrWhiteSpace();
        browser.ClickOn(By.CssSelector("#publish-form button"));
        wait.Until(b => b.FindElement(By.Id("publication")).GetAttribute("data-state") == "Published");

        // The administrator creates an officer of the energy department.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/admin/users?lang=en"));
        browser.FindElement(By.Name("UserName")).SendKeys("energy-answers");
        browser.FindElement(By.Name("Form.DisplayName")).SendKeys("Marat Energy");
        browser.FindElement(By.Name("Form.Email")).SendKeys("energy-answers@example.kz");
        browser.ClickOn(By.Id("role-AgencyOfficer"));
        browser.Choose(By.Name("Form.AgencyId"), Energy);
        browser.Choose(By.Name("Form.TerritoryIds"), "Almaty city");
        browser.ClickOn(By.CssSelector("main form[method=post] button[type=submit]"));
        var oneTimePassword = wait.Until(b => b.FindElements(By.Id("one-time-password")).FirstOrDefault())!.Text;

        // The officer signs in for the first time, chooses a password and works in Russian.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.FirstSignIn(wait, server, "energy-answers", oneTimePassword, "Officer-password-2026");

        // The inbox holds only what was routed to the department; the suggestion is among the unanswered.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/participation/suggestions?show=unanswered&lang=ru"));
        var rows = browser.FindElements(By.CssSelector("#suggestions tr[data-suggestion]"));
        rows.ShouldNotBeEmpty();
        rows.Select(r => r.FindElements(By.TagName("td"))[3].Text).ShouldAllBe(agency => agency == "Управление энергетики и коммунального хозяйства города Алматы");
        browser.FindElement(By.Id("q")).SendKeys("Ақбұлақ");
        browser.ClickOn(By.CssSelector("#inbox-filters button[type=submit]"));
        wait.Until(b => b.Url.Contains("q=", StringComparison.Ordinal));
        browser.ClickOn(By.CssSelector("#suggestions tr[data-suggestion] a"));
        wait.Until(b => b.FindElements(By.Id("answer-form")).Count == 1);
        browser.Url.ShouldBe(handling);

        // The officer reads the text but none of the citizen's contact details, and neither moderates nor reroutes.
        browser.FindElement(By.Id("suggestion-text")).Text.ShouldBe(Text);
        var received = browser.FindElement(By.CssSelector("#suggestion-facts dd")).Text.Split(" · ")[0];
        browser.FindElements(By.Id("contact")).ShouldBeEmpty();
        browser.FindElements(By.Id("moderation")).ShouldBeEmpty();
        browser.FindElements(By.Id("topic-form")).ShouldBeEmpty();
        browser.PageSource.ShouldNotContain(Email);
        browser.PageSource.ShouldNotContain("555 12 34");
        browser.PageSource.ShouldNotContain("Сейітова");

        // The answer: already planned, linked to the program's activity that lights the streets.
        browser.ExecuteScript("document.getElementById('decision-kind').value = 'AlreadyPlanned';");
        browser.Choose(By.Id("activityId"), "LED-освещение улиц");
        browser.FindElement(By.Id("answer")).SendKeys(Answer);
        browser.ClickOn(By.CssSelector("#answer-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector("#decision [data-decision='AlreadyPlanned']")).Count == 1);
        browser.FindElement(By.CssSelector("#decision [data-linked='activity']")).Text.ShouldBe("LED-освещение улиц");
        browser.FindElement(By.CssSelector("#decision [data-answer]")).Text.ShouldBe(Answer);
        browser.ExecuteScript("const form = document.getElementById('answer-form'); return form.closest('.row').getBoundingClientRect().bottom >= form.getBoundingClientRect().bottom;")
            .ShouldBe(true, "the answer form stays in its column and does not cover the history below");
        browser.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; document.getElementById('decision').scrollIntoView({block: 'center', behavior: 'instant'}); requestAnimationFrame(() => requestAnimationFrame(done));");
        Chromium.Screenshot(browser, "agency-answer-ru.png");

        // The citizen, not signed in, reads the answer and the decision on the receipt page, in Kazakh.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.Navigate().GoToUrl(new Uri(receipt + "?lang=kk"));
        browser.FindElement(By.Id("publication")).GetAttribute("data-state").ShouldBe("Published");
        browser.FindElement(By.CssSelector("#receipt dd")).Text.Split(" · ")[0].ShouldBe(received, "the citizen and the agency read the same time, Almaty's");
        browser.FindElement(By.Id("receipt")).Text.ShouldContain("Алматы қаласының энергетика және коммуналдық шаруашылық басқармасы");
        browser.FindElements(By.CssSelector("#decision [data-decision='AlreadyPlanned']")).Count.ShouldBe(1);
        browser.FindElement(By.CssSelector("#decision [data-answer]")).Text.ShouldBe(Answer);
        browser.FindElement(By.CssSelector("#decision [data-linked='activity']")).Text.ShouldBe("Көшелерді LED-жарықтандыру");
        Chromium.Screenshot(browser, "agency-answer-receipt-kk.png");
    }
}
