using Microsoft.Playwright;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The form's own checks in a real browser (Debian's Chromium, driven by Playwright): a wrong check character or a
/// missing second officer is shown beside its field before anything is sent; a correct form goes to the server.
/// </summary>
public sealed class InspectionFormBrowserTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bed = await InspectionBed.StartAsync(null);
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
    public async Task Form_WithAWrongCheckCharacterOrOneOfficer_IsStoppedInTheBrowser_AndACorrectOneIsRecorded()
    {
        var url = _bed.App.Urls.First();
        var page = await Infrastructure.Chromium.SignedInPhonePageAsync(_browser, url, "offA", _bed.Password("offA"));
        await page.GotoAsync(url + "/inspections/new");
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        var wrong = PersonId[..17] + (PersonId[17] == '5' ? '6' : '5');

        await page.SelectOptionAsync("select[name='Input.PowerCode']", "PA2");
        await page.CheckAsync("input[name='Input.Officers'][value='A001']");
        await page.SelectOptionAsync("select[name='Input.PartyType']", "自然人");
        await page.FillAsync("input[name='Input.PartyName']", "王芳");
        await page.FillAsync("input[name='Input.PartyIdNumber']", wrong);
        await page.FillAsync("textarea[name='Input.Findings']", "检查了流动摊点的食品经营备案卡");
        await page.ClickAsync("#inspection-form button[type=submit]");

        (await page.InnerTextAsync("[data-valmsg-for='Input.PartyIdNumber']")).ShouldBe($"当事人身份证号第18位校验码应为{PersonId[17]}，实际为{wrong[17]}");
        (await page.InnerTextAsync("[data-valmsg-for='Input.Officers']")).ShouldContain("当前为1名");
        (await page.IsHiddenAsync("#deadline")).ShouldBeTrue(); // only 责令改正 has a deadline
        posts.ShouldBe(0);

        await page.CheckAsync("input[name='Input.Officers'][value='A002']");
        await page.FillAsync("input[name='Input.PartyIdNumber']", PersonId);
        await page.ClickAsync("#inspection-form button[type=submit]");
        await Chromium.UrlAsync(page, u => System.Text.RegularExpressions.Regex.IsMatch(u, "/inspections/\\d+$"), "the saved inspection's page did not open");

        posts.ShouldBe(1);
        (await page.InnerTextAsync("p.ok")).ShouldContain("已记录检查");
        (await WrittenAsync(_bed)).ShouldBe("1,2,1,1,1,1");
    }
}
