using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Zhifa.Tests.Inspections.InspectionBed;

namespace Zhifa.Tests.Inspections;

/// <summary>
/// 移交立案 wired to the penalty-case service (ADR-010): the agency head's referral files a real penalty case from the
/// inspection in the referral's transaction; an officer's referral waits for the head's filing.
/// </summary>
public sealed class InspectionReferralApiTests
{
    private static async Task<long> ReferralInspectionAsync(HttpClient officer) =>
        (await RecordOkAsync(officer, ("result", "移交立案"), ("findings", "冷藏柜内发现超过保质期的熟食制品12盒"))).GetProperty("id").GetInt64();

    [Fact]
    public async Task Refer_ByTheAgencyHead_FilesAPenaltyCaseFromTheInspection()
    {
        await using var bed = await StartAsync(null);
        var id = await ReferralInspectionAsync(await bed.ClientAsAsync("offA"));
        var head = await bed.ClientAsAsync("adminA");

        var response = await head.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11", powerCode = "PA1" });

        var body = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var caseId = body.GetProperty("filing").GetProperty("penaltyCaseId").GetInt64();
        body.GetProperty("inspection").GetProperty("penaltyCaseId").GetInt64().ShouldBe(caseId);
        var penalty = await Json(await head.GetAsync($"/api/v1/penalty-cases/{caseId}"));
        penalty.GetProperty("stage").GetString().ShouldBe("Filed");
        penalty.GetProperty("power").GetProperty("code").GetString().ShouldBe("PA1");
        penalty.GetProperty("party").GetProperty("name").GetString().ShouldBe("天津鑫盛餐饮管理有限公司");
        penalty.GetProperty("party").GetProperty("identifier").GetString().ShouldBe(CompanyCode);
        penalty.GetProperty("caseSummary").GetString().ShouldBe("冷藏柜内发现超过保质期的熟食制品12盒");
        penalty.GetProperty("caseSource").GetString().ShouldBe("监督检查");
        penalty.GetProperty("discoveredOn").GetString().ShouldBe("2025-03-10");
        penalty.GetProperty("filedOn").GetString().ShouldBe("2025-03-11");
        penalty.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("certificateNumber").GetString()).ShouldBe(["A001", "A002"]);
        (await bed.ScalarAsync<long>("SELECT penalty_case_id FROM inspections WHERE case_id = @id", new { id })).ShouldBe(caseId);
    }

    [Fact]
    public async Task Refer_ByTheAgencyHead_UnderAPowerOnTheMajorDecisionList_FilesTheCaseMarked()
    {
        await using var bed = await StartAsync(null);
        var id = await ReferralInspectionAsync(await bed.ClientAsAsync("offA"));
        var head = await bed.ClientAsAsync("adminA");
        (await head.PutAsJsonAsync("/api/v1/powers/PA1/major-decision-list", new { listed = true, reason = "列入本局重大执法决定法制审核目录" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await head.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11", powerCode = "PA1" });

        var body = await Json(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var caseId = body.GetProperty("filing").GetProperty("penaltyCaseId").GetInt64();
        var penalty = await Json(await head.GetAsync($"/api/v1/penalty-cases/{caseId}"));
        penalty.GetProperty("significance").GetProperty("onMajorDecisionList").GetBoolean().ShouldBeTrue();
        penalty.GetProperty("legalReviewGrounds").EnumerateArray().Select(g => g.GetString()).ShouldBe(["属于本机关重大执法决定法制审核目录"]);
    }

    [Fact]
    public async Task Refer_ByTheHeadWithAPowerTheServiceRefuses_Is422AndNothingIsWritten()
    {
        await using var bed = await StartAsync(null);
        var id = await ReferralInspectionAsync(await bed.ClientAsAsync("offA"));
        var before = await WrittenAsync(bed);

        var response = await (await bed.ClientAsAsync("adminA")).PostAsJsonAsync($"/api/v1/inspections/{id}/refer",
            new { date = "2025-03-11", powerCode = "PA2" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await Json(response);
        body.GetProperty("code").GetString().ShouldBe("penalty.power_not_penalty");
        body.GetProperty("detail").GetString()!.ShouldContain("不是行政处罚职权");
        (await WrittenAsync(bed)).ShouldBe(before);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases")).ShouldBe(0);
    }

    [Fact]
    public async Task Refer_ByAnOfficer_RecordsTheReferralAndLeavesFilingToTheHead()
    {
        await using var bed = await StartAsync(null);
        var officer = await bed.ClientAsAsync("offA");
        var id = await ReferralInspectionAsync(officer);

        var response = await officer.PostAsJsonAsync($"/api/v1/inspections/{id}/refer", new { date = "2025-03-11", powerCode = "PA1" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(response)).GetProperty("filing").GetProperty("penaltyCaseId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await bed.ScalarAsync<long>("SELECT count(*) FROM penalty_cases")).ShouldBe(0);
    }
}
