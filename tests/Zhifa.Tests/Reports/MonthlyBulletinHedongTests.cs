using System.Globalization;
using System.Net;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Reports;

/// <summary>
/// Issue 4 item 4: the monthly bulletin (监督工作简报) of the Hedong fixture for March 2023, in Markdown and Word through the
/// API and the CLI; the month's and the year-to-date case totals are counted here from cases.csv, not taken from the platform.
/// </summary>
public sealed class MonthlyBulletinHedongTests(HedongReportFixture bed) : IClassFixture<HedongReportFixture>
{
    private const string Title = "2023年3月行政执法监督工作简报";

    /// <summary>Cases of cases.csv whose 立案日期 starts with one of the prefixes, for one agency or all.</summary>
    private static long CountCases(string[] months, string? agency = null)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.HedongFixture, "cases.csv"));
        var header = lines[0].Split(',');
        var (filed, code) = (Array.IndexOf(header, "立案日期"), Array.IndexOf(header, "机关编码"));
        return lines.Skip(1).Select(l => l.Split(','))
            .LongCount(f => months.Any(m => f[filed].StartsWith(m, StringComparison.Ordinal)) && (agency is null || f[code] == agency));
    }

    private static readonly long March = CountCases(["2023-03"]);
    private static readonly long FirstQuarter = CountCases(["2023-01", "2023-02", "2023-03"]);

    [Fact]
    public async Task BulletinApi_AsMarkdown_GivesTheMonthAndTheYearToDate()
    {
        using var sup = await bed.ClientAsAsync("sup");

        var response = await sup.GetAsync("/api/v1/reports/bulletin?month=2023-03&format=md");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/markdown");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{Title}-区划 120102.md");
        var md = await response.Content.ReadAsStringAsync();
        March.ShouldBeGreaterThan(0);
        FirstQuarter.ShouldBeGreaterThan(March);
        foreach (var text in new[]
                 {
                     Title, "## 一、本月执法情况", "## 二、年度累计", "## 三、各执法机关排名", "## 四、零执法与预警",
                     $"共办理行政执法案件{March}件", $"2023年1—3月累计办理行政执法案件{FirstQuarter}件",
                     $"| 行政执法案件 | {March} | {FirstQuarter} | 件 |", "上年同月", "### (一)本月\"零执法\"机关", "### (二)本月平台预警",
                     "| 1 | ", "河东区军粮城街道办事处",
                 })
            md.ShouldContain(text);
        md.ShouldNotContain("五、案卷评查"); // no review finding was recorded in the fixture
    }

    [Fact]
    public async Task BulletinApi_AsDocx_OpensAndCarriesTheSameNumbers()
    {
        using var sup = await bed.ClientAsAsync("sup");

        var response = await sup.GetAsync("/api/v1/reports/bulletin?month=2023-03&format=docx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var docx = await response.Content.ReadAsByteArrayAsync();
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        using (Docx.Open(docx)) { }
        var text = Docx.Text(docx);
        foreach (var figure in new[] { Title, "一、本月执法情况", "三、各执法机关排名", $"共办理行政执法案件{March}件", $"累计办理行政执法案件{FirstQuarter}件" })
            text.ShouldContain(figure);
    }

    [Fact]
    public async Task BulletinApi_ForAnAgencyAccount_GivesOnlyItsOwnAgency()
    {
        using var own = await bed.ClientAsAsync("adm008");

        var md = await own.GetStringAsync("/api/v1/reports/bulletin?month=2023-03&format=md");
        var other = await own.GetAsync("/api/v1/reports/bulletin?month=2023-03&format=md&agency=120102001");
        var region = await own.GetAsync("/api/v1/reports/bulletin?month=2023-03&format=md&region=120102");

        md.ShouldContain($"# {HedongReportFixture.OwnAgencyName} {Title}");
        md.ShouldContain($"本机关1个行政执法机关共办理行政执法案件{CountCases(["2023-03"], HedongReportFixture.OwnAgency)}件");
        md.ShouldContain($"累计办理行政执法案件{CountCases(["2023-01", "2023-02", "2023-03"], HedongReportFixture.OwnAgency)}件");
        md.ShouldNotContain("河东区市场监督管理局");
        md.ShouldNotContain($"{March}件");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        region.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-3")]
    [InlineData("")]
    public async Task BulletinApi_WithABadMonth_Is400InChineseNamingMonth(string month)
    {
        using var sup = await bed.ClientAsAsync("sup");

        var response = await sup.GetAsync($"/api/v1/reports/bulletin?month={month}&format=md");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("月份 month");
        body.ShouldContain("\"month\"");
    }

    [Fact]
    public async Task BulletinApi_AsPdf_Is400NamingTheFormats()
    {
        using var sup = await bed.ClientAsAsync("sup");

        var response = await sup.GetAsync("/api/v1/reports/bulletin?month=2023-03&format=pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("应为 md 或 docx");
    }

    [Fact]
    public async Task ReportBulletin_Cli_WritesMarkdownAndRejectsABadMonth()
    {
        var file = bed.Dir.File($"bulletin-{Guid.NewGuid():N}.md");

        var run = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "report", "bulletin", "--month", "2023-03", "--out", file);
        var bad = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "report", "bulletin", "--month", "2023/03");

        run.ExitCode.ShouldBe(0, run.StdErr);
        var md = await File.ReadAllTextAsync(file);
        md.ShouldContain($"# 区划 120102 {Title}");
        md.ShouldContain($"共办理行政执法案件{March.ToString(CultureInfo.InvariantCulture)}件");
        md.ShouldContain($"累计办理行政执法案件{FirstQuarter.ToString(CultureInfo.InvariantCulture)}件");
        bad.ExitCode.ShouldBe(2);
        bad.StdErr.ShouldContain("--month 无效:2023/03");
    }
}
