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
}
