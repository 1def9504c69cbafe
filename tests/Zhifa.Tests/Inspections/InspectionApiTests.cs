using System.Net;
using System.Net.Http.Json;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>Recording inspections through the HTTP API: party types, the rules refusing, Idempotency-Key, scope.</summary>
public abstract class InspectionApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    [Fact]
    public async Task Record_WithEachPartyType_WritesCaseOfficersDetailAndRecordEntry()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");

        var person = await RecordOkAsync(client, ("partyType", "自然人"), ("partyName", "王芳"), ("partyIdNumber", PersonId.ToLowerInvariant()));
        var company = await RecordOkAsync(client);
        var shop = await RecordOkAsync(client, ("partyType", "OtherOrganisation"), ("partyName", "河东区鑫盛小吃店"), ("partyIdNumber", ShopCode));

        person.GetProperty("number").GetString().ShouldBe("AGA-JC-2025-000001");
        company.GetProperty("number").GetString().ShouldBe("AGA-JC-2025-000002");
        shop.GetProperty("number").GetString().ShouldBe("AGA-JC-2025-000003");
        person.GetProperty("partyIdNumber").GetString().ShouldBe(PersonId);
        person.GetProperty("partyTypeName").GetString().ShouldBe("自然人");
        shop.GetProperty("partyTypeName").GetString().ShouldBe("其他组织");
        company.GetProperty("statusName").GetString().ShouldBe("已办结");
        company.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ShouldBe(["张伟", "李娜"]);

        var rows = await bed.QueryAsync<(string Category, string Outcome, string? Credit, string PartyType)>(
            "SELECT category, outcome, party_credit_code, party_type FROM cases ORDER BY number");
        rows.ShouldBe([("Inspection", "未发现问题", null, "NaturalPerson"), ("Inspection", "未发现问题", CompanyCode, "LegalPerson"),
            ("Inspection", "未发现问题", ShopCode, "OtherOrganisation")]);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM cases WHERE closed_on = filed_on")).ShouldBe(3);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM case_officers")).ShouldBe(6);
        var kinds = await bed.QueryAsync<string>("SELECT kind FROM record_entries WHERE chain_key <> 0 ORDER BY chain_key");
        kinds.ShouldBe(["inspection.recorded", "inspection.recorded", "inspection.recorded"]);
        var content = await bed.ScalarAsync<string>("SELECT content FROM record_entries WHERE chain_key = @id", new { id = company.GetProperty("id").GetInt64() });
        content.ShouldContain("\"findings\":\"检查了食品经营许可证、从业人员健康证明和进货查验记录\"");
        content.ShouldContain("\"number\":\"AGA-JC-2025-000002\"");
    }

    public static TheoryData<string, (string, object?)[], string, string, string> Refusals() => new()
    {
        { "one officer", [("officers", new[] { "A001" })], "inspection.officers_too_few", "officers", "第四十二条" },
        { "officer of B", [("officers", new[] { "A001", "B001" })], "inspection.officer_other_agency", "officers", "执法证号\"B001\"" },
        { "revoked", [("officers", new[] { "A001", "A003" })], "inspection.officer_certificate_invalid", "officers", "王芳的执法证在2025-03-10无效" },
        { "penalty power", [("powerCode", "PA1")], "inspection.power_not_inspection", "powerCode", "不是行政检查职权" },
        { "power of B", [("powerCode", "PB2")], "inspection.power_other_agency", "powerCode", "职权编码\"PB2\"" },
        { "bad check char", [("partyType", "自然人"), ("partyIdNumber", PersonId[..17] + (PersonId[17] == '5' ? '6' : '5'))],
            "inspection.party_id_invalid", "partyIdNumber", $"第18位校验码应为{PersonId[17]}，实际为{(PersonId[17] == '5' ? '6' : '5')}" },
        { "future", [("inspectedOn", DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"))], "inspection.date_in_future", "inspectedOn", "晚于今天" },
        { "no findings", [("findings", " ")], "inspection.findings_required", "findings", "检查情况" },
        { "no deadline", [("result", "责令改正")], "inspection.deadline_required", "rectificationDeadline", "整改期限" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Record_WhenARuleRefuses_Is422WithCodeAndFieldAndWritesNothing(string why, (string, object?)[] changes, string code,
        string field, string message)
    {
        await using var bed = await StartAsync();
        var before = await WrittenAsync(bed);

        var response = await PostAsync(await bed.ClientAsAsync("offA"), Body(changes), key: "k-" + why.Replace(' ', '-'));

        var problem = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString()!.ShouldContain(message);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(problem.GetProperty("detail").GetString());
        problem.GetProperty("detail").GetString()!.ShouldNotContain("刘洋"); // nothing of agency B's officer leaks
        (await WrittenAsync(bed)).ShouldBe(before);
    }

    [Fact]
    public async Task Record_MalformedOrMissingFields_Is400NamingEachField()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");

        var missing = await PostAsync(client, Body(("partyType", "个人"), ("result", null), ("inspectedOn", null), ("powerCode", "")));
        var badDate = await client.PostAsync("/api/v1/inspections", new StringContent("{\"inspectedOn\":\"2025-13-45\"}", System.Text.Encoding.UTF8, "application/json"));

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(missing)).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["inspectedOn", "partyType", "powerCode", "result"]);
        errors.GetProperty("result")[0].GetString().ShouldBe("检查结果应为：未发现问题、责令改正、移交立案");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WrittenAsync(bed)).ShouldBe("0,0,0,0,0,0");
    }

    [Fact]
    public async Task Statistics_CountTheRecordedInspectionAndItsOfficers()
    {
        await using var bed = await StartAsync();
        await RecordOkAsync(await bed.ClientAsAsync("offA"));

        var figures = await Json(await (await bed.ClientAsAsync("sup")).GetAsync("/api/v1/statistics?from=2025-01-01&to=2025-12-31&agency=AGA"));

        figures.GetProperty("cases").GetProperty("total").GetInt64().ShouldBe(1);
        figures.GetProperty("cases").GetProperty("inspection").GetInt64().ShouldBe(1);
        figures.GetProperty("certifiedOfficers").GetInt64().ShouldBe(2); // A003 was revoked in 2024
        figures.GetProperty("officerParticipationRate").GetDouble().ShouldBe(1.0);
        figures.GetProperty("powerExerciseRate").GetDouble().ShouldBe(0.5); // PA2 of PA1, PA2
        figures.GetProperty("zeroEnforcementMonths").EnumerateArray().Select(m => m.GetProperty("month").GetString()).ShouldNotContain("2025-03");
    }

    [Fact]
    public async Task Record_RepeatedWithTheSameIdempotencyKey_ReturnsTheFirstAndWritesNothing()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");
        var first = await PostAsync(client, Body(), key: "3f1c2b7e-mobile-1");
        var written = await WrittenAsync(bed);

        var repeat = await PostAsync(client, Body(), key: "3f1c2b7e-mobile-1");
        var reused = await PostAsync(client, Body(("partyName", "另一家公司")), key: "3f1c2b7e-mobile-1");
        var otherUser = await PostAsync(await bed.ClientAsAsync("adminA"), Body(), key: "3f1c2b7e-mobile-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        repeat.StatusCode.ShouldBe(HttpStatusCode.Created);
        repeat.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        repeat.Headers.Location.ShouldBe(first.Headers.Location);
        (await Json(repeat)).GetProperty("id").GetInt64().ShouldBe((await Json(first)).GetProperty("id").GetInt64());
        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(reused)).GetProperty("code").GetString().ShouldBe("inspection.idempotency_key_reused");
        otherUser.StatusCode.ShouldBe(HttpStatusCode.Created); // keys are each caller's own
        (await Json(otherUser)).GetProperty("number").GetString().ShouldBe("AGA-JC-2025-000002");
        written.ShouldBe("1,2,1,1,1,1");
        (await WrittenAsync(bed)).ShouldBe("2,4,2,2,1,2");
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_SeesNothingOfTheInspection_AndTheSupervisorReadsButCannotAct()
    {
        await using var bed = await StartAsync();
        var a = await RecordOkAsync(await bed.ClientAsAsync("offA"), ("result", "移交立案"));
        var id = a.GetProperty("id").GetInt64();
        var offB = await bed.ClientAsAsync("offB");
        var sup = await bed.ClientAsAsync("sup");

        var responses = new[]
        {
            await offB.GetAsync($"/api/v1/inspections/{id}"),
            await offB.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { }),
            await offB.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-11", note = "已整改" }),
            await offB.GetAsync($"/api/v1/cases/{id}/record"),
        };
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await Json(response)).GetProperty("detail").GetString()!.ShouldNotContain("AGA-JC");
        }
        (await Json(await offB.GetAsync("/api/v1/inspections"))).GetProperty("total").GetInt32().ShouldBe(0);

        var seen = await Json(await sup.GetAsync($"/api/v1/inspections/{id}"));
        seen.GetProperty("number").GetString().ShouldBe("AGA-JC-2025-000001");
        (await sup.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(sup, Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(await sup.GetAsync("/api/v1/inspections"))).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Detail_ShowsANaturalPersonsIdInFullToTheAgencyAndMaskedToTheSupervisorAndInLists()
    {
        await using var bed = await StartAsync();
        var a = await RecordOkAsync(await bed.ClientAsAsync("offA"), ("partyType", "自然人"), ("partyName", "王芳"), ("partyIdNumber", PersonId));
        var id = a.GetProperty("id").GetInt64();
        var masked = PersonId[..3] + new string('*', 11) + PersonId[14..];

        (await Json(await (await bed.ClientAsAsync("sup")).GetAsync($"/api/v1/inspections/{id}"))).GetProperty("partyIdNumber").GetString().ShouldBe(masked);
        var list = await Json(await (await bed.ClientAsAsync("offA")).GetAsync("/api/v1/inspections"));
        list.GetProperty("items")[0].GetProperty("partyIdNumber").GetString().ShouldBe(masked);
        a.GetProperty("partyIdNumber").GetString().ShouldBe(PersonId);
    }
}

public sealed class SqliteInspectionApiTests : InspectionApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(null);

    [Fact]
    public async Task OpenApi_DescribesEveryInspectionOperationInChineseWithTheIdempotencyKey()
    {
        await using var bed = await StartAsync();

        using var doc = System.Text.Json.JsonDocument.Parse(await (await bed.ClientAsAsync("sup")).GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        var operations = new[] { ("/api/v1/inspections", "get"), ("/api/v1/inspections", "post"), ("/api/v1/inspections/{id}", "get"),
            ("/api/v1/inspections/{id}/rectified", "post"), ("/api/v1/inspections/{id}/refer", "post") };
        foreach (var (path, method) in operations)
        {
            var summary = paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!;
            summary.ShouldMatch("[\u4e00-\u9fff]", $"{method} {path}");
        }
        paths.GetProperty("/api/v1/inspections").GetProperty("post").GetProperty("parameters").EnumerateArray()
            .ShouldContain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInspectionApiTests(PostgresServer server) : InspectionApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(server);
}
