using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Domain.Officers;

namespace Zhifa.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class CertificateApiTests(WebAppFixture web)
{
    [Fact]
    public async Task Revoke_ByOwnAgencyAdmin_RecordsEventAndSecondRevokeIs422()
    {
        var client = await web.ClientAsAsync("adminA");

        var first = await client.PostAsJsonAsync("/api/v1/officers/A002/certificate/revoke", new { date = "2024-05-01", reason = "退休" });
        var second = await client.PostAsJsonAsync("/api/v1/officers/A002/certificate/revoke", new { date = "2024-06-01", reason = "调离" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await AuthApiTests.Json(first);
        detail.GetProperty("status").GetString().ShouldBe("已注销");
        detail.GetProperty("history").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "Revoked");
        second.StatusCode.ShouldBe((HttpStatusCode)422);
        (await AuthApiTests.Json(second)).GetProperty("code").GetString().ShouldBe("certificate.already_revoked");
        await using var db = web.Target.CreateContext();
        var id = await db.Officers.Where(o => o.CertificateNumber == "A002").Select(o => o.Id).SingleAsync();
        (await db.CertificateEvents.CountAsync(e => e.OfficerId == id && e.Kind == CertificateEventKind.Revoked)).ShouldBe(1);
    }

    [Fact]
    public async Task Revoke_ByOtherAgencyAdmin_Is404()
    {
        var client = await web.ClientAsAsync("adminB");

        var response = await client.PostAsJsonAsync("/api/v1/officers/A003/certificate/revoke", new { date = "2024-05-01", reason = "退休" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoke_WithoutDateOrReason_Is400WithErrorsByField()
    {
        var client = await web.ClientAsAsync("adminA");

        var response = await client.PostAsJsonAsync("/api/v1/officers/A003/certificate/revoke", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await AuthApiTests.Json(response)).GetProperty("errors");
        errors.GetProperty("date")[0].GetString()!.ShouldContain("日期");
        errors.GetProperty("reason")[0].GetString()!.ShouldContain("原因");
    }

    [Fact]
    public async Task SuspendThenReinstate_BySupervisor_Succeeds()
    {
        var client = await web.ClientAsAsync("sup");

        var suspended = await client.PostAsJsonAsync("/api/v1/officers/B002/certificate/suspend", new { date = "2024-05-01", reason = "违纪调查" });
        var reinstated = await client.PostAsJsonAsync("/api/v1/officers/B002/certificate/reinstate", new { date = "2024-07-01" });

        suspended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuthApiTests.Json(suspended)).GetProperty("status").GetString().ShouldBe("暂扣");
        reinstated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuthApiTests.Json(reinstated)).GetProperty("status").GetString().ShouldBe("有效");
    }

    [Fact]
    public async Task Issue_ByAgencyAdmin_Creates201AndDuplicateIs409()
    {
        var client = await web.ClientAsAsync("adminA");
        var body = new { certificateNumber = "A100", name = "孙强", agencyCode = "AGA", issuedOn = "2024-03-01", isLegalReviewer = true };

        var created = await client.PostAsJsonAsync("/api/v1/officers", body);
        var duplicate = await client.PostAsJsonAsync("/api/v1/officers", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/v1/officers/A100");
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AuthApiTests.Json(duplicate)).GetProperty("code").GetString().ShouldBe("officer.duplicate_number");
    }

    [Fact]
    public async Task Issue_WithBadResidentId_Is400KeyedByField()
    {
        var client = await web.ClientAsAsync("adminA");

        var response = await client.PostAsJsonAsync("/api/v1/officers",
            new { certificateNumber = "A101", name = "周敏", agencyCode = "AGA", issuedOn = "2024-03-01", residentId = "12010219900101123" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AuthApiTests.Json(response)).GetProperty("errors").GetProperty("residentId")[0].GetString()!.ShouldContain("身份证号");
    }
}
