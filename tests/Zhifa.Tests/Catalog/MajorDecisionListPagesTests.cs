using System.Net;
using Zhifa.Tests.PenaltyCases;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.Catalog;

/// <summary>
/// The 重大执法决定法制审核目录 on the pages (ADR-022): the agency's administrator lists a power on /powers with a reason,
/// an officer sees the mark but no form, the 立案 form names the listed power, and the public 权责清单 publishes it.
/// </summary>
public sealed class MajorDecisionListPagesTests : IAsyncLifetime
{
    private PenaltyTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PenaltyTestBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [Fact]
    public async Task PowersPage_AsTheAgencyAdmin_ListsAPowerWithAReason_AndTheMarkShowsEverywhere()
    {
        using var head = await SignedInAsync("headA");
        var html = await head.GetStringAsync("/powers?agency=AGA");
        html.ShouldContain("列入目录");
        html.ShouldNotContain("<span class=\"status-due-soon major-decision\">");

        var refused = await head.PostAsync("/powers?handler=MajorDecision", PageClient.Form(PageClient.Token(html),
            ("code", "PA1"), ("listed", "true"), ("reason", " "), ("agency", "AGA"), ("page", "1")));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请填写调整重大执法决定法制审核目录的理由(reason)");
        (await _bed.ScalarAsync<long>("SELECT count(*) FROM major_decision_list_changes")).ShouldBe(0);

        var listed = await head.PostAsync("/powers?handler=MajorDecision", PageClient.Form(PageClient.Token(html),
            ("code", "PA1"), ("listed", "true"), ("reason", "局务会研究决定列入"), ("agency", "AGA"), ("page", "1")));
        listed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await head.GetStringAsync(listed.Headers.Location!.ToString());
        after.ShouldContain("已将职权“对经营超过保质期食品的行政处罚”列入本机关重大执法决定法制审核目录");
        after.ShouldContain("<span class=\"status-due-soon major-decision\">重大执法决定</span>");
        after.ShouldContain("移出目录");

        using var officer = await SignedInAsync("A001");
        var officerPage = await officer.GetStringAsync("/powers");
        officerPage.ShouldContain("<span class=\"status-due-soon major-decision\">重大执法决定</span>");
        officerPage.ShouldNotContain("移出目录");
        officerPage.ShouldNotContain("列入目录");
        (await head.GetStringAsync("/penalty-cases/new")).ShouldContain("对经营超过保质期食品的行政处罚(重大执法决定法制审核目录)");

        using var anonymous = PageClient.Create(new Uri(_bed.App.Urls.First()));
        var published = await anonymous.GetStringAsync("/public/powers?major=true");
        published.ShouldContain("对经营超过保质期食品的行政处罚");
        published.ShouldContain("<span class=\"status-due-soon major-decision\">重大执法决定法制审核目录</span>");
        published.ShouldNotContain("食品经营日常监督检查");
        published.ShouldContain("共 1 项");
    }

    [Fact]
    public async Task PowersPage_AsAnotherAgencysAdmin_OffersNoFormForThePower()
    {
        using var headB = await SignedInAsync("headB");
        var html = await headB.GetStringAsync("/powers");

        html.ShouldNotContain("对经营超过保质期食品的行政处罚");
        html.ShouldContain("对违法占道经营的行政处罚");
        var refused = await headB.PostAsync("/powers?handler=MajorDecision", PageClient.Form(PageClient.Token(html),
            ("code", "PA1"), ("listed", "true"), ("reason", "理由")));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
