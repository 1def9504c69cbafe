using System.Net;
using System.Text.Json;
using Zhifa.Data.Statistics;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>The penalty workflow through the HTTP API: a general case from filing to archiving, the summary procedure, deadlines and documents.</summary>
public abstract class PenaltyWorkflowApiTests
{
    protected abstract Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null);

    [Fact]
    public async Task GeneralCase_FromFilingToArchiving_KeepsTheCasesRowStatisticsAndRecordInStep()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        c.Last.Json.GetProperty("number").GetString().ShouldBe("津东市监立〔2024〕1号");
        c.Last.Json.GetProperty("stage").GetString().ShouldBe("Filed");

        await c.HeardAsync();
        await c.ReviewedAsync();
        await c.DecideAsync();
        await c.ServeAsync();
        await c.StepAsync("A001", "record-payment", new { paidOn = "2024-06-05", amount = 5000m, receiptNumber = "PJ2024001" });
        await c.StepAsync("headA", "close", new { closedOn = "2024-06-06", reason = "执行完毕" });
        var archived = await c.StepAsync("A001", "archive", new { archivedOn = "2024-06-07" });

        var view = archived.Json;
        view.GetProperty("stage").GetString().ShouldBe("Archived");
        view.GetProperty("stageName").GetString().ShouldBe("归档");
        view.GetProperty("version").GetInt64().ShouldBe(13);
        view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()).ShouldBe(
        [
            "file", "record-evidence", "notify", "request-hearing", "schedule-hearing", "record-hearing", "submit-review", "complete-review",
            "decide", "serve", "record-payment", "close", "archive",
        ]);
        view.GetProperty("stages").EnumerateArray().Where(s => !s.GetProperty("reached").GetBoolean()).Select(s => s.GetProperty("stage").GetString())
            .ShouldBe(["CollectiveDiscussion"]); // not required: no 情节复杂 or 重大违法 flag
        view.GetProperty("execution").GetProperty("outstanding").GetDecimal().ShouldBe(0m);
        // Only the publication limit is left: the decision was never published (the statistics below say the same).
        view.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldBe(["公示处罚决定期限"]);
        view.GetProperty("availableSteps").GetArrayLength().ShouldBe(0);

        var row = (await bed.QueryAsync<(string Category, string Procedure, long Fine, string Decided, string Closed, string Outcome, string Party)>(
            "SELECT category, procedure, fine_fen, CAST(decided_on AS text), CAST(closed_on AS text), outcome, party_name FROM cases WHERE id = @id",
            new { id = c.Id })).ShouldHaveSingleItem();
        row.ShouldBe(("Penalty", "General", 500000L, "2024-05-29", "2024-06-06", "给予行政处罚", "孙某"));
        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_officers WHERE case_id = @id", new { id = c.Id })).ShouldBe(2);
        var kinds = await bed.QueryAsync<string>("SELECT kind FROM record_entries WHERE chain_key = @id ORDER BY sequence", new { id = c.Id });
        kinds.Count.ShouldBe(13);
        kinds[0].ShouldBe("penalty.file");
        kinds[^1].ShouldBe("penalty.archive");

        var figures = (await (await StatisticsService.ForAsync(bed.Target)).ComputeAsync(StatisticsPeriod.Year(2024), StatisticsScope.ForAgency("AGA"))).Value;
        figures.Cases.Penalty.ShouldBe(1);
        figures.FinesFen.ShouldBe(500000);
        figures.UnpublishedDecisions.ShouldBe(["津东市监立〔2024〕1号"]); // decided, not yet published within 7 working days
        var audit = await bed.AuditAsync();
        audit.ExitCode.ShouldBe(0, audit.StdErr);
        audit.StdOut.ShouldContain("14 条记录,2 条链"); // and the import entry of the bed's data
    }

    [Fact]
    public async Task Summary_DecidedOnTheSpot_IsAServedCaseCountedWithItsFine()
    {
        await using var bed = await StartAsync();

        var created = (await bed.PostAsync("A001", "/api/v1/penalty-cases/summary", Summary(200m))).Is(HttpStatusCode.Created);

        created.Response.Headers.Location!.ToString().ShouldBe($"/api/v1/penalty-cases/{created.Id}");
        var view = created.Json;
        view.GetProperty("number").GetString().ShouldBe("津东市监当罚〔2024〕1号"); // the on-the-spot series (ADR-013)
        view.GetProperty("procedure").GetString().ShouldBe("Summary");
        view.GetProperty("stage").GetString().ShouldBe("Served");
        view.GetProperty("decision").GetProperty("terms").GetProperty("fine").GetDecimal().ShouldBe(200m);
        view.GetProperty("deadlines")[0].GetProperty("name").GetString().ShouldBe("缴纳罚款期限");
        view.GetProperty("deadlines")[0].GetProperty("due").GetString().ShouldBe("2024-07-15"); // 15 days after 2024-06-28 is a Saturday
        (await bed.QueryAsync<(string Procedure, long Fine, string Decided)>(
                "SELECT procedure, fine_fen, CAST(decided_on AS text) FROM cases WHERE id = @id", new { id = created.Id }))
            .ShouldHaveSingleItem().ShouldBe(("Summary", 20000L, "2024-06-28"));
    }

    [Fact]
    public async Task View_OfAFiledCase_ShowsEachDeadlineWithItsRuleConfiguredValueAndStatus()
    {
        await using var bed = await StartAsync();
        var soon = (await bed.FileAsync("2024-04-01")).Is(HttpStatusCode.Created); // limit 2024-06-30 is a Sunday: 2024-07-01
        var overdue = (await bed.FileAsync("2024-03-01", party: "钱某")).Is(HttpStatusCode.Created); // limit 2024-05-30
        var ok = (await bed.FileAsync("2024-06-20", party: "李某")).Is(HttpStatusCode.Created);

        var deadline = (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{soon.Id}")).Ok().Json.GetProperty("deadlines").EnumerateArray().ShouldHaveSingleItem();
        var dueSoon = (await bed.GetAsync("A001", "/api/v1/penalty-cases?due=soon")).Ok().Json;
        var late = (await bed.GetAsync("sup", "/api/v1/penalty-cases?due=overdue")).Ok().Json;
        var mine = (await bed.GetAsync("A002", "/api/v1/penalty-cases?officer=me&stage=立案")).Ok().Json;

        deadline.GetProperty("name").GetString().ShouldBe("作出处罚决定期限");
        deadline.GetProperty("due").GetString().ShouldBe("2024-07-01");
        deadline.GetProperty("rule").GetString().ShouldBe("行政处罚法 第六十条");
        deadline.GetProperty("configuredValue").GetString().ShouldBe("立案之日起90日");
        deadline.GetProperty("status").GetString().ShouldBe("due-soon");
        deadline.GetProperty("statusName").GetString().ShouldBe("即将到期");
        Ids(dueSoon).ShouldBe([soon.Id]);
        dueSoon.GetProperty("items")[0].GetProperty("nextDeadline").GetProperty("due").GetString().ShouldBe("2024-07-01");
        Ids(late).ShouldBe([overdue.Id]);
        late.GetProperty("items")[0].GetProperty("nextDeadline").GetProperty("status").GetString().ShouldBe("overdue");
        Ids(mine).ShouldBe([ok.Id, overdue.Id, soon.Id]);
        mine.GetProperty("total").GetInt32().ShouldBe(3);
        mine.GetProperty("items")[0].GetProperty("officers").EnumerateArray().Select(o => o.GetString()).Order().ShouldBe(["张伟", "李娜"]);
    }

    [Fact]
    public async Task Rules_FromConfiguration_SetTheLimitAndAreShownBesideIt()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?> { ["Zhifa:PenaltyRules:DecisionDays"] = "60" });

        var filed = (await bed.FileAsync("2024-05-06")).Is(HttpStatusCode.Created);

        var deadline = filed.Json.GetProperty("deadlines")[0];
        deadline.GetProperty("due").GetString().ShouldBe("2024-07-05");
        deadline.GetProperty("configuredValue").GetString().ShouldBe("立案之日起60日");
    }

    [Fact]
    public async Task Documents_OfADecidedCase_DownloadAsValidDocxWithTheirNumbersAndTheParty()
    {
        await using var bed = await StartAsync();
        var c = await CaseDriver.FileAsync(bed);
        await c.HeardAsync();
        await c.ReviewedAsync();
        await c.DecideAsync();
        await c.ServeAsync();

        var expected = new Dictionary<string, string>
        {
            ["filing-approval"] = "津东市监立〔2024〕1号", ["penalty-notice"] = "津东市监告〔2024〕1号", ["hearing-notice"] = "津东市监听告〔2024〕1号",
            ["penalty-decision"] = "津东市监罚〔2024〕1号", ["service-receipt"] = "津东市监送〔2024〕1号",
        };
        foreach (var (kind, number) in expected)
        {
            var response = await (await bed.As("A002")).GetAsync($"/api/v1/penalty-cases/{c.Id}/documents/{kind}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, kind);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Docx.ValidationErrors(bytes).ShouldBeEmpty(kind);
            var text = Docx.Text(bytes);
            text.ShouldContain(number, customMessage: kind);
            text.ShouldContain("孙某", customMessage: kind);
        }
        var decision = Docx.Text(await (await bed.As("sup")).GetByteArrayAsync($"/api/v1/penalty-cases/{c.Id}/documents/penalty-decision"));
        decision.ShouldContain("津东市监罚〔2024〕1号"); // the same number on every later copy
        decision.ShouldContain("罚款人民币伍仟元整");
        decision.ShouldContain("天津市河东区人民政府");
        decision.ShouldContain("津东市监告〔2024〕1号"); // the notice it answers
        var view = (await bed.GetAsync("A001", $"/api/v1/penalty-cases/{c.Id}")).Ok().Json;
        view.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("number").GetString()).ShouldBe(expected.Values);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key = @id AND kind = 'penalty.document-numbered'", new { id = c.Id }))
            .ShouldBe(4); // the filing approval's number is the case number, given at filing
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Document_BeforeItsStep_Is422AndUnknownKindIs404()
    {
        await using var bed = await StartAsync();
        var filed = (await bed.FileAsync()).Is(HttpStatusCode.Created);

        var early = await bed.GetAsync("A001", $"/api/v1/penalty-cases/{filed.Id}/documents/penalty-decision");
        var unknown = await bed.GetAsync("A001", $"/api/v1/penalty-cases/{filed.Id}/documents/letter");

        early.Is(HttpStatusCode.UnprocessableEntity).Code.ShouldBe("document.not_available");
        unknown.Is(HttpStatusCode.NotFound).Code.ShouldBe("document.unknown_kind");
    }

    [Fact]
    public async Task File_ConcurrentlyByTwoAgenciesSharingAPrefix_GivesEveryCaseItsOwnNumber()
    {
        await using var bed = await StartAsync();
        (await bed.PutAsync("headA", "/api/v1/agencies/AGA/document-prefix", new { prefix = "津东共用" })).Ok();
        (await bed.PutAsync("headB", "/api/v1/agencies/AGB/document-prefix", new { prefix = "津东共用" })).Ok();

        var filings = Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            bed.FileAsync(party: $"甲{i}"),
            bed.PostAsync("headB", "/api/v1/penalty-cases", new
            {
                powerCode = "PB1",
                party = new { type = "自然人", name = $"乙{i}", identifier = "120102198001011234", address = "天津市河东区六纬路1号", phone = "13800000000" },
                actOn = "2024-04-26", discoveredOn = "2024-05-03", filedOn = "2024-05-06",
                caseSummary = "当事人在道路上占道经营", caseSource = "日常巡查", caseCause = "违法占道经营", officers = new[] { "B001", "B002" },
            }),
        }).ToList();
        var replies = await Task.WhenAll(filings);

        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created, string.Join("\n", replies.Select(r => r.Text)));
        var numbers = replies.Select(r => r.Json.GetProperty("number").GetString()).ToList();
        numbers.Distinct().Count().ShouldBe(16);
        numbers.ShouldAllBe(n => n!.StartsWith("津东共用立〔2024〕"));
    }

    [Fact]
    public async Task File_ConcurrentlyInOneAgency_NumbersTheCasesOneToNWithoutGapsAndStepsKeepTheirRecord()
    {
        await using var bed = await StartAsync();

        // Twelve filings at once (each sent twice with its own key), then each filed case takes a step at once.
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).SelectMany(i => new[]
        {
            bed.FileAsync(party: $"并发{i}", key: $"burst-{i}"), bed.FileAsync(party: $"并发{i}", key: $"burst-{i}"),
        }));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.Created, string.Join("\n", replies.Select(r => r.Text)));
        var cases = replies.DistinctBy(r => r.Id).ToList();
        var steps = await Task.WhenAll(cases.Select(c => bed.PostAsync("A001", $"/api/v1/penalty-cases/{c.Id}/record-evidence", new
        {
            kind = "书证", description = "营业执照复印件", collectedOn = "2024-05-07", collectors = new[] { "A001", "A002" },
        }, c.Json.GetProperty("version").GetInt64())));

        cases.Count.ShouldBe(12);
        replies.GroupBy(r => r.Id).ShouldAllBe(g => g.Select(r => r.Text).Distinct().Count() == 1);
        cases.Select(c => c.Json.GetProperty("number").GetString()!).Order()
            .ShouldBe(Enumerable.Range(1, 12).Select(n => $"津东市监立〔2024〕{n}号").Order());
        steps.ShouldAllBe(r => r.Status == HttpStatusCode.OK, string.Join("\n", steps.Select(r => r.Text)));
        (await bed.ScalarAsync<long>("SELECT count(*) FROM cases")).ShouldBe(12);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key <> 0")).ShouldBe(24);
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryPenaltyRouteInChinese()
    {
        await using var bed = await StartAsync();

        using var doc = JsonDocument.Parse(await (await bed.As("sup")).GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var step in new[] { "notify", "decide", "complete-review", "archive", "record-waiver" })
            paths.GetProperty($"/api/v1/penalty-cases/{{id}}/{step}").GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("版本号");
        paths.GetProperty("/api/v1/penalty-cases").GetProperty("post").GetProperty("summary").GetString()!.ShouldStartWith("立案");
        paths.GetProperty("/api/v1/penalty-cases/{id}/documents/{kind}").GetProperty("get").GetProperty("summary").GetString()!.ShouldContain("送达回证");
        paths.GetProperty("/api/v1/reviews/statistics").GetProperty("get").GetProperty("summary").GetString()!.ShouldStartWith("法制审核统计");
        paths.GetProperty("/api/v1/powers/{code}/benchmarks").GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("裁量权基准");
    }

    internal static object Summary(decimal fine, string party = "吴某") => new
    {
        powerCode = "PA1", party = new { type = "NaturalPerson", name = party }, actOn = "2024-06-28", decidedOn = "2024-06-28",
        kinds = new[] { "Fine" }, fine, facts = "当事人在店外占道堆放过期食品", basis = "《中华人民共和国食品安全法》第一百二十四条", officers = new[] { "A001", "A002" },
    };

    private static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
}

public sealed class SqlitePenaltyWorkflowApiTests : PenaltyWorkflowApiTests
{
    protected override Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => PenaltyTestBed.StartAsync(null, settings);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPenaltyWorkflowApiTests(PostgresServer server) : PenaltyWorkflowApiTests
{
    protected override Task<PenaltyTestBed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => PenaltyTestBed.StartAsync(server, settings);
}
