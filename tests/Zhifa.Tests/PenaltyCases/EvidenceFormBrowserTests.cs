using Microsoft.Playwright;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// The case page's 调查取证 form with files in a real browser (Debian's Chromium, driven by Playwright), at phone width: a
/// file over the configured limit is caught beside the field before anything is sent; files within it are sent with the
/// step, listed under the evidence item and downloaded as they were chosen.
/// </summary>
public sealed class EvidenceFormBrowserTests : PenaltyPhoneBrowser
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ZHIFA_EVIDENCE_MAX_MB"] = "1" };

    [Fact]
    public async Task EvidenceForm_WithFiles_ChecksTheSizeInTheBrowserAndListsTheSentFilesForDownload()
    {
        var (driver, page, posts) = await OpenNewCaseAsync();
        const string form = "#step-record-evidence";
        await page.SelectOptionAsync($"{form} select[name='Input.Kind']", "AudioVisual");
        await page.FillAsync($"{form} textarea[name='Input.Description']", "执法记录仪视频和现场照片");

        await page.SetInputFilesAsync($"{form} input[name='Input.Files']",
            new FilePayload { Name = "执法记录仪.mp4", MimeType = "video/mp4", Buffer = new byte[1024 * 1024 + 1] });
        await page.ClickAsync($"{form} button[type=submit]");

        (await page.InnerTextAsync($"{form} [data-valmsg-for='Input.Files']")).ShouldBe("证据文件“执法记录仪.mp4”超过 1 MB 的上限");
        posts().ShouldBe(0);

        var photo = "现场照片：货架上的过期牛奶"u8.ToArray();
        await page.SetInputFilesAsync($"{form} input[name='Input.Files']", new[]
        {
            new FilePayload { Name = "现场照片.jpg", MimeType = "image/jpeg", Buffer = photo },
            new FilePayload { Name = "询问笔录.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4"u8.ToArray() },
        });
        await page.ClickAsync($"{form} button[type=submit]");
        await page.WaitForSelectorAsync("p.ok");

        posts().ShouldBe(1);
        var evidence = await page.InnerTextAsync("#evidence");
        evidence.ShouldContain("现场照片.jpg");
        evidence.ShouldContain("询问笔录.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#evidence a:has-text('现场照片.jpg')"));
        download.SuggestedFilename.ShouldBe("现场照片.jpg");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(photo);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390);
    }
}
