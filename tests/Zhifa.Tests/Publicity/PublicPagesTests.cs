using System.Net;
using static Zhifa.Tests.Publicity.PublicitySeed;

namespace Zhifa.Tests.Publicity;

/// <summary>The public portal's pages, anonymously: Chinese HTML, phone-width viewport, the same data as the API.</summary>
public sealed class PublicPagesTests(SqlitePublicityFixture fixture) : IClassFixture<SqlitePublicityFixture>
{
    [Theory]
    [InlineData("/public", new[] { "行政执法公示", "事前公开", "事后公开", "7 个工作日内公示", "张**" })]
    [InlineData("/public/agencies", new[] { "执法主体", "天津市河东区城市管理委员会", "天津市河东区市场监督管理局" })]
    [InlineData("/public/powers?agency=AGA", new[] { "权责清单", "对销售不合格产品的行政处罚", "《中华人民共和国产品质量法》第四十九条" })]
    [InlineData("/public/powers?q=占道", new[] { "对违法占道经营的行政处罚", "共 1 项" })]
    [InlineData("/public/certificate", new[] { "执法证查询", "执法证号" })]
    [InlineData("/public/certificate?number=A001", new[] { "张伟", "天津市河东区市场监督管理局", "有效" })]
    [InlineData("/public/certificate?number=A009", new[] { "已注销", "2023年6月30日", "目前无效" })]
    [InlineData("/public/certificate?number=X999", new[] { "未查询到执法证号为" })]
    [InlineData("/public/decisions", new[] { "行政处罚决定公示", "当事人", "执法机关", "案件编号", "决定日期", "张**", "欧阳*" })]
    [InlineData("/public/decisions?party=鑫盛&agency=AGA", new[] { "天津市河东区鑫盛商贸有限公司", "罚款 80,000 元" })]
    [InlineData("/public/decisions?from=2024-13-01", new[] { "开始日期", "无效,应为 YYYY-MM-DD" })]
    [InlineData("/public/decisions/" + Org, new[] { "统一社会信用代码", OrgCode, "公示期限", "3年", "《中华人民共和国产品质量法》第四十九条" })]
    [InlineData("/public/procedures", new[] { "行政处罚一般程序", "简易程序", "救济途径", "行政复议", "六十日内", "六个月内" })]
    public async Task PublicPage_WithoutSignIn_ShowsChineseContent(string url, string[] expected)
    {
        var response = await fixture.Server.Anonymous().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldContain("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("width=device-width"); // usable at phone width
        foreach (var text in expected)
            html.ShouldContain(text);
        html.ShouldNotContain("张三丰");
        html.ShouldNotContain("欧阳修");
    }

    [Theory]
    [InlineData(Unpublished)]
    [InlineData(ShortOld)]
    [InlineData("NOPE")]
    public async Task DecisionPage_WhenNotShown_Is404(string number)
    {
        var response = await fixture.Server.Anonymous().GetAsync("/public/decisions/" + number);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DecisionsPage_PagesLikeTheApi()
    {
        var html = await fixture.Server.Anonymous().GetStringAsync("/public/decisions?agency=AGB");

        html.ShouldContain($"共 {AgencyB.Length} 件");
        foreach (var number in AgencyB)
            html.ShouldContain(number);
    }

    [Fact]
    public async Task LoginPage_LinksThePublicPortal()
    {
        var html = await fixture.Server.Anonymous().GetStringAsync("/login");

        html.ShouldContain("href=\"/public\"");
        html.ShouldContain("行政执法公示");
    }

    [Fact]
    public async Task InternalPages_WithoutSignIn_StillRedirectToLogin()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };

        var response = await client.GetAsync("/officers");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Theory]
    [InlineData("/api/v1/public/agencies", "get", "执法主体")]
    [InlineData("/api/v1/public/powers", "get", "权责清单")]
    [InlineData("/api/v1/public/officers/{certificateNumber}", "get", "执法证查询")]
    [InlineData("/api/v1/public/decisions", "get", "行政处罚决定")]
    [InlineData("/api/v1/public/decisions/{number}", "get", "行政处罚决定")]
    [InlineData("/api/v1/publicity/{caseId}/withdraw", "post", "撤回")]
    [InlineData("/api/v1/publicity/overdue", "get", "未按期公示")]
    public async Task OpenApi_DescribesEachPublicityOperationInChinese(string path, string method, string summary)
    {
        var doc = await PublicityApiTests.JsonAsync(await fixture.Server.Anonymous().GetAsync("/openapi/v1.json"));

        doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!.ShouldContain(summary);
    }
}
