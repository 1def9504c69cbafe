using System.Net;
using System.Text.Json;
using Dapper;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.PenaltyCases;
using static Zhifa.Tests.PenaltyCases.CaseDriver;

namespace Zhifa.Tests.Alerts;

/// <summary>
/// The alert 重大执法决定未经法制审核 (第五十八条) through the API, on cases handled on the platform: a decision taken the
/// normal way without review is fine until its case is marked as on the agency's list of major decisions outside the
/// workflow; then the evaluation opens the alert in the agency's and the office's inboxes, and closes it once the mark
/// is gone. A case whose review passed never alerts.
/// </summary>
public abstract class DecisionWithoutLegalReviewAlertTests
{
    private const string Kind = "DecisionWithoutLegalReview";

    protected abstract Task<PenaltyTestBed> StartAsync();

    [Fact]
    public async Task Evaluate_WhenADecisionWithoutReviewIsMarkedOnTheMajorDecisionList_OpensTheAlert_AndClosesItWhenUnmarked()
    {
        await using var bed = await StartAsync();
        var c = await DecidedWithoutReviewAsync(bed);
        var number = await bed.ScalarAsync<string>("SELECT number FROM cases WHERE id = @id", new { id = c.Id });
        await bed.EvaluateAlertsAsync();
        (await bed.AlertsAsync("sup", Kind)).ShouldBeEmpty(); // decided the normal way: no ground, no review needed

        await MarkOnMajorDecisionListAsync(bed, c.Id, true);
        await bed.EvaluateAlertsAsync();

        var office = await bed.AlertsAsync("sup", Kind);
        var alert = office.ShouldHaveSingleItem();
        alert.GetProperty("kindName").GetString().ShouldBe("重大执法决定未经法制审核");
        alert.GetProperty("rule").GetString().ShouldBe("行政处罚法 第五十八条");
        alert.GetProperty("agencyCode").GetString().ShouldBe("AGA");
        alert.GetProperty("agencyName").GetString().ShouldBe("天津市河东区市场监督管理局");
        alert.GetProperty("record").GetString().ShouldBe(number);
        alert.GetProperty("caseId").GetInt64().ShouldBe(c.Id);
        alert.GetProperty("details").GetString().ShouldBe(
            "2024-05-13 作出给予行政处罚决定;本案属于本机关重大执法决定法制审核目录,应当经法制审核通过后才能作出决定,但没有通过的法制审核(行政处罚法 第五十八条)");
        (await bed.AlertsAsync("headA", Kind)).Select(a => a.GetProperty("id").GetInt64()).ShouldBe([alert.GetProperty("id").GetInt64()]);
        (await bed.AlertsAsync("headB", Kind)).ShouldBeEmpty();
        var again = await bed.EvaluateAlertsAsync();
        again.GetProperty("opened").GetInt32().ShouldBe(0);
        (await bed.AlertsAsync("sup", Kind)).ShouldHaveSingleItem().GetProperty("id").GetInt64().ShouldBe(alert.GetProperty("id").GetInt64());

        await MarkOnMajorDecisionListAsync(bed, c.Id, false);
        await bed.EvaluateAlertsAsync();

        (await bed.AlertsAsync("sup", Kind)).ShouldBeEmpty();
        var closed = (await bed.AlertsAsync("headA", Kind, "closed")).ShouldHaveSingleItem();
        closed.GetProperty("id").GetInt64().ShouldBe(alert.GetProperty("id").GetInt64());
        closed.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Evaluate_WhenTheReviewPassed_NeverAlerts()
    {
        await using var bed = await StartAsync();
        var c = await FileOnListAsync(bed, "2024-05-06");
        await c.EvidenceAsync("2024-05-08");
        await c.NotifyAsync("2024-05-10", 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        var refused = await c.StepAsync("headA", "decide", new { decidedOn = "2024-05-13", outcome = "Penalty", kinds = new[] { "Fine" }, fine = 1000m },
            HttpStatusCode.UnprocessableEntity); // on the list: a passed review first
        refused.Code.ShouldBe("penalty.review_required");
        await c.ReviewedAsync("A004", "2024-05-13");
        await c.DecideAsync("2024-05-14", 1000m);
        var unreviewed = await DecidedWithoutReviewAsync(bed);
        await MarkOnMajorDecisionListAsync(bed, unreviewed.Id, true);

        await bed.EvaluateAlertsAsync();
        await MarkMajorPublicInterestAsync(bed, c.Id); // another ground added later: the review still passed
        await bed.EvaluateAlertsAsync();

        (await bed.AlertsAsync("sup", Kind, "all")).Select(a => a.GetProperty("caseId").GetInt64()).ShouldBe([unreviewed.Id]);
    }

    /// <summary>Filed, investigated, notified of a 1000 yuan fine the party does not contest, and decided without review.</summary>
    private static async Task<CaseDriver> DecidedWithoutReviewAsync(PenaltyTestBed bed)
    {
        var c = await FileAsync(bed, "2024-05-06");
        await c.EvidenceAsync("2024-05-08");
        await c.NotifyAsync("2024-05-10", 1000m);
        await c.StepAsync("A001", "record-waiver", new { waivedOn = "2024-05-10" });
        await c.DecideAsync("2024-05-13", 1000m);
        c.Last.Json.GetProperty("stage").GetString().ShouldBe("Decided");
        return c;
    }

    private static async Task<CaseDriver> FileOnListAsync(PenaltyTestBed bed, string filedOn)
    {
        var filed = (await bed.FileAsync(filedOn, significance: new { onMajorDecisionList = true })).Is(HttpStatusCode.Created);
        return new CaseDriver(bed, filed);
    }

    /// <summary>Edits the stored case outside the workflow, as a data fix or a rule change would leave it.</summary>
    private static Task MarkOnMajorDecisionListAsync(PenaltyTestBed bed, long id, bool on) =>
        EditSnapshotAsync(bed, id, $"\"OnMajorDecisionList\":{(!on).ToString().ToLowerInvariant()}", $"\"OnMajorDecisionList\":{on.ToString().ToLowerInvariant()}");

    private static Task MarkMajorPublicInterestAsync(PenaltyTestBed bed, long id) =>
        EditSnapshotAsync(bed, id, "\"MajorPublicInterest\":false", "\"MajorPublicInterest\":true");

    private static async Task EditSnapshotAsync(PenaltyTestBed bed, long id, string from, string to)
    {
        var snapshot = await bed.ScalarAsync<string>("SELECT snapshot FROM penalty_cases WHERE id = @id", new { id });
        snapshot.ShouldContain(from);
        await using var conn = await bed.Target.OpenConnectionAsync();
        (await conn.ExecuteAsync("UPDATE penalty_cases SET snapshot = @snapshot WHERE id = @id", new { id, snapshot = snapshot.Replace(from, to) })).ShouldBe(1);
    }
}

public sealed class SqliteDecisionWithoutLegalReviewAlertTests : DecisionWithoutLegalReviewAlertTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDecisionWithoutLegalReviewAlertTests(PostgresServer server) : DecisionWithoutLegalReviewAlertTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
