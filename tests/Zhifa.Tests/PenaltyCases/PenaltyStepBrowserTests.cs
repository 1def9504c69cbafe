using Microsoft.Playwright;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// A step form of the case page on a phone-sized screen in a real browser (Debian's Chromium, driven by Playwright):
/// a missing field or a single collector is shown beside its field before anything is sent; the completed form advances
/// the case to 调查取证.
/// </summary>
public sealed class PenaltyStepBrowserTests : PenaltyPhoneBrowser
{
    [Fact]
    public async Task EvidenceForm_OnAPhone_IsCheckedInTheBrowser_AndACompleteOneAdvancesTheCase()
    {
        var (driver, page, posts) = await OpenNewCaseAsync();
        const string form = "#step-record-evidence";

        await page.SelectOptionAsync($"{form} select[name='Input.Kind']", "InspectionRecord");
        await page.UncheckAsync($"{form} input[name='Input.Collectors'][value='A002']");
        await page.ClickAsync($"{form} button[type=submit]");

        (await page.InnerTextAsync($"{form} [data-valmsg-for='Input.Description']")).ShouldBe("请填写证据内容");
        (await page.InnerTextAsync($"{form} [data-valmsg-for='Input.Collectors']")).ShouldContain("第四十二条");
        posts().ShouldBe(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390); // nothing wider than the phone

        await page.CheckAsync($"{form} input[name='Input.Collectors'][value='A002']");
        await page.FillAsync($"{form} textarea[name='Input.Description']", "现场检查笔录：货架上有超过保质期的牛奶12盒");
        await page.ClickAsync($"{form} button[type=submit]");
        await page.WaitForSelectorAsync("p.ok");

        posts().ShouldBe(1);
        (await page.InnerTextAsync("p.ok")).ShouldContain("案件现处于「调查取证」阶段");
        (await page.InnerTextAsync("ol.stages li.current")).ShouldBe("调查取证");
        (await Bed.ScalarAsync<string>("SELECT stage FROM penalty_cases WHERE id = @id", new { id = driver.Id })).ShouldBe("Investigating");
    }
}
