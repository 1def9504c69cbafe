using System.Net;
using Zhifa.Tests.CaseFileReviews;
using Zhifa.Tests.Records;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.Rectifications;

/// <summary>The 整改 pages: the office issues a notice from the form, the agency answers, the office returns and accepts; scope.</summary>
public sealed class RectificationPagesTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ReviewBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [Fact]
    public async Task Office_IssuesFromTheForm_AgencyAnswers_OfficeReturnsThenAccepts()
    {
        using var sup = await SignedInAsync("sup");
        (await sup.GetStringAsync("/")).ShouldContain("href=\"/rectifications\"");
        var token = await PageClient.TokenAsync(sup, "/rectifications");

        var bad = await sup.PostAsync("/rectifications", PageClient.Form(token, ("Input.Agency", "AGA"), ("Input.Issues", ""), ("Input.AlertIds", "x")));
        (await bad.Content.ReadAsStringAsync()).ShouldContain("不是编号");
        var noIssues = await sup.PostAsync("/rectifications", PageClient.Form(token, ("Input.Agency", "AGA"), ("Input.Issues", "")));
        (await noIssues.Content.ReadAsStringAsync()).ShouldContain("请填写需要整改的问题");

        var issued = await sup.PostAsync("/rectifications", PageClient.Form(token, ("Input.Agency", "AGA"), ("Input.Issues", "案卷归档不及时")));
        issued.StatusCode.ShouldBe(HttpStatusCode.Redirect, await issued.Content.ReadAsStringAsync());
        var path = issued.Headers.Location!.OriginalString;
        var detail = await sup.GetStringAsync(path);
        foreach (var text in new[] { "已下发整改通知书 执法监督整改〔", "案卷归档不及时", "天津市河东区市场监督管理局", "已下发", "/document" })
            detail.ShouldContain(text);

        using var adminA = await SignedInAsync("adminA");
        var answerToken = await PageClient.TokenAsync(adminA, path);
        (await adminA.PostAsync(path + "?handler=Answer", PageClient.Form(answerToken, ("Text", "已补充归档")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decideToken = await PageClient.TokenAsync(sup, path);
        var noReason = await sup.PostAsync(path + "?handler=Return", PageClient.Form(decideToken, ("Text", "")));
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写退回的理由");
        (await sup.PostAsync(path + "?handler=Return", PageClient.Form(decideToken, ("Text", "未附归档目录")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answerToken = await PageClient.TokenAsync(adminA, path);
        (await adminA.PostAsync(path + "?handler=Answer", PageClient.Form(answerToken, ("Text", "归档目录已附")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        decideToken = await PageClient.TokenAsync(sup, path);
        (await sup.PostAsync(path + "?handler=Accept", PageClient.Form(decideToken, ("Text", "")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await adminA.GetStringAsync(path);
        foreach (var text in new[] { "已通过", "未附归档目录", "归档目录已附", "退回" })
            done.ShouldContain(text);

        using var offB = await SignedInAsync("offB");
        (await offB.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await offB.GetStringAsync("/rectifications")).ShouldContain("共 0 份整改通知书");
    }
}
