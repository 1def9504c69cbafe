using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>What follows an inspection: rectification, referral, the record entries they append, and the list filters.</summary>
public abstract class InspectionFollowUpApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    [Fact]
    public async Task Rectified_ClosesTheCaseOnTheDayAndAppendsAnEntry_AndIsRecordedOnceAtTheCurrentVersion()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");
        var recorded = await RecordOkAsync(client, ("result", "责令改正"), ("rectificationDeadline", "2025-03-20"));
        var id = recorded.GetProperty("id").GetInt64();
        recorded.GetProperty("statusName").GetString().ShouldBe("逾期未整改"); // the deadline has passed and nothing is recorded
        (await ClosedOnAsync(bed, id)).ShouldBeNull();

        var response = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-18", note = "已补办从业人员健康证明", version = 1 });
        var stale = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-19", note = "再次", version = 1 });
        var twice = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-19", note = "再次" });

        var rectified = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, rectified.ToString());
        rectified.GetProperty("statusName").GetString().ShouldBe("已整改");
        rectified.GetProperty("rectifiedLate").GetBoolean().ShouldBeFalse();
        rectified.GetProperty("version").GetInt32().ShouldBe(2);
        (await ClosedOnAsync(bed, id)).ShouldBe("2025-03-18");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(stale)).GetProperty("code").GetString().ShouldBe("inspection.stale_version");
        twice.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(twice)).GetProperty("code").GetString().ShouldBe("inspection.already_rectified");
        (await bed.QueryAsync<string>("SELECT kind FROM record_entries WHERE chain_key = @id ORDER BY sequence", new { id }))
            .ShouldBe(["inspection.recorded", "inspection.rectified"]);
    }

    [Fact]
    public async Task Rectified_WithoutDateOrBeforeTheInspection_IsRefusedNamingTheField()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");
        var id = (await RecordOkAsync(client, ("result", "责令改正"), ("rectificationDeadline", "2025-03-20"))).GetProperty("id").GetInt64();

        var noDate = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { note = "已整改" });
        var early = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-09", note = "已整改" });

        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(noDate)).GetProperty("errors").GetProperty("date")[0].GetString()!.ShouldContain("整改完成日期");
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(early)).GetProperty("errors").GetProperty("date")[0].GetString()!.ShouldContain("早于检查日期2025-03-10");
    }

    [Fact]
    public async Task Refer_MarksTheInspectionReferredAndReturnsTheFilingMaterial_AndTheRecordVerifies()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");
        var recorded = await RecordOkAsync(client, ("result", "移交立案"), ("findings", "冷藏柜内发现超过保质期的熟食制品12盒"));
        var id = recorded.GetProperty("id").GetInt64();
        recorded.GetProperty("statusName").GetString().ShouldBe("待移交立案");

        var response = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11" });
        var again = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { });
        var rectify = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/rectified", new { date = "2025-03-12", note = "已整改" });

        var body = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var inspection = body.GetProperty("inspection");
        inspection.GetProperty("statusName").GetString().ShouldBe("已移交立案");
        inspection.GetProperty("referredOn").GetString().ShouldBe("2025-03-11");
        inspection.GetProperty("referredBy").GetString().ShouldBe("offA");
        var filing = body.GetProperty("filing");
        filing.GetProperty("party").GetProperty("type").GetString().ShouldBe("LegalPerson");
        filing.GetProperty("party").GetProperty("idNumber").GetString().ShouldBe(CompanyCode);
        filing.GetProperty("facts").GetString().ShouldBe("冷藏柜内发现超过保质期的熟食制品12盒");
        filing.GetProperty("discoveredOn").GetString().ShouldBe("2025-03-10");
        Codes(filing, "powerSuggestions", "code").ShouldBe(["PA1"]);
        Codes(filing, "officers", "certificateNumber").ShouldBe(["A001", "A002"]);
        filing.GetProperty("officers").EnumerateArray().ShouldAllBe(o => o.GetProperty("mayAct").GetBoolean());
        filing.GetProperty("penaltyCaseId").ValueKind.ShouldBe(JsonValueKind.Null);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(again)).GetProperty("code").GetString().ShouldBe("inspection.already_referred");
        (await Json(rectify)).GetProperty("code").GetString().ShouldBe("inspection.not_rectification");

        var record = await Json(await client.GetAsync($"/api/v1/cases/{id}/record"));
        record.GetProperty("verified").GetBoolean().ShouldBeTrue();
        Codes(record, "entries", "kind").ShouldBe(["inspection.recorded", "inspection.referred"]);
        var audit = await bed.AuditAsync();
        audit.ExitCode.ShouldBe(0, audit.StdErr);
        audit.StdOut.ShouldContain("全过程记录校验通过");
    }

    [Fact]
    public async Task Refer_AnInspectionWithoutReferralResult_IsRefused()
    {
        await using var bed = await StartAsync();
        var client = await bed.ClientAsAsync("offA");
        var id = (await RecordOkAsync(client)).GetProperty("id").GetInt64();

        var response = await client.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(response)).GetProperty("code").GetString().ShouldBe("inspection.not_referral");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key = @id", new { id })).ShouldBe(1);
    }

    [Fact]
    public async Task List_FiltersByDateResultOfficerAndParty()
    {
        await using var bed = await StartAsync();
        var a = await bed.ClientAsAsync("offA");
        await RecordOkAsync(a, ("inspectedOn", "2025-03-03"));
        await RecordOkAsync(a, ("inspectedOn", "2025-03-05"), ("officers", new[] { "A001", "A002" }), ("result", "移交立案"));
        await RecordOkAsync(a, ("partyType", "自然人"), ("partyName", "王芳"), ("partyIdNumber", PersonId));

        async Task<string[]> Numbers(string query) =>
            (await Json(await a.GetAsync("/api/v1/inspections?" + query))).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("number").GetString()![^1..]).ToArray();

        (await Numbers("")).ShouldBe(["3", "2", "1"]); // newest inspection first
        (await Numbers("from=2025-03-04&to=2025-03-09")).ShouldBe(["2"]);
        (await Numbers("result=移交立案")).ShouldBe(["2"]);
        (await Numbers("result=NoProblem")).ShouldBe(["3", "1"]);
        (await Numbers("officer=A001")).ShouldBe(["3", "2", "1"]);
        (await Numbers("officer=A003")).ShouldBeEmpty();
        (await Numbers("party=王芳")).ShouldBe(["3"]);
        (await Numbers("party=" + CompanyCode[..10])).ShouldBe(["2", "1"]);
        var paged = await Json(await a.GetAsync("/api/v1/inspections?page=2&pageSize=2"));
        paged.GetProperty("total").GetInt32().ShouldBe(3);
        paged.GetProperty("items").GetArrayLength().ShouldBe(1);
        var bad = await a.GetAsync("/api/v1/inspections?from=03/04/2025&result=警告");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["from", "result"]);
    }

    /// <summary>结案日期 as text on both engines (SQLite stores dates as text, PostgreSQL as date).</summary>
    private static Task<string?> ClosedOnAsync(RecordTestBed bed, long id) =>
        bed.ScalarAsync<string?>("SELECT CAST(closed_on AS text) FROM cases WHERE id = @id", new { id });

    private static string?[] Codes(JsonElement e, string array, string property) =>
        e.GetProperty(array).EnumerateArray().Select(x => x.GetProperty(property).GetString()).ToArray();
}

public sealed class SqliteInspectionFollowUpApiTests : InspectionFollowUpApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInspectionFollowUpApiTests(PostgresServer server) : InspectionFollowUpApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(server);
}
