using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Qala.Browser.Tests;

/// <summary>A newcomer's first minutes, in headless Debian Chromium: read, switch to Kazakh, sign in, administer.</summary>
public sealed class SignInJourney
{
    [Fact]
    public async Task A_visitor_switches_to_Kazakh_signs_in_and_reaches_administration()
    {
        using var browser = Chromium.Start();
        await using var server = await QalaServer.StartAsync();
        var wait = browser.Waiting();

        browser.Navigate().GoToUrl(new Uri(server.Address, "/?lang=en"));
        browser.FindElement(By.TagName("h1")).Text.ShouldContain("development program");
        browser.FindElements(By.CssSelector(".fact")).Count.ShouldBeGreaterThan(10);

        browser.FindElement(By.CssSelector("nav.qala-languages a[hreflang=kk]")).Click();
        wait.Until(b => b.FindElement(By.TagName("html")).GetAttribute("lang") == "kk");
        browser.FindElement(By.TagName("h1")).Text.ShouldContain("қаланың даму бағдарламасы");
        browser.FindElement(By.TagName("body")).Text.ShouldContain("Қарағанды облысы");
        Chromium.Screenshot(browser, "home-kk.png");

        browser.FindElement(By.CssSelector("header a[href^='/account/sign-in']")).Click();
        wait.Until(b => b.Url.Contains("/account/sign-in", StringComparison.Ordinal));
        browser.FindElement(By.Name("Form.UserName")).SendKeys("admin");
        browser.FindElement(By.Name("Form.Password")).SendKeys(QalaServer.AdminPassword);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();

        var administration = wait.Until(b => b.FindElements(By.CssSelector("nav.qala-nav a[href='/admin']")).FirstOrDefault());
        administration!.Text.ShouldBe("Әкімшілік");
        administration.Click();
        wait.Until(b => b.Url.EndsWith("/admin", StringComparison.Ordinal));
        browser.FindElement(By.TagName("h1")).Text.ShouldBe("Әкімшілік");
        browser.FindElement(By.CssSelector(".qala-user")).Text.ShouldBe("admin");
        Chromium.Screenshot(browser, "admin-kk.png");

        // htmx: the audit chain is verified in place, without leaving the page.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/admin/audit"));
        browser.FindElement(By.CssSelector("#chain-status a")).Click();
        var verdict = wait.Until(b => b.FindElements(By.Id("chain-result")).FirstOrDefault());
        verdict!.GetAttribute("data-intact").ShouldBe("true");
        browser.Url.ShouldEndWith("/admin/audit");
        Chromium.Screenshot(browser, "audit-kk.png");

        browser.Navigate().GoToUrl(new Uri(server.Address, "/admin/calendar?year=2026&from=2026-03-20&days=1"));
        browser.FindElement(By.Id("calculator-result")).Text.ShouldContain("26.03.2026");
        Chromium.Screenshot(browser, "calendar-kk.png");

        // htmx: typing in the search box replaces the table's rows.
        browser.Navigate().GoToUrl(new Uri(server.Address, "/territories"));
        browser.FindElement(By.Id("territory-search")).SendKeys("Шымкент");
        wait.Until(b => b.FindElements(By.CssSelector("#territory-rows tr")).Count == 1);
        browser.FindElement(By.CssSelector("#territory-rows code")).Text.ShouldBe("790000000");
        Chromium.Screenshot(browser, "territories-search-kk.png");
    }
}

/// <summary>Debian's Chromium and ChromeDriver; nothing is downloaded.</summary>
internal static class Chromium
{
    public static ChromeDriver Start()
    {
        var binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        var driver = new[] { "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver" }.FirstOrDefault(File.Exists);
        if (binary is null || driver is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true but Chromium or ChromeDriver is missing: apt-get install chromium chromium-driver.");
            }

            Assert.Skip("Browser lane skipped: apt-get install chromium chromium-driver to run it.");
        }

        var options = new ChromeOptions { BinaryLocation = binary };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,900",
            "--lang=en-US", $"--user-data-dir={Directory.CreateTempSubdirectory("qala-chromium-").FullName}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// A wait that reads the page again when an element it looked at was replaced meanwhile (a form posted, a list
    /// swapped by htmx): a condition that finds the old element and reads it as the new page arrives is asked again.
    /// </summary>
    public static WebDriverWait Waiting(this IWebDriver browser, int seconds = 20)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(seconds));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    /// <summary>Clicks an element as a person would reach it: scrolled into view first, so no sticky header covers it.</summary>
    public static void ClickOn(this IWebDriver browser, By target) =>
        ((IJavaScriptExecutor)browser).ExecuteScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", browser.FindElement(target));

    /// <summary>Chooses the option whose text contains <paramref name="text"/>, and tells the page's script that it changed.</summary>
    public static void Choose(this IWebDriver browser, By select, string text) =>
        ((IJavaScriptExecutor)browser).ExecuteScript(
            "const s = arguments[0]; [...s.options].find(o => o.text.includes(arguments[1])).selected = true; s.dispatchEvent(new Event('change', { bubbles: true }));",
            browser.FindElement(select),
            text);

    /// <summary>Signs in through the sign-in page and waits until it is left.</summary>
    public static void SignIn(this IWebDriver browser, WebDriverWait wait, QalaServer server, string user, string password)
    {
        browser.Navigate().GoToUrl(new Uri(server.Address, "/account/sign-in?lang=en"));
        browser.FindElement(By.Name("Form.UserName")).SendKeys(user);
        browser.FindElement(By.Name("Form.Password")).SendKeys(password);
        browser.ClickOn(By.CssSelector("main form button[type=submit]"));
        wait.Until(b => !b.Url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>A new user's first sign-in with the one-time password, replaced by <paramref name="password"/>.</summary>
    public static void FirstSignIn(this IWebDriver browser, WebDriverWait wait, QalaServer server, string user, string oneTimePassword, string password)
    {
        browser.SignIn(wait, server, user, oneTimePassword);
        wait.Until(b => b.FindElements(By.Name("Form.NewPassword")).Count == 1);
        browser.FindElement(By.Name("Form.CurrentPassword")).SendKeys(oneTimePassword);
        browser.FindElement(By.Name("Form.NewPassword")).SendKeys(password);
        browser.FindElement(By.Name("Form.ConfirmPassword")).SendKeys(password);
        browser.ClickOn(By.CssSelector("main form button[type=submit]"));
        wait.Until(b => b.FindElements(By.Name("Form.NewPassword")).Count == 0);
    }

    public static void Screenshot(IWebDriver browser, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
