using System.Net;
using Zhifa.Domain.CaseFileReviews;
using Zhifa.Tests.Records;
using Zhifa.Tests.Web;
using static Zhifa.Tests.CaseFileReviews.ReviewBed;

namespace Zhifa.Tests.CaseFileReviews;

/// <summary>The 案卷评查 pages: the office creates a batch from the form, scores a file with the rubric and sees the results; an agency sees its own.</summary>
public sealed class ReviewPagesTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ReviewBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [Fact]
    public async Task Office_CreatesABatchScoresAFileAndSeesResults_AgencySeesOnlyItsOwn()
    {
        using var sup = await SignedInAsync("sup");
        var token = await PageClient.TokenAsync(sup, "/case-file-reviews");

        var bad = await sup.PostAsync("/case-file-reviews", PageClient.Form(token, ("Input.Title", "评查"), ("Input.PeriodFrom", "2024-12-31"),
            ("Input.PeriodTo", "2024-01-01"), ("Input.Agencies", "AGA"), ("Input.Mode", "count"), ("Input.Count", "2")));
        (await bad.Content.ReadAsStringAsync()).ShouldContain("早于开始日期");

        var created = await sup.PostAsync("/case-file-reviews", PageClient.Form(token, ("Input.Title", "2024年度行政处罚案卷评查"),
            ("Input.PeriodFrom", Period2024From), ("Input.PeriodTo", Period2024To), ("Input.Agencies", "AGA"), ("Input.Agencies", "AGB"),
            ("Input.Categories", "行政处罚"), ("Input.Mode", "count"), ("Input.Count", "2"), ("Input.Seed", "20240601"),
            ("Input.ExcellentFrom", "90"), ("Input.GoodFrom", "80"), ("Input.PassFrom", "60")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var detailPath = created.Headers.Location!.OriginalString;
        var detail = await sup.GetStringAsync(detailPath);
        var expectedA = ReviewSampler.DrawOne(20240601, new AgencyCandidates("AGA", AgaCandidates), SamplingRule.Create(2, null, null).Value).CaseNumbers;
        foreach (var text in new[] { "<h1>2024年度行政处罚案卷评查</h1>", "已新建评查批次并抽取 4 件案卷", "20240601", "评查结果", "抽中的案卷", "事实证据",
                     "天津市河东区城市管理委员会", expectedA[0], expectedA[1] })
            detail.ShouldContain(text);

        var filePath = System.Text.RegularExpressions.Regex.Match(detail, "href=\"(/case-file-reviews/\\d+/files/\\d+)\">" + System.Text.RegularExpressions.Regex.Escape(expectedA[0])).Groups[1].Value;
        var fileToken = await PageClient.TokenAsync(sup, filePath);
        var points = ReviewRubric.Default.Items.Select(i => ($"Points[{i.Code}]", i.Code == "SS1" ? "4" : i.MaxPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(("Notes[SS1]", "询问笔录未经当事人签字")).ToArray();
        var scored = await sup.PostAsync(filePath + "?handler=Score", PageClient.Form(fileToken, points));
        scored.StatusCode.ShouldBe(HttpStatusCode.Redirect, await scored.Content.ReadAsStringAsync());
        var found = await sup.PostAsync(filePath + "?handler=Finding", PageClient.Form(fileToken, ("FindingItem", "SS1"), ("FindingText", "询问笔录无当事人签名")));
        found.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tooMany = await sup.PostAsync(filePath + "?handler=Score", PageClient.Form(fileToken, ("Points[GD1]", "11")));
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("0 到 10 分之间");

        var file = await sup.GetStringAsync(filePath);
        foreach (var text in new[] { "94 / 100 分", "优秀", "询问笔录无当事人签名", "询问笔录未经当事人签字" })
            file.ShouldContain(text);
        (await sup.GetStringAsync(detailPath)).ShouldContain("<td data-label=\"平均分\">94</td>");

        using var offB = await SignedInAsync("offB");
        var own = await offB.GetStringAsync(detailPath);
        own.ShouldContain("天津市河东区城市管理委员会");
        own.ShouldNotContain(expectedA[0]);
        own.ShouldNotContain("结束评查");
        (await offB.GetAsync(filePath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await offB.GetStringAsync("/case-file-reviews")).ShouldNotContain("新建评查批次");
    }
}
