using System.Net;
using System.Text.Json;
using Dapper;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.PenaltyCases;
using static Zhifa.Tests.PenaltyCases.CaseDriver;

namespace Zhifa.Tests.Catalog;

/// <summary>
/// The agency's 重大执法决定法制审核目录 through the API (ADR-022): who may list and unlist a power, the reason each change
/// needs and the history it leaves; a case filed under a listed power needs a passed legal review before its decision;
/// and the alert 重大执法决定未经法制审核 follows the list as it is now.
/// </summary>
public abstract class MajorDecisionListApiTests
{
    private const string PA1 = "/api/v1/powers/PA1/major-decision-list";

    protected abstract Task<PenaltyTestBed> StartAsync();

    [Fact]
    public async Task Put_ByTheAgencyAdminOrTheAdmin_ListsAndUnlists_AndKeepsEveryChange()
    {
        await using var bed = await StartAsync();
        await bed.AddUserAsync("root", "admin", null);
        (await bed.GetAsync("A001", "/api/v1/powers/PA1")).Ok().Json.GetProperty("onMajorDecisionList").GetBoolean().ShouldBeFalse();

        var listed = (await bed.PutAsync("headA", PA1, new { listed = true, reason = "涉及食品安全重大公共利益,经局务会研究列入" })).Ok().Json;

        listed.GetProperty("listed").GetBoolean().ShouldBeTrue();
        listed.GetProperty("listedBy").GetString().ShouldBe("headA");
        (await bed.GetAsync("A001", "/api/v1/powers/PA1")).Ok().Json.GetProperty("onMajorDecisionList").GetBoolean().ShouldBeTrue();
        var page = (await bed.GetAsync("headA", "/api/v1/powers?agency=AGA")).Ok().Json.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("onMajorDecisionList").GetBoolean());
        page.ShouldBe(new Dictionary<string, bool> { ["PA1"] = true, ["PA2"] = false });

        (await bed.PutAsync("headA", PA1, new { listed = true, reason = "再次列入" })).Ok(); // already listed: nothing changes
        (await bed.PutAsync("root", PA1, new { listed = false, reason = "目录调整,移出" })).Ok().Json.GetProperty("listed").GetBoolean().ShouldBeFalse();
        (await bed.GetAsync("A001", "/api/v1/powers/PA1")).Ok().Json.GetProperty("onMajorDecisionList").GetBoolean().ShouldBeFalse();

