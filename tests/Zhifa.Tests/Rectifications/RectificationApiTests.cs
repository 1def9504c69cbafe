using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Documents;
using Zhifa.Tests.CaseFileReviews;
using Zhifa.Tests.Documents;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;

namespace Zhifa.Tests.Rectifications;

/// <summary>
/// 整改 through the HTTP API (ADR-020), on the 案卷评查 bed (AGA, AGB, AGC; sup, offA, offB, revA, revB, adminA) plus adminB:
/// the whole round of a notice, scope and roles, refused requests writing nothing, the overdue alert and the .docx.
/// </summary>
public abstract class RectificationApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<RecordTestBed> BedAsync()
    {
        var bed = await StartAsync();
        await bed.AddUserAsync("adminB", "agency-admin", "AGB");
        return bed;
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/v1/rectifications", body);

    private static async Task<JsonElement> IssueOkAsync(HttpClient client, object body)
    {
        var response = await IssueAsync(client, body);
        var json = await ReviewBed.Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, long id, string action, string? text) =>
        client.PostAsJsonAsync($"/api/v1/rectifications/{id}/{action}", new { text });

    private static async Task<JsonElement> ActOkAsync(HttpClient client, long id, string action, string? text)
    {
        var response = await ActAsync(client, id, action, text);
        var json = await ReviewBed.Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>A finished review batch of one AGA file with one finding; returns the finding's id.</summary>
    private static async Task<long> FinishedFindingAsync(HttpClient sup, bool finish = true)
    {
        var batch = await ReviewBed.CreateOkAsync(sup, ReviewBed.Batch(count: 1, agencies: ["AGA"]));
        var id = batch.GetProperty("id").GetInt64();
        var file = ReviewBed.FileId(batch, ReviewBed.Sample(batch, "AGA")[0]);
        (await ReviewBed.ScoreAsync(sup, id, file, ReviewBed.FullMarks(("SS1", 6m)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var finding = await ReviewBed.FindAsync(sup, id, file, "SS1", "询问笔录未经当事人签字");
        finding.StatusCode.ShouldBe(HttpStatusCode.Created);
        if (finish)
            (await sup.PostAsync($"/api/v1/case-file-reviews/{id}/finish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ReviewBed.Json(finding)).GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string status)
    {
        var page = await ReviewBed.Json(await client.GetAsync($"/api/v1/alerts?pageSize=500&kind=RectificationOverdue&status={status}"));
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Notice_IssuedAnsweredReturnedAnsweredAgainAccepted_KeepsEveryStepInItsHistory()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");
        var adminA = await bed.ClientAsAsync("adminA");
        var finding = await FinishedFindingAsync(sup);
        await AlertsEvaluateAsync(sup);
        var alert = (await ReviewBed.Json(await sup.GetAsync("/api/v1/alerts?agency=AGA&pageSize=1"))).GetProperty("items")[0];

        var notice = await IssueOkAsync(sup, new
        {
            agency = "AGA", issues = "询问笔录未经当事人签字确认。\n执法人员培训学时不足。", alertIds = new[] { alert.GetProperty("id").GetInt64() },
            findingIds = new[] { finding },
        });
        var id = notice.GetProperty("id").GetInt64();
        notice.GetProperty("number").GetString().ShouldBe($"执法监督整改〔{Today.Year}〕1号");
        notice.GetProperty("agencyName").GetString().ShouldBe("天津市河东区市场监督管理局");
        notice.GetProperty("statusName").GetString().ShouldBe("已下发");
        notice.GetProperty("issuedOn").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        var deadline = DateOnly.Parse(notice.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        deadline.ShouldBeGreaterThanOrEqualTo(Today.AddDays(19)); // 15 working days: three weeks at least
        notice.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        notice.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ShouldBe(["Alert", "Finding"]);
        notice.GetProperty("sources")[1].GetProperty("label").GetString()!.ShouldContain("询问笔录未经当事人签字");
        (await IssueOkAsync(sup, new { agency = "AGB", issues = "第二份" })).GetProperty("number").GetString().ShouldBe($"执法监督整改〔{Today.Year}〕2号");

        (await ActOkAsync(adminA, id, "answer", "已组织补签询问笔录")).GetProperty("statusName").GetString().ShouldBe("已回复");
        (await ActOkAsync(sup, id, "return", "未附补签后的笔录")).GetProperty("statusName").GetString().ShouldBe("已退回");
        (await ActOkAsync(adminA, id, "answer", "补签后的笔录已附后")).GetProperty("statusName").GetString().ShouldBe("已回复");
        var accepted = await ActOkAsync(sup, id, "accept", null);
        accepted.GetProperty("statusName").GetString().ShouldBe("已通过");
        accepted.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actedBy").GetString()))
            .ShouldBe([("Answer", "adminA"), ("Return", "sup"), ("Answer", "adminA"), ("Accept", "sup")]);
        accepted.GetProperty("history")[1].GetProperty("text").GetString().ShouldBe("未附补签后的笔录");

        var again = await ActAsync(sup, id, "accept", null);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReviewBed.Json(again);
        problem.GetProperty("code").GetString().ShouldBe("rectification.state");
        problem.GetProperty("detail").GetString()!.ShouldContain("已通过");
        (await ActAsync(adminA, id, "answer", "再答")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("UPDATE rectification_events SET text = 'x'"));
        await Should.ThrowAsync<Exception>(() => bed.ExecuteAsync("DELETE FROM rectification_events"));
    }

    [Fact]
    public async Task Scope_AnAgencySeesOnlyItsOwnNotices_AndEachStepIsForItsRole()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");
        var adminA = await bed.ClientAsAsync("adminA");
        var adminB = await bed.ClientAsAsync("adminB");
        var offA = await bed.ClientAsAsync("offA");
        var forA = (await IssueOkAsync(sup, new { agency = "AGA", issues = "案卷归档不及时" })).GetProperty("id").GetInt64();
        var forB = (await IssueOkAsync(sup, new { agency = "AGB", issues = "处罚决定未按期公示" })).GetProperty("id").GetInt64();

        (await IssueAsync(offA, new { agency = "AGA", issues = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await IssueAsync(adminA, new { agency = "AGA", issues = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await ReviewBed.Json(await offA.GetAsync("/api/v1/rectifications"));
        list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ShouldBe([forA]);
        (await ReviewBed.Json(await sup.GetAsync("/api/v1/rectifications"))).GetProperty("total").GetInt32().ShouldBe(2);
        (await offA.GetAsync($"/api/v1/rectifications/{forB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await offA.GetAsync($"/api/v1/rectifications/{forB}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActAsync(adminB, forA, "answer", "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActAsync(offA, forA, "answer", "x")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActAsync(sup, forA, "answer", "x")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActOkAsync(adminA, forA, "answer", "已整改")).GetProperty("mayDecide").GetBoolean().ShouldBeFalse();
        (await ActAsync(adminA, forA, "accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActAsync(adminA, forA, "return", "x")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM rectification_events")).ShouldBe(1);
    }

    [Fact]
    public async Task RefusedRequests_NameTheFieldInChinese_AndWriteNothing()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");
        var unfinished = await FinishedFindingAsync(sup, finish: false);
        await AlertsEvaluateAsync(sup);
        var alertOfB = (await ReviewBed.Json(await sup.GetAsync("/api/v1/alerts?agency=AGB&pageSize=1"))).GetProperty("items")[0].GetProperty("id").GetInt64();

        var missing = await IssueAsync(sup, new { deadline = "2026/01/01" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReviewBed.Json(missing)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["agency", "deadline", "issues"]);

        var unknown = await IssueAsync(sup, new { agency = "NOPE", issues = "x" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReviewBed.Json(unknown)).GetProperty("errors").GetProperty("agency")[0].GetString()!.ShouldContain("NOPE");

        var broken = await IssueAsync(sup, new
        {
            agency = "AGA", issues = "x", deadline = Today.AddDays(-1).ToString("yyyy-MM-dd"), alertIds = new[] { alertOfB, 999999 },
            findingIds = new[] { unfinished },
        });
        broken.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await ReviewBed.Json(broken);
        problem.GetProperty("title").GetString().ShouldBe("业务规则不允许");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(["alertIds[0]", "alertIds[1]", "deadline", "findingIds[0]"]);
        errors.GetProperty("deadline")[0].GetString()!.ShouldContain("早于下发日期");
        errors.GetProperty("alertIds[0]")[0].GetString()!.ShouldContain("天津市河东区市场监督管理局");
        errors.GetProperty("findingIds[0]")[0].GetString()!.ShouldContain("尚未完成");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM rectification_notices")).ShouldBe(0);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM rectification_sources")).ShouldBe(0);

        var id = (await IssueOkAsync(sup, new { agency = "AGA", issues = "x" })).GetProperty("id").GetInt64();
        var noText = await ActAsync(await bed.ClientAsAsync("adminA"), id, "answer", "  ");
        noText.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReviewBed.Json(noText)).GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("整改情况");
        var early = await ActAsync(sup, id, "return", "理由");
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReviewBed.Json(early)).GetProperty("detail").GetString()!.ShouldContain("已下发");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM rectification_events")).ShouldBe(0);
    }

    [Fact]
    public async Task OverdueNotice_OpensAnAlertCitingIt_WhichStaysUntilAccepted()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");
        var adminA = await bed.ClientAsAsync("adminA");
        var notice = await IssueOkAsync(sup, new { agency = "AGA", issues = "案卷归档不及时", deadline = Today.ToString("yyyy-MM-dd") });
        var id = notice.GetProperty("id").GetInt64();
        var number = notice.GetProperty("number").GetString()!;

        await AlertsEvaluateAsync(sup);
        (await AlertsAsync(sup, "open")).ShouldBeEmpty(); // due today: not yet overdue

        // Time passes: the deadline is now yesterday (the platform's clock is the real one, as in the alert tests).
        await bed.ExecuteAsync("UPDATE rectification_notices SET deadline = @d WHERE id = @id", new { d = Today.AddDays(-1), id });
        await AlertsEvaluateAsync(sup);
        var open = await AlertsAsync(await bed.ClientAsAsync("offA"), "open");
        open.Count.ShouldBe(1);
        open[0].GetProperty("record").GetString().ShouldBe(number);
        open[0].GetProperty("kindName").GetString().ShouldBe("整改逾期");
        open[0].GetProperty("rule").GetString().ShouldBe("整改通知书规定的整改期限");
        open[0].GetProperty("details").GetString()!.ShouldContain($"整改通知书 {number}");
        (await AlertsAsync(await bed.ClientAsAsync("offB"), "open")).ShouldBeEmpty();
        (await ReviewBed.Json(await sup.GetAsync($"/api/v1/rectifications/{id}"))).GetProperty("overdue").GetBoolean().ShouldBeTrue();

        await ActOkAsync(adminA, id, "answer", "已归档");
        await AlertsEvaluateAsync(sup);
        (await AlertsAsync(sup, "open")).Count.ShouldBe(1); // answered is not accepted

        await ActOkAsync(sup, id, "accept", "整改到位");
        await AlertsEvaluateAsync(sup);
        (await AlertsAsync(sup, "open")).ShouldBeEmpty();
        (await AlertsAsync(sup, "closed")).Single().GetProperty("record").GetString().ShouldBe(number);
    }

    [Fact]
    public async Task Document_IsADocxWithTheNumberAgencyAndDeadline()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");
        var deadline = Today.AddDays(30);
        var notice = await IssueOkAsync(sup, new { agency = "AGA", issues = "案卷归档不及时", deadline = deadline.ToString("yyyy-MM-dd") });
        var id = notice.GetProperty("id").GetInt64();

        var response = await (await bed.ClientAsAsync("adminA")).GetAsync($"/api/v1/rectifications/{id}/document");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Docx.ValidationErrors(bytes).ShouldBeEmpty();
        var text = Docx.Text(bytes);
        text.ShouldContain("整改通知书");
        text.ShouldContain(notice.GetProperty("number").GetString()!);
        text.ShouldContain("天津市河东区市场监督管理局");
        text.ShouldContain("案卷归档不及时");
        text.ShouldContain($"于{ChineseFormat.Date(deadline)}前完成整改");
    }

    [Fact]
    public async Task ConcurrentRequests_EachNoticeGetsItsOwnNumber_AndOnlyOneDecisionIsTaken()
    {
        await using var bed = await BedAsync();
        var sup = await bed.ClientAsAsync("sup");

        var issued = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => IssueAsync(sup, new { agency = i % 2 == 0 ? "AGA" : "AGB", issues = $"问题{i}" })));
        issued.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        (await bed.QueryAsync<int>("SELECT sequence FROM rectification_notices ORDER BY sequence")).ShouldBe([1, 2, 3, 4, 5, 6]);

        var id = (await ReviewBed.Json(issued[1])).GetProperty("id").GetInt64(); // AGA's
        await ActOkAsync(await bed.ClientAsAsync("adminA"), id, "answer", "已整改");
        var decisions = await Task.WhenAll(ActAsync(sup, id, "accept", null), ActAsync(sup, id, "return", "不到位"), ActAsync(sup, id, "accept", null));
        decisions.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        decisions.Where(r => r.StatusCode != HttpStatusCode.OK)
            .ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.UnprocessableEntity);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM rectification_events WHERE action <> 'Answer'")).ShouldBe(1);
    }

    private static async Task AlertsEvaluateAsync(HttpClient sup)
    {
        var response = await sup.PostAsync("/api/v1/alerts/evaluate", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteRectificationApiTests : RectificationApiTests
{
    protected override Task<RecordTestBed> StartAsync() => ReviewBed.StartAsync(null);

    [Fact]
    public async Task OpenApi_DescribesTheRectificationOperationsInChinese()
    {
        await using var bed = await StartAsync();
        using var doc = JsonDocument.Parse(await (await bed.ClientAsAsync("sup")).GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[]
                 {
                     ("/api/v1/rectifications", "post"), ("/api/v1/rectifications", "get"), ("/api/v1/rectifications/{id}", "get"),
                     ("/api/v1/rectifications/{id}/answer", "post"), ("/api/v1/rectifications/{id}/accept", "post"),
                     ("/api/v1/rectifications/{id}/return", "post"), ("/api/v1/rectifications/{id}/document", "get"),
                 })
            paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!.ShouldMatch("[\u4e00-\u9fff]", $"{method} {path}");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRectificationApiTests(PostgresServer server) : RectificationApiTests
{
    protected override Task<RecordTestBed> StartAsync() => ReviewBed.StartAsync(server);
}
