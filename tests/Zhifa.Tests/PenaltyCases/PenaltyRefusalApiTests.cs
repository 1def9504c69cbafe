using System.Net;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>
/// What the API refuses, and that a refusal writes nothing: rules (422 with the domain's code), stale versions (409),
/// retried creations (Idempotency-Key), and another agency's case (404 on every route).
/// </summary>
public abstract class PenaltyRefusalApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync();

    public static TheoryData<string, string, string, object, string?, string> Refusals => new()
    {
        // user, step, expected code, body, a field named in errors (or null), what the refusal is about
        { "A001", "serve", "penalty.step_out_of_order", new { servedOn = "2024-05-08", method = "Direct" }, null, "立案" },
        { "A001", "assign-officer", "penalty.wrong_role", new { certificateNumber = "A005", on = "2024-05-08" }, null, "执法机关管理员" },
        { "headA", "record-evidence", "penalty.wrong_role", new { kind = "书证", description = "购货单据", collectedOn = "2024-05-08", collectors = new[] { "A001", "A002" } }, null, "执法人员" },
        { "A001", "record-evidence", "penalty.officers_too_few", new { kind = "书证", description = "购货单据", collectedOn = "2024-05-08", collectors = new[] { "A001" } }, "collectors", "第四十二条" },
        { "A001", "record-evidence", "penalty.date_in_future", new { kind = "书证", description = "购货单据", collectedOn = "2024-07-01", collectors = new[] { "A001", "A002" } }, "collectedOn", "晚于今天" },
        { "A005", "record-evidence", "penalty.not_case_officer", new { kind = "书证", description = "购货单据", collectedOn = "2024-05-08", collectors = new[] { "A001", "A002" } }, null, "不是本案的承办执法人员" },
        { "sup", "classify", "penalty.wrong_role", new { significance = new { majorViolation = true } }, null, "执法监督机构" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Step_RefusedByARule_Is422WithTheCodeAndWritesNothing(string user, string step, string code, object body, string? field, string text)
    {
        await using var bed = await StartAsync();
        var filed = (await bed.FileAsync()).Is(HttpStatusCode.Created);
        var before = await bed.StateAsync();

        var refused = (await bed.PostAsync(user, $"/api/v1/penalty-cases/{filed.Id}/{step}", body, filed.Version)).Is(HttpStatusCode.UnprocessableEntity);

        refused.Code.ShouldBe(code);
        refused.Json.GetProperty("title").GetString().ShouldBe("业务规则不允许");
        refused.Json.GetProperty("detail").GetString()!.ShouldContain(text);
        if (field is null)
            refused.Json.TryGetProperty("errors", out _).ShouldBeFalse();
        else
            refused.Json.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(refused.Json.GetProperty("detail").GetString());
        (await bed.StateAsync()).ShouldBe(before);
        (await bed.GetAsync(user, $"/api/v1/penalty-cases/{filed.Id}")).Ok().Version.ShouldBe(1);
    }

    [Fact]
    public async Task Filing_WithOneOfficer_Is422AndCreatesNoCase()
    {
        await using var bed = await StartAsync();
        var before = await bed.StateAsync();

        var refused = (await bed.FileAsync(officers: ["A001"])).Is(HttpStatusCode.UnprocessableEntity);

        refused.Code.ShouldBe("penalty.officers_too_few");
        refused.Json.GetProperty("detail").GetString().ShouldBe("立案调查须由两名以上具有执法资格的执法人员进行，当前为1名（行政处罚法 第四十二条）");
        refused.Json.GetProperty("errors").GetProperty("officers")[0].GetString()!.ShouldContain("两名以上");
        (await bed.StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Summary_OverTheArticle51Limit_Is422NamingTheFineAndCreatesNoCase()
    {
        await using var bed = await StartAsync();
        var before = await bed.StateAsync();

        var refused = (await bed.PostAsync("A001", "/api/v1/penalty-cases/summary", PenaltyWorkflowApiTests.Summary(201m))).Is(HttpStatusCode.UnprocessableEntity);

        refused.Code.ShouldBe("penalty.summary_fine_over_limit");
        refused.Json.GetProperty("errors").GetProperty("fine")[0].GetString()!.ShouldContain("不得超过200.00元");
        (await bed.StateAsync()).ShouldBe(before);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM document_number_sequences")).ShouldBe(0);
    }

    [Fact]
    public async Task Filing_WithMissingFields_Is400KeyedByField()
    {
        await using var bed = await StartAsync();

        var invalid = (await bed.PostAsync("headA", "/api/v1/penalty-cases", new { powerCode = "PB1", party = new { type = "公司" }, officers = new[] { "X9" } }))
            .Is(HttpStatusCode.BadRequest);

        var errors = invalid.Json.GetProperty("errors");
        errors.GetProperty("powerCode")[0].GetString().ShouldBe("职权\"PB1\"不存在"); // another agency's power is as unknown as none
        errors.GetProperty("party.type")[0].GetString()!.ShouldStartWith("当事人类型\"公司\"无效");
        errors.GetProperty("filedOn")[0].GetString().ShouldBe("请填写立案日期(YYYY-MM-DD)");
        errors.GetProperty("officers[0]")[0].GetString().ShouldBe("执法证号\"X9\"不存在");
    }

    [Fact]
    public async Task Step_OnAStaleVersion_Is409AndWritesNothing()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        await c.EvidenceAsync();
        var before = await bed.StateAsync();

        var stale = (await bed.PostAsync("A002", $"/api/v1/penalty-cases/{c.Id}/record-evidence",
            new { kind = "书证", description = "进货单", collectedOn = "2024-05-09", collectors = new[] { "A001", "A002" } }, version: 1)).Is(HttpStatusCode.Conflict);
        var missing = (await bed.PostAsync("A002", $"/api/v1/penalty-cases/{c.Id}/record-evidence", new { kind = "书证" })).Is(HttpStatusCode.BadRequest);

        stale.Code.ShouldBe("case.version_conflict");
        stale.Json.GetProperty("detail").GetString().ShouldBe("案件已被他人更新(当前版本 2,本次操作基于版本 1),请刷新后重新操作");
        missing.Json.GetProperty("errors").GetProperty("version")[0].GetString()!.ShouldStartWith("请填写本次操作所基于的案件版本号");
        (await bed.StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Filing_RepeatedWithTheSameIdempotencyKey_ReturnsTheFirstCaseAndCreatesNothing()
    {
        await using var bed = await StartAsync();

        var first = (await bed.FileAsync(key: "app-20240628-0001")).Is(HttpStatusCode.Created);
        var state = await bed.StateAsync();
        var again = (await bed.FileAsync(key: "app-20240628-0001")).Is(HttpStatusCode.Created);
        var changed = (await bed.FileAsync(key: "app-20240628-0001", party: "另一当事人")).Is(HttpStatusCode.UnprocessableEntity);
        var other = (await bed.FileAsync(key: "app-20240628-0002")).Is(HttpStatusCode.Created);

        again.Text.ShouldBe(first.Text);
        changed.Code.ShouldBe("idempotency.key_reused");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM cases")).ShouldBe(2);
        other.Json.GetProperty("number").GetString().ShouldBe("津东市监立〔2024〕2号");
        state.ShouldNotBe(await bed.StateAsync()); // the second key did create its case
    }

    [Fact]
    public async Task Summary_RetriedConcurrentlyWithOneKey_CreatesOneCase()
    {
        await using var bed = await StartAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            bed.PostAsync("A001", "/api/v1/penalty-cases/summary", PenaltyWorkflowApiTests.Summary(100m), idempotencyKey: "retry-1")));

        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created);
        replies.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        (await bed.ScalarAsync<long>("SELECT count(*) FROM cases")).ShouldBe(1);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key <> 0")).ShouldBe(1);
    }

    [Fact]
    public async Task OtherAgency_OnEveryRouteOfACase_Is404AndSeesNothing()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        var before = await bed.StateAsync();
        var steps = new[]
        {
            "assign-officer", "record-recusal", "classify", "approve-extension", "record-evidence", "notify", "record-statement", "record-waiver",
            "request-hearing", "schedule-hearing", "record-hearing", "submit-review", "complete-review", "record-discussion", "decide", "serve",
            "record-payment", "approve-instalments", "approve-deferral", "start-appeal", "end-appeal", "close", "archive", "publish",
        };

        foreach (var user in new[] { "B001", "headB" })
        {
            foreach (var step in steps)
            {
                var reply = (await bed.PostAsync(user, $"/api/v1/penalty-cases/{c.Id}/{step}", new { }, c.Version)).Is(HttpStatusCode.NotFound);
                reply.Code.ShouldBe("case.not_found", step);
                reply.Text.ShouldNotContain("津东");
            }
            (await bed.GetAsync(user, $"/api/v1/penalty-cases/{c.Id}")).Is(HttpStatusCode.NotFound).Code.ShouldBe("case.not_found");
            foreach (var kind in new[] { "filing-approval", "penalty-notice", "hearing-notice", "penalty-decision", "service-receipt" })
                (await bed.GetAsync(user, $"/api/v1/penalty-cases/{c.Id}/documents/{kind}")).Is(HttpStatusCode.NotFound).Code.ShouldBe("case.not_found");
            (await bed.GetAsync(user, "/api/v1/penalty-cases")).Ok().Json.GetProperty("total").GetInt32().ShouldBe(0);
        }
        (await bed.GetAsync("sup", "/api/v1/penalty-cases")).Ok().Json.GetProperty("total").GetInt32().ShouldBe(1);
        (await bed.StateAsync()).ShouldBe(before);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_case_documents")).ShouldBe(1); // only the filing number
    }
}

public sealed class SqlitePenaltyRefusalApiTests : PenaltyRefusalApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPenaltyRefusalApiTests(PostgresServer server) : PenaltyRefusalApiTests
{
    protected override Task<PenaltyTestBed> StartAsync() => PenaltyTestBed.StartAsync(server);
}
