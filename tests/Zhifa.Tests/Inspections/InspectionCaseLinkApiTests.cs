using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using Zhifa.Tests.Records;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// The link between an inspection and the penalty case filed from its 移交立案 (ADR-010, ADR-013), in the API's JSON: the
/// inspection names the case (id, number, url) and the case names its source inspection, whether the head's referral filed
/// it at once or the head filed it later from an officer's referral (<c>inspectionId</c> on 立案).
/// </summary>
public abstract class InspectionCaseLinkApiTests
{
    protected abstract Task<RecordTestBed> StartAsync();

    private static async Task<(long Id, string Number)> ReferredByOfficerAsync(RecordTestBed bed)
    {
        var officer = await bed.ClientAsAsync("offA");
        var inspection = await RecordOkAsync(officer, ("result", "移交立案"), ("findings", "冷藏柜内发现超过保质期的熟食制品12盒"));
        var id = inspection.GetProperty("id").GetInt64();
        (await officer.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (id, inspection.GetProperty("number").GetString()!);
    }

    private static object Filing(long? inspectionId) => new
    {
        powerCode = "PA1", party = new { type = "LegalPerson", name = "天津鑫盛餐饮管理有限公司", identifier = CompanyCode },
        actOn = "2025-03-10", discoveredOn = "2025-03-10", filedOn = "2025-03-11", caseSummary = "冷藏柜内发现超过保质期的熟食制品12盒",
        caseSource = "监督检查", officers = new[] { "A001", "A002" }, inspectionId,
    };

    [Fact]
    public async Task OfficersReferral_FiledLaterByTheHead_LinksBothWays()
    {
        await using var bed = await StartAsync();
        var (id, number) = await ReferredByOfficerAsync(bed);
        var head = await bed.ClientAsAsync("adminA");

        var filed = await head.PostAsJsonAsync("/api/v1/penalty-cases", Filing(id));

        var view = await Json(filed);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToString());
        var caseId = view.GetProperty("id").GetInt64();
        var caseNumber = view.GetProperty("number").GetString();
        var source = view.GetProperty("sourceInspection");
        source.GetProperty("id").GetInt64().ShouldBe(id);
        source.GetProperty("number").GetString().ShouldBe(number);
        source.GetProperty("inspectedOn").GetString().ShouldBe("2025-03-10");
        source.GetProperty("url").GetString().ShouldBe($"/api/v1/inspections/{id}");
        (await Json(await head.GetAsync($"/api/v1/penalty-cases/{caseId}"))).GetProperty("sourceInspection").GetProperty("number").GetString().ShouldBe(number);
        var inspection = await Json(await head.GetAsync($"/api/v1/inspections/{id}"));
        inspection.GetProperty("penaltyCaseId").GetInt64().ShouldBe(caseId);
        inspection.GetProperty("penaltyCaseNumber").GetString().ShouldBe(caseNumber);
        inspection.GetProperty("penaltyCaseUrl").GetString().ShouldBe($"/api/v1/penalty-cases/{caseId}");
        (await bed.QueryAsync<string>("SELECT kind FROM record_entries WHERE chain_key = @id ORDER BY sequence", new { id }))
            .ShouldBe(["inspection.recorded", "inspection.referred", "inspection.case-filed"]);
        (await bed.AuditAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task FilingAgain_FromALinkedInspection_Is422AndFilesNothing()
    {
        await using var bed = await StartAsync();
        var (id, _) = await ReferredByOfficerAsync(bed);
        var head = await bed.ClientAsAsync("adminA");
        (await head.PostAsJsonAsync("/api/v1/penalty-cases", Filing(id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases");

        var again = await head.PostAsJsonAsync("/api/v1/penalty-cases", Filing(id));

        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(again);
        problem.GetProperty("code").GetString().ShouldBe("inspection.penalty_case_linked");
        problem.GetProperty("detail").GetString()!.ShouldContain("已关联处罚案件");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases")).ShouldBe(before);
    }

    [Fact]
    public async Task Filing_FromAnInspectionNotReferred_Is422AndFilesNothing()
    {
        await using var bed = await StartAsync();
        var id = (await RecordOkAsync(await bed.ClientAsAsync("offA"), ("result", "移交立案"))).GetProperty("id").GetInt64();

        var response = await (await bed.ClientAsAsync("adminA")).PostAsJsonAsync("/api/v1/penalty-cases", Filing(id));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("inspectionId");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases")).ShouldBe(0);
        (await bed.ScalarAsync<long?>("SELECT penalty_case_id FROM inspections WHERE case_id = @id", new { id })).ShouldBeNull();
    }

    [Fact]
    public async Task HeadsReferral_FilesAtOnce_AndBothSidesNameEachOther()
    {
        await using var bed = await StartAsync();
        var inspection = await RecordOkAsync(await bed.ClientAsAsync("offA"), ("result", "移交立案"));
        var id = inspection.GetProperty("id").GetInt64();
        var head = await bed.ClientAsAsync("adminA");

        var referred = await Json(await head.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11", powerCode = "PA1" }));

        var caseId = referred.GetProperty("inspection").GetProperty("penaltyCaseId").GetInt64();
        var view = await Json(await head.GetAsync($"/api/v1/penalty-cases/{caseId}"));
        referred.GetProperty("inspection").GetProperty("penaltyCaseNumber").GetString().ShouldBe(view.GetProperty("number").GetString());
        view.GetProperty("sourceInspection").GetProperty("number").GetString().ShouldBe(inspection.GetProperty("number").GetString());
        // Another agency's officer sees neither.
        (await (await bed.ClientAsAsync("offB")).GetAsync($"/api/v1/penalty-cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CaseFiledWithoutInspection_HasNoSource()
    {
        await using var bed = await StartAsync();

        var response = await (await bed.ClientAsAsync("adminA")).PostAsJsonAsync("/api/v1/penalty-cases", Filing(null));

        var view = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, view.ToString());
        view.GetProperty("sourceInspection").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}

public sealed class SqliteInspectionCaseLinkApiTests : InspectionCaseLinkApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(null);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInspectionCaseLinkApiTests(PostgresServer server) : InspectionCaseLinkApiTests
{
    protected override Task<RecordTestBed> StartAsync() => InspectionBed.StartAsync(server);
}
