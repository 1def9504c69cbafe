using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhifa.Accounts;
using Zhifa.Data.Import;
using Zhifa.Data.Storage;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web;

namespace Zhifa.Tests.Reports;

/// <summary>The Hedong data set in a real web app, with the supervision office and the 河东区司法局's administrator.</summary>
public sealed class HedongReportFixture : IAsyncLifetime
{
    public const string OwnAgency = "120102008";
    public const string OwnAgencyName = "河东区司法局";

    private readonly Dictionary<string, string> _passwords = [];
    public TempDirectory Dir { get; } = TestPaths.NewTempDirectory();
    public DatabaseTarget Target { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public string Url => App.Urls.First();

    public Task InitializeAsync() => StartAsync(TestDatabases.SqliteAsync(Dir));

    /// <summary>Imports the fixture into the migrated database and starts the app on it with the two accounts.</summary>
    public async Task StartAsync(Task<DatabaseTarget> database)
    {
        Target = await database;
        var errors = new ListErrorSink();
        var outcome = await new ExchangeImporter(Target, new ImportOptions(), TimeProvider.System).RunAsync(TestPaths.HedongFixture, errors);
        if (!outcome.Committed)
            throw new InvalidOperationException(string.Join("\n", errors.Errors));
        App = WebApp.Build(Target, ["http://127.0.0.1:0"]);
        await App.StartAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        _passwords["sup"] = (await accounts.CreateAsync("sup", "supervisor", null)).Value.Password;
        _passwords["adm008"] = (await accounts.CreateAsync("adm008", "agency-admin", OwnAgency)).Value.Password;
    }

    public string Password(string user) => _passwords[user];

    public async Task<HttpClient> ClientAsAsync(string user)
    {
        return await new HttpClient { BaseAddress = new Uri(Url) }.SignInAsync(user, Password(user));
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }
}

/// <summary>
/// Issue 4 item 5: the annual report of the Hedong fixture in Markdown, Word, Excel and PDF carries its figures, through the
/// CLI and the API; the PDF is rendered to images and the report page is opened in headless Chromium; an agency account
/// downloads only its own agency.
/// </summary>
public sealed class AnnualReportHedongTests(HedongReportFixture bed) : IClassFixture<HedongReportFixture>
{
    // The figures of expected.json and of the md test (HedongFixtureTests).
    private static readonly string[] Figures = ["31065", "29065", "1968", "982", "上升27.1%"];
    private static readonly string[] Sentences =
    [
        "共办理行政执法案件31065件,包括行政检查29065件、行政处罚1968件、其他类型32件,年度办案量同比上升27.1%",
        "共有持证行政执法人员982人",
    ];

    private async Task<byte[]> CliAsync(string format)
    {
        var file = bed.Dir.File($"report-{Guid.NewGuid():N}.{format}");
        var run = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "report", "annual", "--year", "2023", "--format", format, "--out", file);
        run.ExitCode.ShouldBe(0, run.StdErr);
        return await File.ReadAllBytesAsync(file);
    }

    [Fact]
    public async Task ReportAnnual_AsMarkdown_KeepsTheSeedStructureAndAddsTheWorkAndCharts()
    {
        var md = System.Text.Encoding.UTF8.GetString(await CliAsync("md"));

        foreach (var text in Sentences.Concat(["## 一、基本情况", "## 二、各执法机关办案情况", "## 三、年度执法监督工作", "## 四、监督发现的问题",
                     "### (三)未在7个工作日内公示的处罚决定(22件)", "**图1 2023年各月行政执法案件数**", "| 1月 | 2269 |", "| 行政检查 | 29065 |", "**图3 办案量前15位的执法机关**",
                     "### (一)执法公示", "### (五)平台预警(0条)", "| 行政执法案件 | 31065 | 件 |"]))
            md.ShouldContain(text);
        md.ShouldNotContain("法制审核情况"); // no legal review was recorded in the fixture: the subsection is left out
    }

    [Fact]
    public async Task ReportAnnual_AsDocx_CarriesTheFiguresTablesAndThreeChartImages()
    {
        var docx = await CliAsync("docx");

        var text = Docx.Text(docx);
        foreach (var figure in Figures.Concat(Sentences).Concat(["一、基本情况", "河东区军粮城街道办事处", "图2 2023年行政执法案件类别"]))
            text.ShouldContain(figure);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        using var document = Docx.Open(docx);
        document.MainDocumentPart!.ImageParts.Count().ShouldBe(3);
        document.MainDocumentPart.ImageParts.ShouldAllBe(p => p.ContentType == "image/png");
    }

