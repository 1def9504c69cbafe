using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Reports;

namespace Zhifa.Tests.Dashboard;

/// <summary>
/// Issue 4 item 6: the dashboard (首页) of the Hedong fixture — the year's figures with 同比, charts, ranking, alerts — and
/// the drill-down lists behind its figures, whose counts equal the figures (statistics.md); scope enforced on every route.
/// </summary>
public sealed partial class DashboardHedongTests(HedongReportFixture bed) : IClassFixture<HedongReportFixture>
{
    private const string Year = "from=2023-01-01&to=2023-12-31";

    private static async Task<JsonNode> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Dashboard_ForTheSupervisor_ShowsTheYearsFiguresWithYoyChartsAndRanking()
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));

        var html = await sup.GetStringAsync("/?year=2023");

        foreach (var text in new[] { "执法监督概览 · 2023年", "案件同比增长:<strong>上升27.1%</strong>", "31065", "29065", "1968", "982", "执法主体办案排名", "全部执法主体" })
            html.ShouldContain(text);
        html.ShouldContain($"href=\"/cases?{Year.Replace("&", "&amp;")}\"");
        html.ShouldContain($"href=\"/cases?{Year.Replace("&", "&amp;")}&amp;category=penalty\"");
        MonthBars().Matches(html).Count.ShouldBe(12);
        Regex.Matches(html, "<tr>\\s*<td data-label=\"排名\">").Count.ShouldBe(10); // top 10 of 42
        (await sup.GetStringAsync("/?year=2023&all=1")).ShouldContain("<td data-label=\"排名\">42</td>");
    }

    [GeneratedRegex("<rect class=\"bar current\"")]
    private static partial Regex CurrentBars();

    [GeneratedRegex("<a href=\"/cases\\?from=2023-01-01&amp;to=2023-12-31&(amp;)?month=2023-\\d\\d\">\\s*<rect class=\"bar current\"")]
    private static partial Regex MonthBars();

    [Theory]
    [InlineData("", "total")]
    [InlineData("&category=inspection", "inspection")]
    [InlineData("&category=penalty", "penalty")]
    [InlineData("&category=other", "other")]
    public async Task CasesApi_ForEachCaseFigure_CountsWhatTheFigureCounts(string filter, string figure)
    {
        using var sup = await bed.ClientAsAsync("sup");
        var statistics = await JsonAsync(sup, $"/api/v1/statistics?{Year}");

        var list = await JsonAsync(sup, $"/api/v1/cases?{Year}{filter}&pageSize=5");

        var expected = statistics["cases"]![figure]!.GetValue<long>();
        list["total"]!.GetValue<long>().ShouldBe(expected);
        if (figure == "total")
            expected.ShouldBe(31065);
        list["items"]!.AsArray().Count.ShouldBe((int)Math.Min(5, expected));
    }

    [Theory]
    [InlineData("2023-03-15", "2023-05-10", null)] // partial months at both ends: days read from the cases
    [InlineData("2022-11-01", "2023-02-28", null)] // across the year
    [InlineData("2023-01-01", "2023-12-31", "120102008")]
    [InlineData("2023-07-01", "2023-09-30", "120102001")]
    public async Task CasesApi_ForAPeriodAndAgency_EqualsTheStatistics(string from, string to, string? agency)
    {
        using var sup = await bed.ClientAsAsync("sup");
        var scope = agency is null ? "" : $"&agency={agency}";
        var statistics = await JsonAsync(sup, $"/api/v1/statistics?from={from}&to={to}{scope}");

        var list = await JsonAsync(sup, $"/api/v1/cases?from={from}&to={to}{scope}&pageSize=500");
        var items = list["items"]!.AsArray();

        list["total"]!.GetValue<long>().ShouldBe(statistics["cases"]!["total"]!.GetValue<long>());
        // newest first, inside the period
        var filed = items.Select(i => DateOnly.Parse(i!["filedOn"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        filed.ShouldBe(filed.OrderByDescending(d => d).ToList());
        filed.ShouldAllBe(d => d >= DateOnly.Parse(from, CultureInfo.InvariantCulture) && d <= DateOnly.Parse(to, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CasesApi_ByAgencyCategoryAndMonth_EqualsTheChartsFigures()
    {
        using var sup = await bed.ClientAsAsync("sup");
        var statistics = await JsonAsync(sup, $"/api/v1/statistics?{Year}");
        var january = await JsonAsync(sup, "/api/v1/statistics?from=2023-01-01&to=2023-01-31");

        foreach (var (category, counts) in statistics["byAgencyCategory"]!.AsObject())
        {
            var list = await JsonAsync(sup, $"/api/v1/cases?{Year}&agencyCategory={Uri.EscapeDataString(category)}&pageSize=1");
            list["total"]!.GetValue<long>().ShouldBe(counts!["total"]!.GetValue<long>(), category);
        }
        var month = await JsonAsync(sup, $"/api/v1/cases?{Year}&month=2023-01&pageSize=1");
        month["total"]!.GetValue<long>().ShouldBe(january["cases"]!["total"]!.GetValue<long>());
        month["total"]!.GetValue<long>().ShouldBe(2269); // 图1's January
    }

    [Fact]
    public async Task CasesApi_PagedThroughTheDecisions_AddsUpToTheFines()
    {
        using var sup = await bed.ClientAsAsync("sup");
        var statistics = await JsonAsync(sup, $"/api/v1/statistics?{Year}&agency=120102001");

        long fen = 0, rows = 0, total;
        var numbers = new HashSet<string>();
        var page = 1;
        do
        {
            var list = await JsonAsync(sup, $"/api/v1/cases?{Year}&agency=120102001&basis=decided&pageSize=20&page={page++}");
            total = list["total"]!.GetValue<long>();
            foreach (var item in list["items"]!.AsArray())
            {
                numbers.Add(item!["number"]!.GetValue<string>()).ShouldBeTrue();
                fen += item["fineFen"]?.GetValue<long>() ?? 0;
                rows++;
            }
        } while (rows < total && page < 100);

        rows.ShouldBe(total);
        total.ShouldBeGreaterThan(20); // more than one page was read
        (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture).ShouldBe(statistics["fines"]!.GetValue<string>());
    }

    [Fact]
    public async Task OfficersList_CertifiedOnThePeriodEnd_CountsTheCertifiedOfficersFigure()
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));
        using var api = await bed.ClientAsAsync("sup");
        var agency = await JsonAsync(api, $"/api/v1/statistics?{Year}&agency=120102001");

        var dashboard = await sup.GetStringAsync("/?year=2023");
        var page = await sup.GetStringAsync("/officers?certifiedOn=2023-12-31&region=120102");
        var own = await JsonAsync(api, "/api/v1/officers?certifiedOn=2023-12-31&agency=120102001&pageSize=1");

        dashboard.ShouldContain("href=\"/officers?certifiedOn=2023-12-31\"");
        page.ShouldContain("共 982 人");
        own["total"]!.GetValue<long>().ShouldBe(agency["certifiedOfficers"]!.GetValue<long>());
    }

    [Fact]
    public async Task CasesPage_ShowsTheFiguresCountAndNewestCasesFirst()
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));

        var html = await sup.GetStringAsync($"/cases?{Year}&category=penalty");

        html.ShouldContain("共 <strong class=\"total\">1968</strong> 件");
        html.ShouldContain("第 1 / 40 页");
        Regex.Matches(html, "<td data-label=\"案件编号\">").Count.ShouldBe(50);
    }

    [Fact]
    public async Task ProblemLists_CountWhatTheTilesCount()
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));
        using var api = await bed.ClientAsAsync("sup");
        var statistics = await JsonAsync(api, $"/api/v1/statistics?{Year}");

        foreach (var (list, key) in new[] { ("zero", "zeroEnforcementMonths"), ("overdue", "overduePenaltyCases"), ("late", "latePublicity"), ("unpublished", "unpublishedDecisions") })
        {
            var html = await sup.GetStringAsync($"/dashboard/lists?list={list}&{Year}");
            html.ShouldContain($"<strong class=\"total\">{statistics[key]!.AsArray().Count}</strong>", customMessage: list);
        }
        // the annual report's "未在7个工作日内公示的处罚决定(22件)"
        (await sup.GetStringAsync($"/dashboard/lists?list=late&{Year}")).ShouldContain("共 <strong class=\"total\">22</strong> 件");
    }

    [Fact]
    public async Task Dashboard_ForAnAgencyAccount_ShowsItsOwnMonthsAndRefusesOtherScopes()
    {
        using var own = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "adm008", bed.Password("adm008"));

        var html = await own.GetStringAsync("/?year=2023");
        var other = await own.GetAsync("/?year=2023&agency=120102001");
        var region = await own.GetAsync("/?year=2023&region=120102");

        html.ShouldContain("本机关 120102008");
        html.ShouldContain("本机关各月办案情况");
        html.ShouldNotContain("执法主体办案排名");
        html.ShouldNotContain("name=\"region\"");
        html.ShouldNotContain("31065");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        region.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await region.Content.ReadAsStringAsync()).ShouldContain("本账户只能查看本机关的统计数据");
    }

    [Fact]
    public async Task CasesList_ForAnAgencyAccount_IsItsOwnAgencyOnly()
    {
        using var api = await bed.ClientAsAsync("adm008");
        using var page = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "adm008", bed.Password("adm008"));
        using var sup = await bed.ClientAsAsync("sup");

        var own = await JsonAsync(api, $"/api/v1/cases?{Year}&pageSize=500");
        var expected = await JsonAsync(sup, $"/api/v1/cases?{Year}&agency={HedongReportFixture.OwnAgency}&pageSize=1");

        own["total"]!.GetValue<long>().ShouldBe(expected["total"]!.GetValue<long>());
        own["items"]!.AsArray().ShouldAllBe(i => i!["agencyCode"]!.GetValue<string>() == HedongReportFixture.OwnAgency);
        (await api.GetAsync($"/api/v1/cases?{Year}&agency=120102001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/cases?{Year}&region=120102")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.GetAsync($"/cases?{Year}&agency=120102001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.GetAsync($"/cases?{Year}&region=120102")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await page.GetAsync($"/dashboard/lists?list=zero&{Year}&agency=120102001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/?from=2023-01-01&to=2023-13-01", "结束日期\"2023-13-01\"无效")]
    [InlineData("/?from=2023-05-01&to=2023-04-01", "结束日期 2023-04-01 早于开始日期 2023-05-01")]
    [InlineData("/?year=2023&quarter=5", "季度 5 无效")]
    [InlineData("/?year=1999", "年份 1999 无效")]
    [InlineData("/cases?from=2023-01-01", "请填写结束日期")]
    [InlineData("/cases?from=2023-01-01&to=2023-12-31&category=xx", "案件类别\"xx\"无效")]
    public async Task Filters_WhenInvalid_Are400WithTheFieldNamedInChinese(string path, string message)
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));

        var response = await sup.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task Dashboard_ForAQuarterAndADistrict_ComparesTheSameQuarterLastYear()
    {
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));
        using var api = await bed.ClientAsAsync("sup");
        var now = await JsonAsync(api, "/api/v1/statistics?from=2023-04-01&to=2023-06-30&region=120102");
        var before = await JsonAsync(api, "/api/v1/statistics?from=2022-04-01&to=2022-06-30&region=120102");

        var html = await sup.GetStringAsync("/?year=2023&quarter=2&region=120102");

        html.ShouldContain("执法监督概览 · 2023年第二季度");
        html.ShouldContain("区划 120102");
        var (n, b) = (now["cases"]!["total"]!.GetValue<long>(), before["cases"]!["total"]!.GetValue<long>());
        html.ShouldContain($"(本期 {n} 件,上年同期 {b} 件)");
        CurrentBars().Matches(html).Count.ShouldBeGreaterThanOrEqualTo(3);
        WebUtility.HtmlDecode(html).ShouldContain("href=\"/cases?from=2023-04-01&to=2023-06-30&region=120102&month=2023-05\"");
    }

    [Fact]
    public async Task Dashboard_AlertPanel_ShowsTheOpenAlertsOfTheScope()
    {
        using var api = await bed.ClientAsAsync("sup");
        (await api.PostAsync("/api/v1/alerts/evaluate", null)).EnsureSuccessStatusCode();
        var open = await JsonAsync(api, "/api/v1/alerts?status=open&pageSize=1");
        using var sup = await Web.PageClient.SignedInAsync(new Uri(bed.Url), "sup", bed.Password("sup"));

        var html = await sup.GetStringAsync("/?year=2023");

        var total = open["total"]!.GetValue<int>();
        total.ShouldBeGreaterThan(0);
        html.ShouldContain($"预警(未关闭 {total} 条)");
        Regex.Matches(html, "<td data-label=\"预警类型\">").Count.ShouldBe(Math.Min(10, total));
    }

    [Fact]
    public async Task Dashboard_InChromium_DrawsTheChartsAndDrillsDownFromABar()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.SignedInPhonePageAsync(browser, bed.Url, "sup", bed.Password("sup"));
        await page.SetViewportSizeAsync(1200, 900);

        await page.GotoAsync(bed.Url + "/?year=2023");

        var heights = await page.EvalOnSelectorAllAsync<double[]>("svg.chart-months rect.bar.current", "rs => rs.map(r => r.getBoundingClientRect().height)");
        heights.Length.ShouldBe(12);
        heights.ShouldAllBe(h => h > 5);
        (await page.Locator("svg.chart-categories rect.bar").CountAsync()).ShouldBeGreaterThan(1);
        var shot = bed.Dir.File("dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        var chart = bed.Dir.File("dashboard-months.png");
        await page.Locator("figure.chart >> nth=0").ScreenshotAsync(new LocatorScreenshotOptions { Path = chart });
        using (var bitmap = SkiaSharp.SKBitmap.Decode(chart))
            BrandPixels(bitmap).ShouldBeGreaterThan(0.05); // the chart's bars in the brand colour are drawn
        using (var bitmap = SkiaSharp.SKBitmap.Decode(shot))
            bitmap.Height.ShouldBeGreaterThan(1500);
        var phone = bed.Dir.File("dashboard-phone.png");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = phone, FullPage = true });
        File.Exists(phone).ShouldBeTrue();

        await page.SetViewportSizeAsync(1200, 900);
        await page.ClickAsync("svg.chart-months a >> nth=0");
        await Chromium.UrlAsync(page, u => u.Contains("/cases?", StringComparison.Ordinal) && u.Contains("month=2023-01", StringComparison.Ordinal),
            "the January bar did not open its case list");
        (await page.InnerTextAsync("strong.total")).ShouldBe("2269");
    }

    /// <summary>The share of pixels in the site's brand red (#9b1c1c), the colour of this period's bars.</summary>
    private static double BrandPixels(SkiaSharp.SKBitmap bitmap)
    {
        long n = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - 0x9b) < 20 && Math.Abs(c.Green - 0x1c) < 20 && Math.Abs(c.Blue - 0x1c) < 20)
                    n++;
            }
        return (double)n / ((long)bitmap.Width * bitmap.Height);
    }
}
