using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Calendar;
using Zhifa.Domain.Publicity;
using static Zhifa.Tests.Publicity.PublicitySeed;

namespace Zhifa.Tests.Publicity;

/// <summary>
/// Anonymous access, the certificate check, and the agencies' side of publicity (withdrawal, overdue list) through the real
/// HTTP API: scoped by agency (another agency's case is 404), by role (403) and by the legal rules (422).
/// </summary>
public abstract partial class PublicityApiTests
{
    private static object Withdrawal(DateOnly changedOn, string? reason = "行政复议决定撤销原处罚决定") =>
        new { changedOn = PublicityServer.Iso(changedOn), reason };

    private async Task<HttpResponseMessage> WithdrawAsync(string user, string number, object body)
    {
        var server = await ServerAsync();
        var client = await server.AsAsync(user);
        return await client.PostAsJsonAsync($"/api/v1/publicity/{await server.CaseIdAsync(number)}/withdraw", body);
    }

    [Theory]
    [InlineData("/api/v1/public/agencies")]
    [InlineData("/api/v1/public/powers?agency=AGA")]
    [InlineData("/api/v1/public/officers/A001")]
    [InlineData("/api/v1/public/decisions")]
    [InlineData("/api/v1/public/decisions/" + Org)]
    public async Task PublicApi_WithoutSignIn_Answers(string url)
    {
        (await GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/agencies")]
    [InlineData("/api/v1/officers/A001")]
    [InlineData("/api/v1/publicity/overdue")]
    public async Task OtherApi_WithoutSignIn_Is401(string url)
    {
        var response = await GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await JsonAsync(response)).GetProperty("code").GetString().ShouldBe("auth.unauthenticated");
    }

    [Fact]
    public async Task Withdraw_WithoutSignIn_Is401()
    {
        var server = await ServerAsync();
        var response = await server.Anonymous().PostAsJsonAsync($"/api/v1/publicity/{await server.CaseIdAsync(Org)}/withdraw", Withdrawal(PublicityServer.Today));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CertificateCheck_ShowsHolderAgencyAndValidityOnly()
    {
        var valid = await JsonAsync(await GetAsync("/api/v1/public/officers/A001"));
        valid.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["certificateNumber", "name", "agencyCode", "agencyName", "valid", "status", "suspendedOn", "revokedOn"]);
        valid.GetProperty("name").GetString().ShouldBe("张伟");
        valid.GetProperty("agencyName").GetString().ShouldBe("天津市河东区市场监督管理局");
        valid.GetProperty("valid").GetBoolean().ShouldBeTrue();
        valid.GetProperty("status").GetString().ShouldBe("有效");
        Strings(valid).ShouldAllBe(v => !v.Contains("1949")); // nothing of the resident ID

        var revoked = await JsonAsync(await GetAsync("/api/v1/public/officers/A009"));
        revoked.GetProperty("valid").GetBoolean().ShouldBeFalse();
        revoked.GetProperty("status").GetString().ShouldBe("已注销");
        revoked.GetProperty("revokedOn").GetString().ShouldBe("2023-06-30");

        var unknown = await GetAsync("/api/v1/public/officers/X999");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonAsync(unknown)).GetProperty("code").GetString().ShouldBe("officer.not_found");
    }

    [Fact]
    public async Task Withdraw_ByOwnAgencyAdmin_TakesTheDecisionOffThePortalAndKeepsTheRecord()
    {
        Numbers(await PageAsync("number=" + Withdraw1)).ShouldBe([Withdraw1]);
        var today = PublicityServer.Today;

        var response = await WithdrawAsync("adminA", Withdraw1, Withdrawal(today));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var w = await JsonAsync(response);
        w.GetProperty("withinLimit").GetBoolean().ShouldBeTrue();
        w.GetProperty("limitWorkingDays").GetInt32().ShouldBe(3);
        w.GetProperty("deadline").GetString().ShouldBe(PublicityServer.Iso(new PublicityRules().WithdrawalLimit(WorkingDayCalendar.CreateDefault(), today).Date));
        w.GetProperty("withdrawnOn").GetString().ShouldBe(PublicityServer.Iso(today));
        (await PageAsync("number=" + Withdraw1)).GetProperty("total").GetInt32().ShouldBe(0);
        Numbers(await PageAsync("pageSize=500&party=" + Uri.EscapeDataString("鑫盛"))).ShouldNotContain(Withdraw1);
        (await GetAsync("/api/v1/public/decisions/" + Withdraw1)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var server = await ServerAsync();
        await using var db = server.Target.CreateContext();
        var id = await server.CaseIdAsync(Withdraw1);
        var record = await db.PublicationWithdrawals.SingleAsync(x => x.CaseId == id);
        record.RecordedBy.ShouldBe("adminA");
        record.Reason.ShouldBe("行政复议决定撤销原处罚决定");
        (await db.Cases.SingleAsync(c => c.Id == id)).PublishedOn.ShouldBe(today.AddDays(-45)); // the case keeps its publication
        (await db.PublishedDecisions.AnyAsync(x => x.CaseId == id)).ShouldBeFalse(); // but leaves the search table (ADR-011)
    }

    [Fact]
    public async Task Withdraw_LateAndThenAgain_ReportsTheMissedLimitAndIs422()
    {
        var late = await WithdrawAsync("admin", Withdraw2, Withdrawal(PublicityServer.Today.AddDays(-30)));
        late.StatusCode.ShouldBe(HttpStatusCode.OK, await late.Content.ReadAsStringAsync());
        var w = await JsonAsync(late);
        w.GetProperty("withinLimit").GetBoolean().ShouldBeFalse();
        w.GetProperty("note").GetString()!.ShouldContain("超过");

        var again = await WithdrawAsync("admin", Withdraw2, Withdrawal(PublicityServer.Today));
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(again)).GetProperty("code").GetString().ShouldBe("publicity.already_withdrawn");
    }

