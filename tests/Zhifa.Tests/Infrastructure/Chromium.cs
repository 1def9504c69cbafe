using Microsoft.Playwright;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Debian's Chromium (installed by .ci/run) driven by Playwright, headless, for the browser tests.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>
    /// A page at phone size (390×844) signed in through the login form. Generous waits: under the whole suite on two cores,
    /// the first page can take longer than the 30 s default.
    /// </summary>
    public static async Task<IPage> SignedInPhonePageAsync(IBrowser browser, string url, string userName, string password)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, AcceptDownloads = true });
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        await page.GotoAsync(url + "/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form button[type=submit]");
        await UrlAsync(page, u => u == url + "/", $"sign-in as {userName} did not reach {url}/");
        await page.Locator("form.who button[type=submit]").WaitForAsync();
        return page;
    }

    /// <summary>
    /// Waits until the page's URL matches, then returns; elements are awaited by the locators that read them. Not
    /// WaitForURLAsync: it checks the URL and then subscribes to the `load` event, and can miss a `load` that fires in
    /// between (microsoft/playwright-dotnet#3364, open) — twice a full run here ended in its 120 s timeout on a page that
    /// had long been shown.
    /// </summary>
    public static async Task UrlAsync(IPage page, Func<string, bool> matches, string failure)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(page.Url))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                var shown = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText.slice(0, 400) : ''");
                throw new TimeoutException($"{failure}: the page is {page.Url}, showing: {shown}");
            }
            await Task.Delay(50);
        }
    }
}
