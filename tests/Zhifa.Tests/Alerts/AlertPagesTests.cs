using System.Net;
using Zhifa.Tests.Records;
using Zhifa.Tests.Web;
using static Zhifa.Tests.Alerts.AlertBed;

namespace Zhifa.Tests.Alerts;

/// <summary>The 预警 inbox page: the supervision office recalculates and sees every agency; an agency sees its own.</summary>
public sealed class AlertPagesTests : IAsyncLifetime
{
    private RecordTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await AlertBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [Fact]
    public async Task Inbox_SupervisorRecalculates_ThenEachAgencySeesOnlyItsOwnInChinese()
    {
        using var sup = await SignedInAsync("sup");
        var token = await PageClient.TokenAsync(sup, "/alerts");

        var posted = await sup.PostAsync("/alerts?handler=Evaluate", PageClient.Form(token));
        var list = await sup.GetStringAsync("/alerts");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect); // back to the inbox, with the message
        list.ShouldContain("<a href=\"/alerts\">预警</a>");
        foreach (var text in new[] { "<h1>预警</h1>", "预警已重新计算", "立即重新计算", "未关闭", "处罚决定超期", "处罚决定逾期公示", "行政处罚法 第六十条",
                     Over, Late, "天津市河东区城市管理委员会", "执法机关编码" })
            list.ShouldContain(text);
        list.ShouldContain("<option value=\"DecisionWithoutLegalReview\">重大执法决定未经法制审核</option>"); // the kind filter

        using var offA = await SignedInAsync("offA");
        var own = await offA.GetStringAsync("/alerts?kind=DecisionOverdue");
        own.ShouldContain(Over);
        own.ShouldNotContain(Late);
        own.ShouldNotContain("立即重新计算");
        (await offA.GetStringAsync("/alerts")).ShouldNotContain("天津市河东区城市管理委员会");
    }
}