    [Theory]
    [InlineData(Unpublished, "publicity.not_published")]
    [InlineData(Summary, "publicity.not_published")]
    [InlineData(Inspection, "publicity.not_published")]
    public async Task Withdraw_WhenNothingPublished_Is422(string number, string code)
    {
        var response = await WithdrawAsync("adminA", number, Withdrawal(PublicityServer.Today));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(response);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("title").GetString().ShouldBe("业务规则不允许");
    }

    [Fact]
    public async Task Withdraw_ChangeDatedBeforeTheDecision_Is422()
    {
        var response = await WithdrawAsync("adminA", Org, Withdrawal(PublicityServer.Today.AddDays(-41)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(response)).GetProperty("code").GetString().ShouldBe("publicity.change_before_decision");
    }

    [Theory]
    [InlineData("adminB", HttpStatusCode.NotFound)]  // another agency: never revealed
    [InlineData("offA", HttpStatusCode.Forbidden)]   // own agency, but not its administrator
    [InlineData("sup", HttpStatusCode.Forbidden)]    // sees every agency, withdraws none
    public async Task Withdraw_OutsideScopeOrRole_IsRefusedAndTheDecisionStays(string user, HttpStatusCode status)
    {
        var response = await WithdrawAsync(user, Org, Withdrawal(PublicityServer.Today));

        response.StatusCode.ShouldBe(status);
        if (status == HttpStatusCode.NotFound)
            (await JsonAsync(response)).GetProperty("code").GetString().ShouldBe("case.not_found");
        Numbers(await PageAsync("number=" + Org)).ShouldBe([Org]);
    }

    [Fact]
    public async Task Withdraw_WithoutReasonOrWithFutureDate_Is400ByField()
    {
        var response = await WithdrawAsync("adminA", Org, Withdrawal(PublicityServer.Today.AddDays(1), reason: " "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.GetProperty("reason")[0].GetString()!.ShouldContain("原因");
        errors.GetProperty("changedOn")[0].GetString()!.ShouldContain("晚于今天");

        var server = await ServerAsync();
        var unknown = await (await server.AsAsync("admin")).PostAsJsonAsync("/api/v1/publicity/987654321/withdraw", Withdrawal(PublicityServer.Today));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Overdue_ListsUnpublishedAndLateDecisionsOfTheCallersScope()
    {
        var server = await ServerAsync();
        var a = await JsonAsync(await (await server.AsAsync("adminA")).GetAsync("/api/v1/publicity/overdue?pageSize=500"));
        var b = await JsonAsync(await (await server.AsAsync("adminB")).GetAsync("/api/v1/publicity/overdue?pageSize=500"));
        var all = await JsonAsync(await (await server.AsAsync("sup")).GetAsync("/api/v1/publicity/overdue?pageSize=500"));

        var items = a.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!);
        items.Keys.Order().ShouldBe([Late, Unpublished]);
        items[Unpublished].GetProperty("status").GetString().ShouldBe("未公示");
        items[Unpublished].GetProperty("deadline").GetString().ShouldBe(PublicityServer.Iso(
            new PublicityRules().PenaltyPublicationLimit(WorkingDayCalendar.CreateDefault(), PublicityServer.Today.AddDays(-60)).Date));
        items[Unpublished].GetProperty("limitWorkingDays").GetInt32().ShouldBe(7);
        items[Late].GetProperty("status").GetString().ShouldBe("逾期公示");
        a.GetProperty("items")[0].GetProperty("number").GetString().ShouldBe(Unpublished); // the unpublished first
        b.GetProperty("total").GetInt32().ShouldBe(0);
        all.GetProperty("total").GetInt32().ShouldBe(2);

        var other = await (await server.AsAsync("adminA")).GetAsync("/api/v1/publicity/overdue?agency=AGB");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
