using Microsoft.Playwright;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// A step form of the case page on a phone-sized screen in a real browser (Debian's Chromium, driven by Playwright):
/// a missing field or a single collector is shown beside its field before anything is sent; the completed form advances
/// the case to 调查取证.
/// </summary>
public sealed class PenaltyStepBrowserTests : IAsyncLifetime
{
    private PenaltyTestBed _bed = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bed = await PenaltyTestBed.StartAsync(null);
        _playwright = await Playwright.CreateAsync();
        _browser = await Infrastructure.Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task EvidenceForm_OnAPhone_IsCheckedInTheBrowser_AndACompleteOneAdvancesTheCase()
    {
        var driver = await CaseDriver.FileAsync(_bed);
        var url = _bed.App.Urls.First();
        var page = await Infrastructure.Chromium.SignedInPhonePageAsync(_browser, url, "A001", _bed.Password("A001"));
        await page.GotoAsync($"{url}/penalty-cases/{driver.Id}");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        const string form = "#step-record-evidence";

        await page.SelectOptionAsync($"{form} select[name='Input.Kind']", "InspectionRecord");
        await page.UncheckAsync($"{form} input[name='Input.Collectors'][value='A002']");
        await page.ClickAsync($"{form} button[type=submit]");

        (await page.InnerTextAsync($"{form} [data-valmsg-for='Input.Description']")).ShouldBe("请填写证据内容");
        (await page.InnerTextAsync($"{form} [data-valmsg-for='Input.Collectors']")).ShouldContain("第四十二条");
        posts.ShouldBe(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390); // nothing wider than the phone

        await page.CheckAsync($"{form} input[name='Input.Collectors'][value='A002']");
        await page.FillAsync($"{form} textarea[name='Input.Description']", "现场检查笔录：货架上有超过保质期的牛奶12盒");
        await page.ClickAsync($"{form} button[type=submit]");
        await page.WaitForSelectorAsync("p.ok");

        posts.ShouldBe(1);
        (await page.InnerTextAsync("p.ok")).ShouldContain("案件现处于「调查取证」阶段");
        (await page.InnerTextAsync("ol.stages li.current")).ShouldBe("调查取证");
        (await _bed.ScalarAsync<string>("SELECT stage FROM penalty_cases WHERE id = @id", new { id = driver.Id })).ShouldBe("Investigating");
    }
}
