using System.Net;
using Zhifa.Tests.Web;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>公示 on the case page (ADR-016): the head sees the limit and the form, publishes, and the portal shows the masked decision.</summary>
public sealed class PublicationPagesTests : IAsyncLifetime
{
    private PenaltyTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PenaltyTestBed.StartAsync(null);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Task<HttpClient> SignedInAsync(string user) => PageClient.SignedInAsync(new Uri(_bed.App.Urls.First()), user, _bed.Password(user));

    [Fact]
    public async Task CasePage_OfTheHead_PublishesTheDecisionAndThePortalShowsItMasked()
    {
        var c = await CaseDriver.FileAsync(_bed);
        await c.HeardAsync();
        await c.ReviewedAsync();
        await c.DecideAsync("2024-06-26");
        var number = c.Last.Json.GetProperty("number").GetString()!;
        using var head = await SignedInAsync("headA");
        using var officer = await SignedInAsync("A001");
        var path = $"/penalty-cases/{c.Id}";

        var html = await head.GetStringAsync(path);
        foreach (var text in new[] { "<h3>公示处罚决定</h3>", "公示处罚决定期限", "未公示，应于 2024年7月5日 前公示", "国办发〔2018〕118号",
                     "公示日期为今天（2024年6月28日）", "只显示姓氏" })
            html.ShouldContain(text);
        (await officer.GetStringAsync(path)).ShouldNotContain("<h3>公示处罚决定</h3>");

        var posted = await head.PostAsync(path, PageClient.Form(PageClient.Token(html),
            [("Input.Step", "publish"), ("Input.Version", c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var after = await head.GetStringAsync(path);
        after.ShouldContain("已办理「公示处罚决定」");
        after.ShouldContain("已按期公示：2024年6月28日公示（期限 2024年7月5日），办理人 headA");
        after.ShouldNotContain("<h3>公示处罚决定</h3>");
        using var anonymous = new HttpClient { BaseAddress = new Uri(_bed.App.Urls.First()) };
        var portal = await anonymous.GetStringAsync("/public/decisions?party=" + Uri.EscapeDataString("孙"));
        portal.ShouldContain(number);
        portal.ShouldContain("<strong>孙*</strong>");
        portal.ShouldNotContain("孙某");
    }
}
