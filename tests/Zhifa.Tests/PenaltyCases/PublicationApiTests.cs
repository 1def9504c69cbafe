using System.Net;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.Alerts.AlertBed;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// 公示 of a platform decision through the HTTP API (ADR-016): the step, its deadline in the case view and the lists, the
/// portal's search, the record, the alerts, and every refusal writing nothing. The bed's day is 2024-06-28 (a Friday).
/// </summary>
public abstract class PublicationApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync();

    /// <summary>A general case of agency A heard, reviewed and decided on <paramref name="decidedOn"/> with a fine of 5000 yuan.</summary>
    private static async Task<CaseDriver> DecidedAsync(PenaltyTestBed bed, string decidedOn)
    {
        var c = await CaseDriver.FileAsync(bed);
        await c.HeardAsync();
        await c.ReviewedAsync();
        await c.DecideAsync(decidedOn);
        return c;
    }

    private static Task<Reply> PublishAsync(PenaltyTestBed bed, string user, long id, long version) =>
        bed.PostAsync(user, $"/api/v1/penalty-cases/{id}/publish", new { }, version);

    private static async Task<JsonElement> PortalAsync(PenaltyTestBed bed, string query)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(bed.App.Urls.First()) };
        return (await Reply.ReadAsync(await anonymous.GetAsync("/api/v1/public/decisions?" + query))).Ok().Json;
    }

    private static JsonElement Deadline(JsonElement view, string name) =>
        view.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);

    private static List<string> Steps(JsonElement view) =>
        view.GetProperty("availableSteps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToList();

    [Fact]
    public async Task Publish_WithinTheLimit_SetsThePublicationDateShowsTheMaskedDecisionOnThePortalAndAppendsTheRecord()
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-26");
        await c.StepAsync("A001", "serve", new { servedOn = "2024-06-27", method = "直接送达" });
        var number = c.Last.Json.GetProperty("number").GetString()!;

        // Before: the limit (the 7th working day after 06-26) is shown with its rule, warned about, and offered to the head only.
        var before = (await bed.GetAsync("headA", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json;
        var limit = Deadline(before, "公示处罚决定期限");
        limit.GetProperty("due").GetString().ShouldBe("2024-07-05");
        limit.GetProperty("rule").GetString()!.ShouldContain("国办发〔2018〕118号");
        limit.GetProperty("configuredValue").GetString().ShouldBe("决定之日起7个工作日");
        limit.GetProperty("status").GetString().ShouldBe("due-soon");
        before.GetProperty("publication").GetProperty("statusName").GetString().ShouldBe("未公示");
        Steps(before).ShouldContain("publish");
        Steps((await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json).ShouldNotContain("publish");
        var soon = (await bed.GetAsync("headA", "/api/v1/penalty-cases?due=soon")).Ok().Json.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetInt64() == c.Id);
        soon.GetProperty("nextDeadline").GetProperty("name").GetString().ShouldBe("公示处罚决定期限");
        (await PortalAsync(bed, "party=孙")).GetProperty("total").GetInt32().ShouldBe(0);

        var published = await c.StepAsync("headA", "publish", new { });

        var view = published.Json;
        view.GetProperty("stage").GetString().ShouldBe("Served");
        view.GetProperty("history").EnumerateArray().Last().GetProperty("step").GetString().ShouldBe("publish");
        var publication = view.GetProperty("publication");
        publication.GetProperty("publishedOn").GetString().ShouldBe("2024-06-28");
        publication.GetProperty("dueOn").GetString().ShouldBe("2024-07-05");
        publication.GetProperty("late").GetBoolean().ShouldBeFalse();
        publication.GetProperty("publishedBy").GetString().ShouldBe("headA");
        publication.GetProperty("statusName").GetString().ShouldBe("已按期公示");
        view.GetProperty("deadlines").EnumerateArray().ShouldNotContain(d => d.GetProperty("name").GetString() == "公示处罚决定期限");
        Steps(view).ShouldNotContain("publish");
        (await bed.ScalarAsync<string>("SELECT CAST(published_on AS text) FROM cases WHERE id = @id", new { id = c.Id })).ShouldBe("2024-06-28");
        (await bed.ScalarAsync<string>("SELECT next_deadline_name FROM penalty_cases WHERE id = @id", new { id = c.Id })).ShouldBe("缴纳罚款期限");
        var entry = (await bed.QueryAsync<(string Kind, string Content)>(
            "SELECT kind, content FROM record_entries WHERE chain_key = @id ORDER BY sequence DESC LIMIT 1", new { id = c.Id })).Single();
        entry.Kind.ShouldBe("penalty.publish");
        entry.Content.ShouldContain("\"outcome\":{\"dueOn\":\"2024-07-05\",\"late\":false,\"publishedOn\":\"2024-06-28\"}");

        var portal = await PortalAsync(bed, "party=孙");
        portal.GetProperty("total").GetInt32().ShouldBe(1);
        var item = portal.GetProperty("items")[0];
        item.GetProperty("number").GetString().ShouldBe(number);
        item.GetProperty("party").GetString().ShouldBe("孙*"); // a natural person: the surname only (ADR-008)
        item.GetProperty("publishedOn").GetString().ShouldBe("2024-06-28");
        item.GetProperty("fine").GetDecimal().ShouldBe(5000m);
        (await PortalAsync(bed, "party=孙某")).GetProperty("total").GetInt32().ShouldBe(0); // the hidden character is never matched
        var audit = await bed.AuditAsync();
        audit.ExitCode.ShouldBe(0, audit.StdErr);
    }

    [Fact]
    public async Task Publish_AfterTheLimitByTheSystemAdministrator_IsRecordedLate_AndTheAlertsFollow()
    {
        await using var bed = await StartAsync();
        await bed.AddUserAsync("root", "admin", null);
        var c = await DecidedAsync(bed, "2024-05-29"); // limit 2024-06-07
        var number = c.Last.Json.GetProperty("number").GetString()!;
        var sup = await bed.As("sup");
        await EvaluateAsync(sup);
        (await OpenAsync(sup)).ShouldContain(("DecisionUnpublished", "AGA", number));
        Deadline(c.Last.Json, "公示处罚决定期限").GetProperty("status").GetString().ShouldBe("overdue");
        (await bed.GetAsync("headA", "/api/v1/penalty-cases?due=overdue")).Ok().Json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt64()).ShouldContain(c.Id);

        var published = await c.StepAsync("root", "publish", new { });

        var publication = published.Json.GetProperty("publication");
        publication.GetProperty("publishedOn").GetString().ShouldBe("2024-06-28");
        publication.GetProperty("dueOn").GetString().ShouldBe("2024-06-07");
        publication.GetProperty("late").GetBoolean().ShouldBeTrue();
        publication.GetProperty("statusName").GetString().ShouldBe("逾期公示");
        var run = await EvaluateAsync(sup);
        var open = await OpenAsync(sup);
        open.ShouldNotContain(("DecisionUnpublished", "AGA", number));
        open.ShouldContain(("DecisionPublishedLate", "AGA", number));
        run.GetProperty("closed").GetInt32().ShouldBe(1);
        (await OpenAsync(sup, "&status=closed")).ShouldContain(("DecisionUnpublished", "AGA", number));
        (await PortalAsync(bed, "number=" + Uri.EscapeDataString(number))).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Publish_OnTime_ClosesTheUnpublishedAlertWithoutALateOne()
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-19"); // limit 2024-06-28, today
        var number = c.Last.Json.GetProperty("number").GetString()!;
        var sup = await bed.As("sup");
        await EvaluateAsync(sup);
        (await OpenAsync(sup)).ShouldContain(("DecisionUnpublished", "AGA", number)); // due on or before today and not yet published

        await c.StepAsync("headA", "publish", new { });

        await EvaluateAsync(sup);
        (await OpenAsync(sup)).ShouldNotContain(a => a.Record == number);
    }

    private static async Task<JsonElement> EvaluateAsync(HttpClient sup)
    {
        var response = await sup.PostAsync("/api/v1/alerts/evaluate", null);
        var json = await Json(response);
        response.EnsureSuccessStatusCode();
        return json;
    }

    /// <summary>What a refused publication must leave as it was, besides the cases, records and snapshots of <see cref="PenaltyTestBed.StateAsync"/>.</summary>
    private static async Task<string> PublicationStateAsync(PenaltyTestBed bed) => string.Join("|", await bed.StateAsync(),
        await bed.ScalarAsync<long>("SELECT count(*) FROM cases WHERE published_on IS NOT NULL"),
        await bed.ScalarAsync<long>("SELECT count(*) FROM published_decisions"));

    private static void ShouldBeRefused(Reply refused, string code, params string[] texts)
    {
        refused.Is(HttpStatusCode.UnprocessableEntity);
        refused.Code.ShouldBe(code);
        refused.Json.GetProperty("title").GetString().ShouldBe("业务规则不允许");
        foreach (var text in texts)
            refused.Json.GetProperty("detail").GetString()!.ShouldContain(text);
    }

    [Fact]
    public async Task Publish_BeforeADecision_Is422NamingTheRuleAndWritesNothing()
    {
        await using var bed = await StartAsync();
        var filed = (await bed.FileAsync()).Is(HttpStatusCode.Created);
        var before = await PublicationStateAsync(bed);

        ShouldBeRefused(await PublishAsync(bed, "headA", filed.Id, filed.Version), "penalty.publish_no_decision", "尚未作出处罚决定", "国办发〔2018〕118号");

        (await PublicationStateAsync(bed)).ShouldBe(before);
        Steps(filed.Json).ShouldNotContain("publish");
    }

    [Fact]
    public async Task Publish_OfASummaryDecision_Is422NamingTheRuleAndWritesNothing()
    {
        await using var bed = await StartAsync();
        var summary = (await bed.PostAsync("A001", "/api/v1/penalty-cases/summary", PenaltyWorkflowApiTests.Summary(200m))).Is(HttpStatusCode.Created);
        var before = await PublicationStateAsync(bed);

        ShouldBeRefused(await PublishAsync(bed, "headA", summary.Id, summary.Version), "penalty.publish_not_general", "普通程序", "国办发〔2018〕118号");

        (await PublicationStateAsync(bed)).ShouldBe(before);
        Steps((await bed.GetAsync("headA", $"/api/v1/penalty-cases/{summary.Id}")).Ok().Json).ShouldNotContain("publish");
    }

    [Fact]
    public async Task Publish_Again_Is422WithTheFirstDateAndWritesNothing()
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-26");
        await c.StepAsync("headA", "publish", new { });
        var before = await PublicationStateAsync(bed);

        ShouldBeRefused(await PublishAsync(bed, "headA", c.Id, c.Version), "penalty.already_published", "已于2024-06-28公示", "国办发〔2018〕118号");

        (await PublicationStateAsync(bed)).ShouldBe(before);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key = @id AND kind = 'penalty.publish'", new { id = c.Id })).ShouldBe(1);
    }

    [Theory]
    [InlineData("A001", "执法人员")]
    [InlineData("sup", "执法监督机构")]
    public async Task Publish_ByAnotherRole_Is422WrongRoleAndWritesNothing(string user, string role)
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-26");
        var before = await PublicationStateAsync(bed);

        ShouldBeRefused(await PublishAsync(bed, user, c.Id, c.Version), "penalty.wrong_role", "「公示处罚决定」", $"当前角色为{role}");

        (await PublicationStateAsync(bed)).ShouldBe(before);
    }

    [Fact]
    public async Task Publish_ByTheHeadOfAnotherAgency_Is404AndWritesNothing()
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-26");
        var before = await PublicationStateAsync(bed);

        (await PublishAsync(bed, "headB", c.Id, c.Version)).Is(HttpStatusCode.NotFound).Code.ShouldBe("case.not_found");

        (await PublicationStateAsync(bed)).ShouldBe(before);
    }

    [Fact]
    public async Task Publish_OnAStaleVersion_Is409AndWritesNothing()
    {
        await using var bed = await StartAsync();
        var c = await DecidedAsync(bed, "2024-06-26");
        var before = await PublicationStateAsync(bed);

        (await PublishAsync(bed, "headA", c.Id, c.Version - 1)).Is(HttpStatusCode.Conflict).Code.ShouldBe("case.version_conflict");

        (await PublicationStateAsync(bed)).ShouldBe(before);
    }
}

public sealed class SqlitePublicationApiTests : PublicationApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublicationApiTests(PostgresServer server) : PublicationApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