    [Fact]
    public async Task ReportAnnual_AsXlsx_HasOneSheetPerTableWithNumbersAsNumbers()
    {
        var xlsx = await CliAsync("xlsx");

        ReportFiles.XlsxValidationErrors(xlsx).ShouldBeEmpty();
        var sheets = ReportFiles.Sheets(xlsx);
        sheets.Keys.ShouldBe(["报告", "主要指标", "2023年各月行政执法案件数", "2023年行政执法案件类别", "各执法机关办案情况", "办案量前15位的执法机关"], ignoreOrder: false);
        var text = string.Join("\n", sheets["报告"].SelectMany(r => r).Select(c => c.Text));
        foreach (var sentence in Sentences)
            text.ShouldContain(sentence);
        var figures = sheets["主要指标"].Skip(1).ToDictionary(r => r[0].Text, r => r[1]);
        figures["行政执法案件"].ShouldBe(("31065", true));
        figures["行政检查"].ShouldBe(("29065", true));
        figures["行政处罚"].ShouldBe(("1968", true));
        figures["持证行政执法人员"].ShouldBe(("982", true));
        figures["办案量同比增长"].ShouldBe(("27.1", true));
        var agencies = sheets["各执法机关办案情况"];
        agencies[0].Select(c => c.Text).ShouldBe(["机关编码", "机关名称", "类别", "持证人员", "参与办案人员", "案件总数", "行政检查", "行政处罚", "其他类型", "零执法月数"]);
        agencies.Count.ShouldBe(43); // the header and 42 agencies
        agencies.Skip(1).Sum(r => long.Parse(r[5].Text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(31065);
        agencies.Skip(1).ShouldAllBe(r => r[5].IsNumber && !r[0].IsNumber);
    }

    [Fact]
    public async Task ReportAnnual_AsPdf_CarriesTheFiguresInChineseAndRendersWithCharts()
    {
        var pdf = await CliAsync("pdf");

        var text = await ReportFiles.PdfTextAsync(pdf, bed.Dir.Path);
        foreach (var figure in Figures.Concat(["2023年度行政执法工作报告", "一、基本情况", "河东区军粮城街道办事处", "图3 办案量前15位的执法机关"]))
            text.ShouldContain(figure);
        text.Replace(" ", "", StringComparison.Ordinal).ShouldContain("—1—"); // the page number
        (await ReportFiles.PdfPagesAsync(pdf, bed.Dir.Path)).ShouldBeGreaterThan(3);

        // Rendered by poppler: the first page is text (ink, no bars), the second holds the charts of 一、基本情况.
        using var first = await ReportFiles.RenderPageAsync(pdf, 1, bed.Dir.Path);
        using var second = await ReportFiles.RenderPageAsync(pdf, 2, bed.Dir.Path);
        first.Width.ShouldBeInRange(400, 420); // A4 at 50 dpi
        var (ink, bars) = ReportFiles.Coverage(first);
        ink.ShouldBeGreaterThan(0.01);
        bars.ShouldBeLessThan(0.001);
        ReportFiles.Coverage(second).Bars.ShouldBeGreaterThan(0.03);
    }

    [Fact]
    public async Task ReportAnnual_WithAnUnknownFormat_ExitsTwoInChinese()
    {
        var run = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "report", "annual", "--year", "2023", "--format", "odt");

        run.ExitCode.ShouldBe(2);
        run.StdErr.ShouldContain("--format 无效:odt,应为 json、md、docx、xlsx 或 pdf");
    }

    [Theory]
    [InlineData("md", "text/markdown")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("pdf", "application/pdf")]
    public async Task ReportsApi_ForTheSupervisor_GivesEachFormatOfTheWholeDistrict(string format, string contentType)
    {
        using var sup = await bed.ClientAsAsync("sup");

        var response = await sup.GetAsync($"/api/v1/reports/annual?year=2023&format={format}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"2023年度行政执法工作报告-区划 120102.{format}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = format switch
        {
            "md" => System.Text.Encoding.UTF8.GetString(bytes),
            "docx" => Docx.Text(bytes),
            "xlsx" => string.Join("\n", ReportFiles.Sheets(bytes).Values.SelectMany(s => s).SelectMany(r => r).Select(c => c.Text)),
            _ => await ReportFiles.PdfTextAsync(bytes, bed.Dir.Path),
        };
        foreach (var figure in Figures)
            text.ShouldContain(figure);
    }

    [Fact]
    public async Task ReportsApi_ForAnAgencyAccount_GivesOnlyItsOwnAgency()
    {
        using var own = await bed.ClientAsAsync("adm008");

        var xlsx = await own.GetByteArrayAsync("/api/v1/reports/annual?year=2023&format=xlsx");
        var agencies = ReportFiles.Sheets(xlsx)["各执法机关办案情况"];
        agencies.Count.ShouldBe(2);
        agencies[1][0].Text.ShouldBe(HedongReportFixture.OwnAgency);
        agencies[1][1].Text.ShouldBe(HedongReportFixture.OwnAgencyName);
        var docx = Docx.Text(await own.GetByteArrayAsync("/api/v1/reports/annual?year=2023&format=docx"));
        docx.ShouldContain($"{HedongReportFixture.OwnAgencyName} 2023年度行政执法工作报告");
        docx.ShouldContain("2023年本机关1个行政执法机关");
        docx.ShouldNotContain("31065");
        docx.ShouldNotContain("河东区市场监督管理局");

        var other = await own.GetAsync("/api/v1/reports/annual?year=2023&format=pdf&agency=120102001");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var region = await own.GetAsync("/api/v1/reports/annual?year=2023&format=pdf&region=120102");
        region.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await region.Content.ReadAsStringAsync()).ShouldContain("本账户只能查看本机关的统计数据");
    }

    [Fact]
    public async Task ReportsApi_WithoutAFormatOrWithABadYear_Is400InChinese()
    {
        using var sup = await bed.ClientAsAsync("sup");

        var noFormat = await sup.GetAsync("/api/v1/reports/annual?year=2023");
        var badYear = await sup.GetAsync("/api/v1/reports/annual?year=23&format=pdf");

        noFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noFormat.Content.ReadAsStringAsync()).ShouldContain("请指定格式 format:md、docx、xlsx 或 pdf");
        badYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badYear.Content.ReadAsStringAsync()).ShouldContain("无效,应为四位年份");
    }

    [Fact]
    public async Task ReportPage_InChromium_ShowsTheReportWithItsChartsAndDownloadsThePdf()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.SignedInPhonePageAsync(browser, bed.Url, "sup", bed.Password("sup"));
        await page.SetViewportSizeAsync(1200, 900);

        await page.GotoAsync(bed.Url + "/reports/annual?year=2023");

        var article = await page.InnerTextAsync("article.report");
        foreach (var sentence in Sentences.Concat(["一、基本情况", "四、监督发现的问题", "河东区军粮城街道办事处"]))
            article.ShouldContain(sentence);
        var widths = await page.EvalOnSelectorAllAsync<int[]>("figure.chart img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)");
        widths.ShouldBe([1600, 1600, 1600]);
        var shot = bed.Dir.File("report-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        using (var bitmap = SkiaSharp.SKBitmap.Decode(shot))
        {
            bitmap.Height.ShouldBeGreaterThan(2000);
            ReportFiles.Coverage(bitmap).Bars.ShouldBeGreaterThan(0.01); // the charts' bars are drawn on the page
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.button:text-is('PDF')"));
        download.SuggestedFilename.ShouldBe("2023年度行政执法工作报告-区划 120102.pdf");
        var saved = bed.Dir.File("downloaded.pdf");
        await download.SaveAsAsync(saved);
        (await ReportFiles.PdfTextAsync(await File.ReadAllBytesAsync(saved), bed.Dir.Path)).ShouldContain("31065");
    }

    [Fact]
    public async Task ReportPage_ForAnAgencyAccount_ShowsItsOwnAgencyWithoutScopeFields()
    {
        using var client = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "adm008", bed.Password("adm008"));

        var html = await client.GetStringAsync("/reports/annual?year=2023&agency=120102001");
        var download = await client.GetAsync("/reports/annual?handler=download&year=2023&format=md");

        html.ShouldContain("执法主体&quot;120102001&quot;不存在"); // another agency is as if it did not exist
        html.ShouldNotContain("name=\"region\"");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var md = await download.Content.ReadAsStringAsync();
        md.ShouldContain($"# {HedongReportFixture.OwnAgencyName} 2023年度行政执法工作报告");
        md.ShouldNotContain("河东区市场监督管理局");
    }
}
