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
        try
        {
            await page.WaitForURLAsync(url + "/");
        }
        catch (TimeoutException e)
        {
            // Say where the browser is and what it shows, so a sign-in that never reaches the dashboard can be told apart
            // from a slow one (seen once under a loaded full run).
            var shown = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText.slice(0, 400) : ''");
            throw new TimeoutException($"sign-in as {userName} did not reach {url}/: the page is {page.Url}, showing: {shown}", e);
        }
        return page;
    }
}
