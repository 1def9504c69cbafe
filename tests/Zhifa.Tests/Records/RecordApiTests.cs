using System.Net;
using System.Text.Json;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.Records.EvidenceApi;

namespace Zhifa.Tests.Records;

/// <summary>The record and evidence API: agency scoping (another agency's case is 404), upload checks and downloads.</summary>
public abstract class RecordApiTests
{
    protected abstract Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null);

    [Fact]
    public async Task OfficerOfAnotherAgency_OnRecordAndEvidence_Is404AndLearnsNothing()
    {
        await using var bed = await StartAsync();
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);
        var uploaded = await UploadOkAsync(await bed.ClientAsAsync("offA"), a1, Bytes("现场照片"));
        var evidenceId = uploaded.GetProperty("id").GetInt64();
        var offB = await bed.ClientAsAsync("offB");

        var responses = new[]
        {
            await offB.GetAsync($"/api/v1/cases/{a1}/record"),
            await offB.GetAsync($"/api/v1/cases/{a1}/evidence"),
            await offB.GetAsync($"/api/v1/cases/{a1}/evidence/{evidenceId}/content"),
            await UploadAsync(offB, a1, Bytes("他人的照片")),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var problem = await Json(response);
            problem.GetProperty("code").GetString().ShouldBe("case.not_found");
            problem.GetProperty("detail").GetString()!.ShouldNotContain(RecordTestBed.CaseA1);
        }
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key <> 0")).ShouldBe(1);
    }

    [Fact]
    public async Task Supervisor_ReadsEveryAgencysRecordButCannotUpload()
    {
        await using var bed = await StartAsync();
        var b1 = await bed.CaseIdAsync(RecordTestBed.CaseB1);
        await UploadOkAsync(await bed.ClientAsAsync("offB"), b1, Bytes("占道经营照片"));
        var sup = await bed.ClientAsAsync("sup");

        var record = await sup.GetAsync($"/api/v1/cases/{b1}/record");
        var upload = await UploadAsync(sup, b1, Bytes("监督机构的照片"));

        record.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(record)).GetProperty("entries").GetArrayLength().ShouldBe(1);
        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(upload)).GetProperty("detail").GetString()!.ShouldContain("执法监督机构只能查看");
    }

    [Fact]
    public async Task UnknownCase_Is404()
    {
        await using var bed = await StartAsync();

        var response = await (await bed.ClientAsAsync("sup")).GetAsync("/api/v1/cases/999999/record");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(response)).GetProperty("title").GetString().ShouldBe("未找到");
    }

    [Fact]
    public async Task Upload_WithoutFileOrWithUnknownKind_Is400NamingTheFields()
    {
        await using var bed = await StartAsync();
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);
        var client = await bed.ClientAsAsync("offA");

        var badKind = await UploadAsync(client, a1, Bytes("照片"), kind: "selfie");
        using var noFile = new MultipartFormDataContent { { new StringContent("photo"), "kind" } };
        var missing = await client.PostAsync($"/api/v1/cases/{a1}/evidence", noFile);

        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(badKind)).GetProperty("errors").GetProperty("kind")[0].GetString().ShouldStartWith("证据类型应为:photo(照片)");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(missing)).GetProperty("errors").GetProperty("file")[0].GetString().ShouldBe("请选择要上传的证据文件(表单字段 file)");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM record_entries WHERE chain_key <> 0")).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_OverTheConfiguredLimit_Is413InChineseAndRecordsNothing()
    {
        await using var bed = await StartAsync(maxEvidenceMegabytes: 1);
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);

        var response = await UploadAsync(await bed.ClientAsAsync("offA"), a1, new byte[1024 * 1024 + 1], "执法记录仪.mp4", "video");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await Json(response);
        problem.GetProperty("code").GetString().ShouldBe("evidence.too_large");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("证据文件超过大小上限 1 MB");
        (await bed.ScalarAsync<long>("SELECT count(*) FROM evidence_files")).ShouldBe(0);
        Directory.EnumerateFiles(bed.EvidenceDir, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_SameBytesTwice_StoresOneFileAndRecordsTwoEntries()
    {
        await using var bed = await StartAsync();
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);
        var client = await bed.ClientAsAsync("offA");

        var first = await UploadOkAsync(client, a1, Bytes("同一张照片"), "第一次.jpg");
        var second = await UploadOkAsync(client, a1, Bytes("同一张照片"), "第二次.jpg");
        var list = await Json(await client.GetAsync($"/api/v1/cases/{a1}/evidence"));

        first.GetProperty("sha256").GetString().ShouldBe(second.GetProperty("sha256").GetString());
        first.GetProperty("recordSequence").GetInt64().ShouldBe(1);
        second.GetProperty("recordSequence").GetInt64().ShouldBe(2);
        list.GetProperty("total").GetInt32().ShouldBe(2);
        list.GetProperty("items")[1].GetProperty("fileName").GetString().ShouldBe("第二次.jpg");
        list.GetProperty("items")[1].GetProperty("kindName").GetString().ShouldBe("照片");
        Directory.EnumerateFiles(bed.EvidenceDir, "*", SearchOption.AllDirectories).Count().ShouldBe(1);
    }

    [Fact]
    public async Task Download_ReturnsTheStoredBytesWithTheirDigest()
    {
        await using var bed = await StartAsync();
        var a1 = await bed.CaseIdAsync(RecordTestBed.CaseA1);
        var client = await bed.ClientAsAsync("offA");
        var bytes = Bytes("询问笔录全文");
        var uploaded = await UploadOkAsync(client, a1, bytes, "询问笔录.pdf", "文书", "第一次询问");

        var response = await client.GetAsync(uploaded.GetProperty("contentUrl").GetString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("询问笔录.pdf");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Repr-Digest").Single()
            .ShouldBe($"sha-256=:{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(bytes))}:");
        uploaded.GetProperty("kind").GetString().ShouldBe("document");
    }

    [Fact]
    public async Task OpenApi_DescribesTheRecordRoutesInChinese()
    {
        await using var bed = await StartAsync();

        var doc = await (await bed.ClientAsAsync("sup")).GetStringAsync("/openapi/v1.json");

        doc.ShouldContain("/api/v1/cases/{id}/evidence/{evidenceId}/content");
        doc.ShouldContain("multipart/form-data");
        doc.ShouldContain("执法全过程记录");
    }

    private static Task<JsonElement> Json(HttpResponseMessage response) => Web.AuthApiTests.Json(response);
}

public sealed class SqliteRecordApiTests : RecordApiTests
{
    protected override Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null) => RecordTestBed.StartAsync(null, maxEvidenceMegabytes);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecordApiTests(PostgresServer server) : RecordApiTests
{
    protected override Task<RecordTestBed> StartAsync(long? maxEvidenceMegabytes = null) => RecordTestBed.StartAsync(server, maxEvidenceMegabytes);
}
