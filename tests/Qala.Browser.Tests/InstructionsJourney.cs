using OpenQA.Selenium;

namespace Qala.Browser.Tests;

/// <summary>
/// Instruction control in headless Chromium, from a pasted Russian meeting text to an executed instruction: the
/// controller reviews the proposals (edits one, drops one) and confirms, an officer of the executing agency reports,
/// the controller accepts, and the control board counts the instruction as executed.
/// </summary>
public sealed class InstructionsJourney
{
    private const string MeetingText =
        """
        Совещание акима города Алматы по вопросам образования, 12 января 2026 года.
        Председательствовал аким города Ерболат Досаев.
        Поручаю Управлению образования города Алматы построить три новые школы в Алатауском районе до 1 сентября 2026 года.
        Управлению здравоохранения города Алматы необходимо открыть две поликлиники в Наурызбайском районе до 1 декабря 2026 года.
        Управлению строительства обеспечить ремонт дорог в течение 10 рабочих дней.
        """;

    private const string EditedText = "Построить три новые школы в Алатауском районе и сдать их к учебному году.";

    [Fact]
    public async Task A_pasted_meeting_text_becomes_an_instruction_that_is_reported_accepted_and_counted_as_executed()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();

        // The administrator (a controller of every territory) creates an officer of Almaty's education department.
        browser.SignIn(wait, server, "admin", QalaServer.AdminPassword);
        browser.Navigate().GoToUrl(new Uri(server.Address, "/admin/users?lang=en"));
        browser.FindElement(By.Name("UserName")).SendKeys("edu-officer");
        browser.FindElement(By.Name("Form.DisplayName")).SendKeys("Aigerim Education");
        browser.FindElement(By.Name("Form.Email")).SendKeys("edu-officer@example.kz");
        browser.ClickOn(By.Id("role-AgencyOfficer"));
        browser.Choose(By.Name("Form.AgencyId"), "Department of Education of Almaty city");
        browser.Choose(By.Name("Form.TerritoryIds"), "Almaty city");
        browser.ClickOn(By.CssSelector("main form[method=post] button[type=submit]"));
        var oneTimePassword = wait.Until(b => b.FindElements(By.Id("one-time-password")).FirstOrDefault())!.Text;

        // New meeting from text: the Russian text is pasted into Almaty's register.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/instructions/new?lang=en"));
        browser.Choose(By.Name("TerritoryId"), "Almaty city");
        browser.FindElement(By.Name("Text")).SendKeys(MeetingText);
        browser.ClickOn(By.CssSelector("#text-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Id("confirm-form")).Count == 1);
        var proposals = browser.FindElements(By.CssSelector("fieldset[data-proposal]"));
        proposals.Count.ShouldBe(3);
        proposals[0].FindElement(By.TagName("mark")).Text.ShouldContain("построить три новые школы");
        proposals[0].FindElement(By.CssSelector("[data-cue]")).GetAttribute("data-cue")!.ShouldContain("Поручаю");
        browser.FindElement(By.Name("HeldOn")).GetAttribute("value").ShouldBe("2026-01-12");
        Chromium.Screenshot(browser, "instructions-review-en.png");

        // The controller rewords the first, names the executors, and drops the third.
        var first = browser.FindElement(By.Name("Proposals[0].Text"));
        first.Clear();
        first.SendKeys(EditedText);
        browser.Choose(By.Name("Proposals[0].LeadAgencyId"), "Department of Education of Almaty city");
        browser.Choose(By.Name("Proposals[1].LeadAgencyId"), "Department of Public Health of Almaty city");
        browser.ClickOn(By.Name("Proposals[2].Keep"));
        browser.ClickOn(By.CssSelector("#confirm-form button[type=submit]"));
        wait.Until(b => b.Url.Contains("/instructions?meeting=", StringComparison.Ordinal));
        var meeting = browser.Url[(browser.Url.IndexOf("meeting=", StringComparison.Ordinal) + "meeting=".Length)..];
        var rows = browser.FindElements(By.CssSelector("tr[data-instruction]"));
        rows.Count.ShouldBe(2, "the dropped proposal is not registered");
        var schools = rows.Single(r => r.Text.Contains("сдать их к учебному году", StringComparison.Ordinal)).GetAttribute("data-instruction");

        // The officer signs in for the first time, chooses a password and reports on the schools.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.FirstSignIn(wait, server, "edu-officer", oneTimePassword, "Officer-password-2026");
        browser.Navigate().GoToUrl(new Uri(server.Address, "/instructions/mine?lang=en"));
        browser.FindElements(By.CssSelector($"tr[data-instruction='{schools}']")).Count.ShouldBe(1);
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/instructions/{schools}?lang=en"));
        browser.FindElement(By.Name("ReportText")).SendKeys("Три школы спроектированы, договоры на строительство подписаны.");
        browser.ClickOn(By.CssSelector("#report-form button[type=submit]"));
        wait.Until(b => b.FindElement(By.CssSelector("[data-status]")).GetAttribute("data-status") == "ReportSubmitted");

        // The controller accepts the report; the board of the meeting counts one executed instruction.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.SignIn(wait, server, "admin", QalaServer.AdminPassword);
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/instructions/{schools}?lang=en"));
        browser.FindElement(By.Id("accept-comment")).SendKeys("Accepted.");
        browser.ClickOn(By.CssSelector("#accept-form button[type=submit]"));
        wait.Until(b => b.FindElement(By.CssSelector("[data-status]")).GetAttribute("data-status") == "Accepted");
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/instructions/board?meeting={meeting}&lang=en"));
        browser.FindElement(By.CssSelector("#by-status [data-count='Accepted'] .fs-3")).Text.ShouldBe("1");
        browser.FindElement(By.CssSelector("#by-status [data-count='OnControl'] .fs-3")).Text.ShouldBe("1");
        Chromium.Screenshot(browser, "instructions-board-en.png");
    }
}
