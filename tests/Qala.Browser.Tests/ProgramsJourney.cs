using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Qala.Browser.Tests;

/// <summary>
/// A development program in headless Chromium, from a new goal to the quarterly report: a planner builds a program
/// with a goal, its target indicator and an activity; the responsible agency's officer reports progress; the planner
/// reads the goal and the (overdue) activity in the quarter's monitoring report.
/// </summary>
public sealed class ProgramsJourney
{
    private const string Goal = "Every school in a good state";
    private const string Activity = "Repair school No. 12";

    [Fact]
    public async Task A_planner_builds_a_goal_an_agency_reports_and_the_quarterly_report_shows_both()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();
        void Type(string name, string text)
        {
            var field = browser.FindElement(By.Name(name));
            field.Clear();
            field.SendKeys(text);
        }

        void SetDate(string name, DateOnly day) =>
            browser.ExecuteScript("arguments[0].value = arguments[1];", browser.FindElement(By.Name(name)), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        void Titled(string english)
        {
            Type("Title.Kk", $"{english} (kk)");
            Type("Title.Ru", $"{english} (ru)");
            Type("Title.En", english);
            browser.ClickOn(By.CssSelector("#item-form button[type=submit]"));
            wait.Until(b => b.FindElements(By.Id("program-tree")).Count == 1);
        }

        // The day in Kazakhstan (UTC+5), which the application counts by.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

        // The administrator creates a planner of Almaty and an officer of its education department.
        browser.SignIn(wait, server, "admin", QalaServer.AdminPassword);
        var plannerPassword = CreateUser(browser, wait, server, "city-planner", "Planner", null);
        var officerPassword = CreateUser(browser, wait, server, "edu-officer", "AgencyOfficer", "Department of Education of Almaty city");

        // The planner creates a draft program, a direction, a goal with its target indicator, a task and an activity.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.FirstSignIn(wait, server, "city-planner", plannerPassword, "Planner-password-2026");
        browser.Navigate().GoToUrl(new Uri(server.Address, "/programs/new/edit?lang=en"));
        Type("Name.Kk", "Мектептер бағдарламасы");
        Type("Name.Ru", "Программа школ");
        Type("Name.En", "Schools program");
        browser.Choose(By.Name("TerritoryId"), "Almaty city");
        SetDate("PeriodFrom", new DateOnly(today.Year - 1, 1, 1));
        SetDate("PeriodTo", new DateOnly(today.Year + 2, 12, 31));
        browser.ClickOn(By.CssSelector("#program-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Id("program-tree")).Count == 1);
        var program = browser.Url.Split('/')[4].Split('?')[0];
        browser.ClickOn(By.Id("add-direction"));
        Titled("Comfortable city");
        browser.ClickOn(By.Id("add-direction"));
        Titled("Ecology and air");

        // The second direction moves up in place: htmx swaps the tree, the page is not reloaded.
        browser.ExecuteScript("window.qalaStillHere = true;");
        browser.ClickOn(By.CssSelector("button[form^='reorder-direction-'][form$='-up']"));
        wait.Until(b => b.FindElement(By.CssSelector("#program-tree section h2")).Text.Contains("Ecology and air", StringComparison.Ordinal));
        browser.ExecuteScript("return window.qalaStillHere === true;").ShouldBe(true, "the tree is swapped in place");
        browser.ClickOn(By.CssSelector("a[href*='/goal/new']"));
        Titled(Goal);

        browser.ClickOn(By.CssSelector("a[data-goal-targets]"));
        wait.Until(b => b.FindElements(By.Id("goal-target-form")).Count == 1);
        browser.Choose(By.Name("IndicatorId"), "8.5.2");
        Type("BaselineYear", (today.Year - 2).ToString(CultureInfo.InvariantCulture));
        Type("Baseline", "5");
        Type("Targets[1].Value", "4.5");
        browser.ClickOn(By.CssSelector("#goal-target-form button[type=submit]"));
        wait.Until(b => b.FindElements(By.CssSelector("#goal-targets tr[data-indicator='8.5.2']")).Count == 1);
        browser.FindElement(By.CssSelector("#goal-targets tr[data-indicator='8.5.2'] [data-targets]")).Text.ShouldBe($"{today.Year}: 4.5");
        Chromium.Screenshot(browser, "programs-goal-targets-en.png");

        browser.Navigate().GoToUrl(new Uri(server.Address, $"/programs/{program}?lang=en"));
        browser.ClickOn(By.CssSelector("a[href*='/task/new']"));
        Titled("Repair schools");
        browser.ClickOn(By.CssSelector("a[href*='/activity/new']"));
        browser.Choose(By.Name("ResponsibleAgencyId"), "Department of Education of Almaty city");
        SetDate("StartDate", today.AddDays(-30));
        SetDate("DueDate", today.AddDays(-2));
        Type("Budget[1].Planned", "1500000");
        Titled(Activity);
        browser.FindElement(By.CssSelector("#program-tree tr[data-activity]")).Text.ShouldContain(Activity);

        // The officer reports 40 % on the activity.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.FirstSignIn(wait, server, "edu-officer", officerPassword, "Officer-password-2026");
        browser.Navigate().GoToUrl(new Uri(server.Address, "/programs/my-activities?lang=en"));
        browser.ClickOn(By.CssSelector("#my-activities a[href$='/report']"));
        wait.Until(b => b.FindElements(By.Id("report-form")).Count == 1);
        Type("Text", "Design documents approved; the contractor is chosen.");
        Type("PercentComplete", "40");
        browser.ClickOn(By.CssSelector("#report-form button[type=submit]"));
        wait.Until(b => b.Url.Contains("/programs/my-activities", StringComparison.Ordinal));

        // The planner reads the goal and the activity in this quarter's monitoring report.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.SignIn(wait, server, "city-planner", "Planner-password-2026");
        var quarter = ((today.Month - 1) / 3) + 1;
        browser.Navigate().GoToUrl(new Uri(server.Address, $"/programs/{program}/monitoring?year={today.Year}&quarter={quarter}&lang=en"));
        wait.Until(b => b.FindElements(By.Id("monitoring-report")).Count == 1);
        browser.FindElement(By.Id("report-period")).Text.ShouldBe($"Quarter {quarter} of {today.Year}");
        browser.FindElement(By.CssSelector("[data-report-table='Target indicators']")).Text.ShouldContain($"1.1. {Goal}");
        var overdue = browser.FindElement(By.CssSelector("[data-report-table='Overdue activities'] tbody tr")).Text;
        overdue.ShouldContain(Activity);
        overdue.ShouldContain("40.0%");
        Chromium.Screenshot(browser, "programs-monitoring-en.png");
    }

    // Creates a user of Almaty with one role (and agency) on the administration page; returns the one-time password.
    private static string CreateUser(
        ChromeDriver browser, WebDriverWait wait, QalaServer server, string userName, string role, string? agency)
    {
        browser.Navigate().GoToUrl(new Uri(server.Address, "/admin/users?lang=en"));
        browser.FindElement(By.Name("UserName")).SendKeys(userName);
        browser.FindElement(By.Name("Form.DisplayName")).SendKeys(userName);
        browser.FindElement(By.Name("Form.Email")).SendKeys($"{userName}@example.kz");
        browser.ClickOn(By.Id($"role-{role}"));
        if (agency is not null)
        {
            browser.Choose(By.Name("Form.AgencyId"), agency);
        }

        browser.Choose(By.Name("Form.TerritoryIds"), "Almaty city");
        browser.ClickOn(By.CssSelector("main form[method=post] button[type=submit]"));
        return wait.Until(b => b.FindElements(By.Id("one-time-password")).FirstOrDefault())!.Text;
    }
}