        var history = (await bed.GetAsync("A001", PA1)).Ok().Json;
        history.GetProperty("listed").GetBoolean().ShouldBeFalse();
        history.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("action").GetString()}|{c.GetProperty("reason").GetString()}|{c.GetProperty("changedBy").GetString()}")
            .ShouldBe(["列入|涉及食品安全重大公共利益,经局务会研究列入|headA", "移出|目录调整,移出|root"]);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM major_decision_list")).ShouldBe(0);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM major_decision_list_changes")).ShouldBe(2);
    }

    [Fact]
    public async Task Put_OutsideTheRoleOrAgency_OrWithoutAReason_IsRefused_AndChangesNothing()
    {
        await using var bed = await StartAsync();

        (await bed.PutAsync("headB", PA1, new { listed = true, reason = "理由" })).Is(HttpStatusCode.NotFound).Code.ShouldBe("power.not_found");
        (await bed.PutAsync("A001", PA1, new { listed = true, reason = "理由" })).Is(HttpStatusCode.Forbidden);
        (await bed.PutAsync("A004", PA1, new { listed = true, reason = "理由" })).Is(HttpStatusCode.Forbidden);
        (await bed.PutAsync("sup", PA1, new { listed = true, reason = "理由" })).Is(HttpStatusCode.Forbidden);
        var noReason = (await bed.PutAsync("headA", PA1, new { listed = true, reason = "  " })).Is(HttpStatusCode.BadRequest).Json;
        noReason.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("请填写调整重大执法决定法制审核目录的理由(reason)");
        (await bed.PutAsync("headA", PA1, new { reason = "理由" })).Is(HttpStatusCode.BadRequest).Json
            .GetProperty("errors").TryGetProperty("listed", out _).ShouldBeTrue();
        (await bed.PutAsync("headA", "/api/v1/powers/NOPE/major-decision-list", new { listed = true, reason = "理由" })).Is(HttpStatusCode.NotFound);

        (await bed.ScalarAsync<long>("SELECT count(*) FROM major_decision_list")).ShouldBe(0);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM major_decision_list_changes")).ShouldBe(0);
        (await bed.GetAsync("headB", PA1)).Is(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_IsAppendOnly_InTheDatabase()
    {
        await using var bed = await StartAsync();
        (await bed.PutAsync("headA", PA1, new { listed = true, reason = "列入" })).Ok();

        await using var conn = await bed.Target.OpenConnectionAsync();
        await Should.ThrowAsync<Exception>(() => conn.ExecuteAsync("UPDATE major_decision_list_changes SET reason = '改'"));
        await Should.ThrowAsync<Exception>(() => conn.ExecuteAsync("DELETE FROM major_decision_list_changes"));
        (await conn.ExecuteScalarAsync<string>("SELECT reason FROM major_decision_list_changes")).ShouldBe("列入");
    }

    [Fact]
    public async Task Decide_OnACaseFiledUnderAListedPower_NeedsAPassedReview_WhateverTheFilingSaid()
    {
        await using var bed = await StartAsync();
        (await bed.PutAsync("headA", PA1, new { listed = true, reason = "列入目录" })).Ok();

        var filed = (await bed.FileAsync("2024-05-06", significance: new { onMajorDecisionList = false })).Is(HttpStatusCode.Created);
        filed.Json.GetProperty("significance").GetProperty("onMajorDecisionList").GetBoolean().ShouldBeTrue();
        var c = new CaseDriver(bed, filed);
        await c.EvidenceAsync("2024-05-08");
        await c.NotifyAsync("2024-05-10", 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        var lowered = await c.StepAsync("headA", "classify", new { significance = new { onMajorDecisionList = false } });
        lowered.Json.GetProperty("significance").GetProperty("onMajorDecisionList").GetBoolean().ShouldBeTrue();

        var refused = await c.StepAsync("headA", "decide", new { decidedOn = "2024-05-13", outcome = "Penalty", kinds = new[] { "Fine" }, fine = 1000m },
            HttpStatusCode.UnprocessableEntity);
        refused.Code.ShouldBe("penalty.review_required");
        refused.Json.GetProperty("detail").GetString()!.ShouldContain("属于本机关重大执法决定法制审核目录");

        await c.ReviewedAsync("A004", "2024-05-13");
        (await c.DecideAsync("2024-05-14", 1000m)).Json.GetProperty("stage").GetString().ShouldBe("Decided");
    }

    [Fact]
    public async Task Decide_OnACaseFiledBeforeThePowerWasListed_NeedsAPassedReviewOnceItIsListed()
    {
        await using var bed = await StartAsync();
        var c = await FileAsync(bed, "2024-05-06");
        await c.EvidenceAsync("2024-05-08");
        await c.NotifyAsync("2024-05-10", 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        (await bed.PutAsync("headA", PA1, new { listed = true, reason = "列入目录" })).Ok();

        var refused = await c.StepAsync("headA", "decide", new { decidedOn = "2024-05-13", outcome = "Penalty", kinds = new[] { "Fine" }, fine = 1000m },
            HttpStatusCode.UnprocessableEntity);

        refused.Code.ShouldBe("penalty.review_required");
        var shown = (await bed.GetAsync("headA", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json;
        shown.GetProperty("legalReviewGrounds").EnumerateArray().Select(g => g.GetString()).ShouldBe(["属于本机关重大执法决定法制审核目录"]);
        await c.ReviewedAsync("A004", "2024-05-13");
        (await c.DecideAsync("2024-05-14", 1000m)).Json.GetProperty("stage").GetString().ShouldBe("Decided");
    }

    [Fact]
    public async Task Evaluate_WhenThePowerIsListedAfterADecisionWithoutReview_OpensTheAlert_AndUnlistingClosesIt()
    {
        await using var bed = await StartAsync();
        var c = await FileAsync(bed, "2024-05-06");
        await c.EvidenceAsync("2024-05-08");
        await c.NotifyAsync("2024-05-10", 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        await c.DecideAsync("2024-05-13", 1000m);
        await bed.EvaluateAlertsAsync();
        (await bed.AlertsAsync("sup", "DecisionWithoutLegalReview", "open")).ShouldBeEmpty();

        (await bed.PutAsync("headA", PA1, new { listed = true, reason = "列入目录" })).Ok();
        await bed.EvaluateAlertsAsync();

        var alert = (await bed.AlertsAsync("sup", "DecisionWithoutLegalReview", "open")).ShouldHaveSingleItem();
        alert.GetProperty("caseId").GetInt64().ShouldBe(c.Id);
        alert.GetProperty("details").GetString()!.ShouldContain("本案属于本机关重大执法决定法制审核目录");
        (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json
            .GetProperty("significance").GetProperty("onMajorDecisionList").GetBoolean().ShouldBeFalse(); // the case itself is not edited

        (await bed.PutAsync("headA", PA1, new { listed = false, reason = "移出目录" })).Ok();
        await bed.EvaluateAlertsAsync();

        (await bed.AlertsAsync("sup", "DecisionWithoutLegalReview", "open")).ShouldBeEmpty();
        (await bed.AlertsAsync("sup", "DecisionWithoutLegalReview", "closed")).ShouldHaveSingleItem().GetProperty("id").GetInt64().ShouldBe(alert.GetProperty("id").GetInt64());
    }

}

public sealed class SqliteMajorDecisionListApiTests : MajorDecisionListApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMajorDecisionListApiTests(PostgresServer server) : MajorDecisionListApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
