using AfterSales.Disputes.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>
/// Headless Chromium driven through chromedriver, both named by <c>AFTERSALES_TEST_CHROMIUM</c> and
/// <c>AFTERSALES_TEST_CHROMEDRIVER</c> (CI installs Debian's <c>chromium</c> and <c>chromium-driver</c>). Without
/// them the test is skipped with a message saying so — unless <c>AFTERSALES_TEST_REQUIRE_SERVICES</c> is
/// <c>true</c> (as in CI), where their absence fails the test.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("aftersales-chromium").FullName;

    private Browser(string chromium, string chromedriver)
    {
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1366,900", $"--user-data-dir={_profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>The driven browser.</summary>
    public ChromeDriver Driver { get; }

    /// <summary>Starts a browser, or skips the test when none is configured here.</summary>
    public static Browser Start()
    {
        var chromium = Environment.GetEnvironmentVariable("AFTERSALES_TEST_CHROMIUM");
        var chromedriver = Environment.GetEnvironmentVariable("AFTERSALES_TEST_CHROMEDRIVER");
        if (File.Exists(chromium) && File.Exists(chromedriver))
        {
            return new Browser(chromium, chromedriver);
        }

        if (string.Equals(Environment.GetEnvironmentVariable("AFTERSALES_TEST_REQUIRE_SERVICES"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("AFTERSALES_TEST_REQUIRE_SERVICES is true but AFTERSALES_TEST_CHROMIUM and AFTERSALES_TEST_CHROMEDRIVER name no browser and driver.");
        }

        throw new SkipException("No browser is configured: set AFTERSALES_TEST_CHROMIUM and AFTERSALES_TEST_CHROMEDRIVER to chromium and chromedriver (CI does).");
    }

    /// <summary>Waits up to twenty seconds for <paramref name="condition"/> to hold (or return an element).</summary>
    public T Wait<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(20)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition)!;
    }

    /// <summary>The visible element with this CSS selector, once there is one.</summary>
    public IWebElement Visible(string css) =>
        Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed)!, $"an element {css} is visible");

    /// <summary>The text of the element with this CSS selector, once it has some.</summary>
    public string TextOf(string css) =>
        Wait(d => d.FindElement(By.CssSelector(css)).Text is { Length: > 0 } text ? text : null, $"{css} has text")!;

    /// <summary>Waits until the element with this CSS selector reads <paramref name="expected"/>, and fails saying what it read otherwise.</summary>
    public void ShouldRead(string css, string expected)
    {
        try
        {
            Wait(d => d.FindElement(By.CssSelector(css)).Text == expected, $"{css} reads \"{expected}\"");
        }
        catch (WebDriverTimeoutException)
        {
            Driver.FindElement(By.CssSelector(css)).Text.Should().Be(expected);
            throw;
        }
    }

    /// <summary>Chooses the option with <paramref name="value"/> in the select with id <paramref name="selectId"/>.</summary>
    public void Choose(string selectId, string value) =>
        Visible($"#{selectId}").FindElement(By.CssSelector($"option[value='{value}']")).Click();

    /// <summary>Writes a PNG of the whole page (not just the window) into <c>TestResults/screenshots</c>; returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults", "screenshots")).FullName;
        var path = Path.Combine(folder, name + ".png");
        var window = Driver.Manage().Window.Size;
        var height = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight"), System.Globalization.CultureInfo.InvariantCulture);
        Driver.Manage().Window.Size = new System.Drawing.Size(window.Width, Math.Max(window.Height, height + 150));
        Driver.GetScreenshot().SaveAsFile(path);
        Driver.Manage().Window.Size = window;
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
