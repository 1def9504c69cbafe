using Microsoft.Playwright;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// A penalty test bed with Debian's Chromium (driven by Playwright) for the case page's forms at phone width: a newly
/// filed case opened by officer A001, with a count of the POSTs the page has sent so far.
/// </summary>
public abstract class PenaltyPhoneBrowser : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected PenaltyTestBed Bed { get; private set; } = null!;

    /// <summary>Settings of the app under test (null: the defaults).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Bed = await PenaltyTestBed.StartAsync(null, Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await Infrastructure.Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Bed.DisposeAsync();
    }

    /// <summary>Files a case and opens its page on a phone, signed in as A001.</summary>
    protected async Task<(CaseDriver Driver, IPage Page, Func<int> Posts)> OpenNewCaseAsync()
    {
        var driver = await CaseDriver.FileAsync(Bed);
        var url = Bed.App.Urls.First();
        var page = await Infrastructure.Chromium.SignedInPhonePageAsync(_browser, url, "A001", Bed.Password("A001"));
        await page.GotoAsync($"{url}/penalty-cases/{driver.Id}");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        return (driver, page, () => posts);
    }
}
