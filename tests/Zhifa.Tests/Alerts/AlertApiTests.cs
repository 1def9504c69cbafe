using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.Alerts.AlertBed;

namespace Zhifa.Tests.Alerts;

/// <summary>Alerts (预警) through the HTTP API: each kind opens on a crafted record and closes when its cause is fixed; scope; idempotency.</summary>
public abstract class AlertApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    private static readonly string LastYear = (Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Evaluate_OpensEachKindOnItsRecord_NamingRuleAgencyAndRecord()
    {
        await using var bed = await StartAsync();

        var run = await EvaluateAsync(bed);

        var sup = await bed.ClientAsAsync("sup");
        var open = await OpenAsync(sup);
        open.ShouldContain(("DecisionOverdue", "AGA", Over));
        open.ShouldContain(("DecisionDue", "AGA", Due));
        open.ShouldContain(("DecisionUnpublished", "AGA", Unpub));
        open.ShouldContain(("DecisionPublishedLate", "AGB", Late));
        open.ShouldContain(("RevokedOfficerOpenCases", "AGA", "王芳(A003)"));
        foreach (var officer in new[] { ("AGA", "张伟(A001)"), ("AGA", "李娜(A002)"), ("AGB", "刘洋(B001)"), ("AGB", "陈静(B002)") })
            open.ShouldContain(("TrainingHoursShort", officer.Item1, $"{officer.Item2} {LastYear}年"));
        open.ShouldNotContain(a => a.Kind == "TooFewOfficers");
        open.Where(a => a.Kind == "DecisionOverdue" || a.Kind == "DecisionDue").Select(a => a.Record).ShouldBe([Due, Over], ignoreOrder: true);
        var lastMonth = Today.AddDays(-Today.Day).ToString("yyyy-MM");
        open.ShouldContain(("ZeroEnforcement", "AGB", lastMonth));
        run.GetProperty("opened").GetInt32().ShouldBe(open.Count);

        var item = (await Json(await sup.GetAsync("/api/v1/alerts?kind=处罚决定逾期公示"))).GetProperty("items")[0];
        item.GetProperty("kindName").GetString().ShouldBe("处罚决定逾期公示");
        item.GetProperty("rule").GetString().ShouldBe("国办发〔2018〕118号");
        item.GetProperty("agencyName").GetString().ShouldBe("天津市河东区城市管理委员会");
        item.GetProperty("details").GetString()!.ShouldContain($"实际公示日期 {Today.AddDays(-5):yyyy-MM-dd}");
        item.GetProperty("caseId").GetInt64().ShouldBe(await bed.CaseIdAsync(Late));
        item.GetProperty("statusName").GetString().ShouldBe("未关闭");
    }

    [Fact]
    public async Task Evaluate_AgainOnTheSameRecords_OpensAndClosesNothing()
    {
        await using var bed = await StartAsync();
        var first = await EvaluateAsync(bed);
        var rows = await bed.ScalarAsync<long>("SELECT count(*) FROM alerts");

        var second = await EvaluateAsync(bed);

        second.GetProperty("opened").GetInt32().ShouldBe(0);
        second.GetProperty("closed").GetInt32().ShouldBe(0);
        second.GetProperty("open").GetInt32().ShouldBe(first.GetProperty("open").GetInt32());
        (await bed.ScalarAsync<long>("SELECT count(*) FROM alerts")).ShouldBe(rows);
    }

    [Fact]
    public async Task Alerts_CloseThemselvesWhenTheCauseIsFixed_AndStayListedAsClosed()
    {
        await using var bed = await StartAsync();
        await EvaluateAsync(bed);
        var sup = await bed.ClientAsAsync("sup");
        var zeroMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-6); // no crafted case is filed in it

        // The agencies fix the records: the overdue case decided, the decision published on time, the inspection closed,
        // a case of AGB filed in a month without one, and A001's training of last year recorded.
        await bed.ExecuteAsync("UPDATE cases SET decided_on = @d WHERE number = @n", new { d = Today, n = Over });
        await bed.ExecuteAsync("UPDATE cases SET published_on = decided_on WHERE number = @n", new { n = Unpub });
        await bed.ExecuteAsync("UPDATE cases SET closed_on = @d WHERE number = @n", new { d = Today, n = Held });
        await bed.ExecuteAsync("INSERT INTO cases (number, agency_id, category, power_id, filed_on, extension_days) " +
                               "SELECT 'AGB-QT-1', agency_id, 'Other', id, @d, 0 FROM powers WHERE code = 'PB1'", new { d = zeroMonth.AddDays(3) });
        var trained = await TrainAsync(await bed.ClientAsAsync("adminA"), "A001", new { trainedOn = $"{LastYear}-06-01", hours = 60, course = "行政处罚法专题培训" });
        trained.StatusCode.ShouldBe(HttpStatusCode.Created, await trained.Content.ReadAsStringAsync());
        (await Json(trained)).GetProperty("yearHours").GetDecimal().ShouldBe(60m);

        var run = await EvaluateAsync(bed);

        run.GetProperty("closed").GetInt32().ShouldBe(5);
        var open = await OpenAsync(sup);
        open.ShouldNotContain(a => a.Record == Over || a.Record == Unpub || a.Record == "王芳(A003)" || a.Record == $"张伟(A001) {LastYear}年");
        open.ShouldNotContain(("ZeroEnforcement", "AGB", zeroMonth.ToString("yyyy-MM")));
        open.ShouldContain(("DecisionPublishedLate", "AGB", Late));
        open.ShouldNotContain(a => a.Record == Unpub); // published on time: no late alert either
        var closed = await OpenAsync(sup, "&status=closed");
        closed.Select(a => a.Record).ShouldBe([Over, Unpub, "王芳(A003)", $"张伟(A001) {LastYear}年", zeroMonth.ToString("yyyy-MM")], ignoreOrder: true);
        (await Json(await sup.GetAsync("/api/v1/alerts?status=closed&pageSize=1"))).GetProperty("items")[0].GetProperty("closedAt").ValueKind
            .ShouldBe(System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task TooFewOfficers_OpensWhenACaseLosesItsSecondCertifiedOfficer_AndClosesWhenRestored()
    {
        await using var bed = await StartAsync();
        var caseId = await bed.CaseIdAsync(Few);
        var a002 = await bed.ScalarAsync<long>("SELECT id FROM officers WHERE certificate_number = 'A002'");
        await bed.ExecuteAsync("DELETE FROM case_officers WHERE case_id = @caseId AND officer_id = @a002", new { caseId, a002 });

        await EvaluateAsync(bed);
        var offA = await bed.ClientAsAsync("offA");
        (await OpenAsync(offA, "&kind=TooFewOfficers")).ShouldBe([("TooFewOfficers", "AGA", Few)]);

        await bed.ExecuteAsync("INSERT INTO case_officers (case_id, officer_id, filed_on) SELECT id, @a002, filed_on FROM cases WHERE id = @caseId",
            new { caseId, a002 });
        await EvaluateAsync(bed);

        (await OpenAsync(offA, "&kind=TooFewOfficers")).ShouldBeEmpty();
        (await OpenAsync(offA, "&kind=TooFewOfficers&status=closed")).ShouldBe([("TooFewOfficers", "AGA", Few)]);
    }

    [Fact]
    public async Task Inbox_OfAnAgency_ShowsOnlyItsOwnAlerts()
    {
        await using var bed = await StartAsync();
        await EvaluateAsync(bed);

        var offA = await OpenAsync(await bed.ClientAsAsync("offA"));
        var offB = await OpenAsync(await bed.ClientAsAsync("offB"));
        var sup = await OpenAsync(await bed.ClientAsAsync("sup"));

        offA.ShouldNotBeEmpty();
        offA.ShouldAllBe(a => a.Agency == "AGA");
        offB.ShouldAllBe(a => a.Agency == "AGB");
        offB.ShouldContain(("DecisionPublishedLate", "AGB", Late));
        (offA.Count + offB.Count).ShouldBe(sup.Count);
        (await (await bed.ClientAsAsync("offA")).GetAsync("/api/v1/alerts?agency=AGB")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OpenAsync(await bed.ClientAsAsync("sup"), "&agency=AGB")).ShouldBe(offB, ignoreOrder: true);
    }

    [Fact]
    public async Task EvaluateAndTraining_OutsideTheRoles_AreRefused()
    {
        await using var bed = await StartAsync();

        (await (await bed.ClientAsAsync("offA")).PostAsync("/api/v1/alerts/evaluate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = new { trainedOn = $"{LastYear}-06-01", hours = 8, course = "行政执法证件管理培训" };
        (await TrainAsync(await bed.ClientAsAsync("offA"), "A001", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TrainAsync(await bed.ClientAsAsync("adminA"), "B001", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await TrainAsync(await bed.ClientAsAsync("adminA"), "A001", new { trainedOn = "2020-02-30", hours = 0, course = "" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["course", "hours", "trainedOn"]);
        (await (await bed.ClientAsAsync("sup")).GetAsync("/api/v1/alerts?kind=nonsense")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM officer_trainings")).ShouldBe(0);
    }
}

public sealed class SqliteAlertApiTests : AlertApiTests
{
    protected override Task<RecordTestBed> StartAsync() => AlertBed.StartAsync(null);

    [Fact]
    public async Task Cli_AlertsEvaluate_OpensWhatTheApiWould_AndTheApiThenFindsNothingNew()
    {
        await using var bed = await StartAsync();

        var cli = await CliProcess.RunAsync(TestDatabases.CliText(bed.Target), "alerts", "evaluate");

        cli.ExitCode.ShouldBe(0, cli.StdErr);
        var opened = await bed.ScalarAsync<long>("SELECT count(*) FROM alerts");
        cli.StdOut.ShouldContain($"新增 {opened} 条");
        var api = await EvaluateAsync(bed);
        api.GetProperty("opened").GetInt32().ShouldBe(0);
        api.GetProperty("closed").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task DailyJob_IsScheduledAtTwoInTheMorningOfThePlatformsTimeZone()
    {
        await using var bed = await StartAsync();

        var scheduler = await bed.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey("alerts-daily"));

        trigger.ShouldNotBeNull();
        trigger.JobKey.Name.ShouldBe("alerts-evaluate");
        var next = TimeZoneInfo.ConvertTime(trigger.NextFireTimeUtc!.Value, bed.App.Services.GetRequiredService<TimeProvider>().LocalTimeZone);
        (next.Hour, next.Minute).ShouldBe((2, 0));
        (next - DateTimeOffset.UtcNow).ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task OpenApi_DescribesTheAlertOperationsInChinese()
    {
        await using var bed = await StartAsync();

        using var doc = System.Text.Json.JsonDocument.Parse(await (await bed.ClientAsAsync("sup")).GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[] { ("/api/v1/alerts", "get"), ("/api/v1/alerts/evaluate", "post"), ("/api/v1/officers/{certificateNumber}/trainings", "post") })
            paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!.ShouldMatch("[\u4e00-\u9fff]", $"{method} {path}");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertApiTests(PostgresServer server) : AlertApiTests
{
    protected override Task<RecordTestBed> StartAsync() => AlertBed.StartAsync(server);
}
